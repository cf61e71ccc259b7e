/** Unit tests of the benchmark's statistics and load shapes (the benchmark itself is a script, not a test). */
module.exports = {
  displayName: 'bench',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.(t|j)s$': require('../../jest.swc.js') },
  moduleNameMapper: require('../../jest.module-names.js'),
};
