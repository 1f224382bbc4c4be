// Lint rules that keep the architecture honest (DESIGN §2): Electron only in main/app and the
// preload; the page and the shared code never reach Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Matched exactly, so a local './domain' is not mistaken for Node's 'domain'.
const nodeModules = `^(node:.*|${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`;
const noElectron = { name: 'electron', message: 'Electron belongs in main/app/ and main/preload.ts only.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.test-results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['main/app/**', 'main/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**', 'shared/**', 'tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'better-sqlite3', message: 'The page and shared code never touch the database.' }],
          patterns: [{ regex: nodeModules, message: 'The page and shared code run in a browser: no Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'tests/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
