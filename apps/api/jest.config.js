/** Unit specs that sit beside the code. */
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': require('../../jest.swc.js') },
  transformIgnorePatterns: require('../../jest.swc.js').transformIgnorePatterns,
  moduleNameMapper: require('../../jest.module-names.js'),
  setupFiles: ['reflect-metadata'],
};
