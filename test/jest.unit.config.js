// Unit tier: pure logic next to the code in src/, no database.
module.exports = {
  ...require('./jest.base'),
  displayName: 'unit',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
