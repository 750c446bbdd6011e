// Unit tier: pure logic next to the code in src/, no database.
module.exports = {
  ...require('./jest.base.cjs'),
  displayName: 'unit',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
