import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import patterns a wing may not use: the layering of ARCHITECTURE.md, enforced. */
const OUTSIDE_CORE = [
  '**/http/**',
  '**/store/**',
  '**/config/**',
  '**/instance.ts',
  '**/harness.ts',
  '**/cli.ts',
];
const wing = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: why }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.massive-mock/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The bin is CommonJS (bin/package.json): a CommonJS entry starts faster than a module.
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The dashboard's script runs in the browser, served as is.
  { files: ['dashboard/**/*.js'], languageOptions: { globals: globals.browser } },
  wing(
    ['src/core/kernel/**'],
    ['../*', '!../kernel/*', ...OUTSIDE_CORE],
    'the kernel stands alone: it imports nothing else of src.',
  ),
  wing(
    ['src/core/control/**'],
    ['**/massive/**', '**/router/**', ...OUTSIDE_CORE],
    'the control plane serves every product: it imports only the kernel.',
  ),
  wing(
    ['src/core/router/**'],
    ['**/massive/**', ...OUTSIDE_CORE],
    'the LLM router is its own product: it imports only the kernel and the control plane.',
  ),
  wing(
    ['src/core/massive/**'],
    ['**/core/router/**', '../router/**', '../../router/**', ...OUTSIDE_CORE],
    'the Massive wing imports only the kernel and the control plane.',
  ),
);
