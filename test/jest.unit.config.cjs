// Unit tier: pure logic next to the code (in src/ and in the tools, cli/ and bench/), no database.
module.exports = {
  ...require('./jest.base.cjs'),
  displayName: 'unit',
  testMatch: ['<rootDir>/{src,cli,bench}/**/*.spec.ts'],
};
