import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**'] },
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
);
