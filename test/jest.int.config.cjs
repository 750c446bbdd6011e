// Integration tier: specs in test/integration against one real Neo4j that
// global-setup.ts starts with Testcontainers for the whole run.
module.exports = {
  ...require('./jest.base.cjs'),
  displayName: 'integration',
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Two cores and one shared database: specs run one after another.
  maxWorkers: 1,
  testTimeout: 60000,
};
