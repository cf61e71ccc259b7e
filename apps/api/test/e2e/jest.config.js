/**
 * End-to-end tests: the real app on Fastify against a throwaway PostgreSQL database made for
 * this run (and the real Redis where a test asks for it). The money suites run twice: with
 * credit leases (the default) and with a durable hold per request (BILLING_LEASES=off), so both
 * billing strategies stay tested.
 */
const project = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': require('../../../../jest.swc.js') },
  transformIgnorePatterns: require('../../../../jest.swc.js').transformIgnorePatterns,
  moduleNameMapper: require('../../../../jest.module-names.js'),
  setupFiles: ['reflect-metadata'],
};

const MONEY_SUITES = [
  '<rootDir>/billing/gateway-money.e2e-spec.ts',
  '<rootDir>/completions/billing.e2e-spec.ts',
  '<rootDir>/messages/errors-and-billing.e2e-spec.ts',
];

module.exports = {
  globalSetup: '<rootDir>/../support/global-setup.ts',
  globalTeardown: '<rootDir>/../support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    { ...project, displayName: 'api-e2e', testMatch: ['<rootDir>/**/*.e2e-spec.ts'] },
    {
      ...project,
      displayName: 'api-e2e (BILLING_LEASES=off)',
      testMatch: MONEY_SUITES,
      setupFiles: [...project.setupFiles, '<rootDir>/../support/leases-off.ts'],
    },
  ],
};
