export * from './admin-routes';
export * from './audit-log';
export * from './upstream-accounts';
