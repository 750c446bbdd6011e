// ESLint (flat config): typescript-eslint's recommended rules, plus the few
// type-aware rules that catch what reviews miss here (a promise nobody
// awaits: an HTTP call in a test that can never fail, a write whose error
// is lost). Formatting is Prettier's job (eslint-config-prettier turns off
// the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-tools/', 'node_modules/', '.stance/', 'coverage/', 'test/artifacts/', 'src/view/assets/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // Input validation matches control characters on purpose (names, quotes, CSV cells).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The pages the service serves (the analyst view, the review desk): plain browser scripts.
    files: ['src/view/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'fetch', 'sessionStorage', 'setTimeout', 'clearTimeout', 'console'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  prettier,
);
