/** Unit tests of the catalog import: pure mapping and price-history rules. */
module.exports = {
  displayName: 'catalog-import',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': require('../../jest.swc.js') },
  moduleNameMapper: require('../../jest.module-names.js'),
};
