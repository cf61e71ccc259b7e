export * from './headers';
export * from './health';
export * from './route-paths';
export * from './route-path';
export * from './gateway-routes';
