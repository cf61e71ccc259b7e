export * from './admin-routes';
export * from './admin-users';
export * from './admin-requests';
export * from './admin-models';
export * from './audit-log';
export * from './upstream-accounts';
