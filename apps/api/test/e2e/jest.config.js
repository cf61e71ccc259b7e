/**
 * End-to-end tests: the real app on Fastify against a throwaway PostgreSQL database made for
 * this run (and the real Redis where a test asks for it).
 */
module.exports = {
  displayName: 'api-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)s$': require('../../../../jest.swc.js') },
  transformIgnorePatterns: require('../../../../jest.swc.js').transformIgnorePatterns,
  moduleNameMapper: require('../../../../jest.module-names.js'),
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/../support/global-setup.ts',
  globalTeardown: '<rootDir>/../support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
