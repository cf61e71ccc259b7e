export * from './upstream-protocols';
