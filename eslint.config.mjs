// ESLint flat config: typescript-eslint's recommended rules, and the layer rule of ARCHITECTURE.md:
// `src/core/` is pure TypeScript, with no `vscode` and no Node file system.
import js from '@eslint/js';
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
