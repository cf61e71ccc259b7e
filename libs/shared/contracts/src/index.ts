export * from './errors';
export * from './http';
export * from './openai';
export * from './auth';
export * from './keys';
export * from './models';
export * from './admin';
export * from './billing';
