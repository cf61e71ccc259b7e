export * from './account';
export * from './auth-routes';
