// ESLint flat config: typescript-eslint's recommended rules, the layer rule of ARCHITECTURE.md
// (`src/core/` is pure TypeScript, with no `vscode` and no Node file system), and eslint-plugin-regexp's
// checks for regular expressions that backtrack super-linearly: text from a repository is hostile.
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'samples/**', '*.mjs', 'test/host/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map(name => ({
          name, message: 'src/core is pure: no vscode, no file system. Take text and paths; let a feature do the I/O.',
        })),
      }],
    },
  },
);
