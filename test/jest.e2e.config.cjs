// End-to-end tier: the README's commands (`npm start`, then `npm run ingest`
// and `npm run quality`) run as a newcomer runs them, on a fresh clone in an
// empty temporary folder, on free ports, then driven over HTTP and through a
// real headless Chromium (Debian's, via playwright-core). One spec at a time:
// each starts a whole stack.
module.exports = {
  ...require('./jest.base.cjs'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  maxWorkers: 1,
  // A first run may npm ci, build and fetch the Neo4j jars before anything answers.
  testTimeout: 240000,
};
