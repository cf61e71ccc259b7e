export * from './model-id';
export * from './gateway-model';
export * from './catalog-model';
export * from './model-catalog-seed';
export * from './model-routes';
