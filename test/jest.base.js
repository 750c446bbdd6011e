// Shared Jest settings: TypeScript through ts-jest in transpile-only mode
// (type checking is `npm run check`, so tests stay fast on two cores).
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }],
  },
};
