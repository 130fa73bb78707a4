import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src-main/electron/ may import electron; go through the core or the API contract.',
};
const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'react/*', '@mantine/*', '@tabler/*'];

export default defineConfig(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src-main/**', 'test/**', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  // Layering (DESIGN.md section 1): everywhere but the Electron shell, no electron.
  {
    files: ['**/*.{ts,tsx,js}'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  // The core never touches the DOM, React or the UI kit.
  {
    files: ['src-main/{contract,domain,sms,db,app,web,cli}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [{ group: [...uiLibraries, '**/src-renderer/**'], message: 'The core imports no UI code.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'],
    },
  },
  // The renderer reaches the core only through the API contract.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
            {
              // Besides the contract, only pure date and time-zone arithmetic (Intl, no Node) is shared.
              regex: 'src-main/(?!contract/|domain/time-zone$|domain/calendar/civil-date$)',
              message: 'The renderer reaches the core only through src-main/contract.',
            },
          ],
        },
      ],
    },
  },
);
