// Reliability tier (npm run test:reliability): concurrent ingesters, a Neo4j
// outage in the middle of a load, and property-based fuzzing, against the
// real AppModule on loopback ports. Concurrency and fuzzing share one Neo4j
// container (globalSetup, as in the integration tier); the fault test starts
// and stops its own. Sizes scale with STANCE_REL_* (see test/reliability/support/knobs.ts).
module.exports = {
  ...require('./jest.base.cjs'),
  displayName: 'reliability',
  testMatch: ['<rootDir>/test/reliability/**/*.rel-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 300000,
};
