// Shared Jest settings. The project is ESM (NestJS 12 ships as ES modules), so
// Jest runs with --experimental-vm-modules and ts-jest emits ESM; type checking
// is `npm run check`, so tests transpile only and stay fast on two cores.
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'test/tsconfig.jest.json' }],
  },
};
