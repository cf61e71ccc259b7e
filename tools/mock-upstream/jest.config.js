/** Unit tests of the mock upstreams: each spec drives a real HTTP server on 127.0.0.1. */
module.exports = {
  displayName: 'mock-upstream',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The Responses spec validates the mock's output against OpenAI's schemas vendored in @apilink/testing.
  moduleNameMapper: require('../../jest.module-names.js'),
};
