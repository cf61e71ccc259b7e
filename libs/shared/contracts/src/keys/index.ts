export * from './api-key';
export * from './key-routes';
