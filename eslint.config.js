import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-output/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs in the app, the CLI and tests alike: it must never load Electron (since Electron 42,
    // require('electron') from Node tries to download the binary).
    files: ['electron/core/**', 'electron/shared/**', 'electron/cli/**', 'migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core must not import Electron.' }],
          patterns: ['electron/*'],
        },
      ],
    },
  },
  {
    // The renderer is a web page: it reaches the register only through the contract (api.ts), never Node
    // or the core (type imports are erased and allowed).
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path', 'child_process', 'knex', 'sqlite3'].map((name) => ({
            name,
            message: 'The renderer must not use Node or Electron.',
          })),
          patterns: [
            { regex: '^node:', message: 'The renderer must not use Node.' },
            { regex: '/electron/core/', message: 'Call the core through api.ts.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
