import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'coverage', 'dev-dist', '.tmp', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Layers point down only (eslint/layers.js holds the table): every folder, .ts and .tsx.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { trame: layers },
    rules: { 'trame/layers': 'error' },
  },
  {
    // The relay imports only src/model of the client's code.
    files: ['server/**/*.ts'],
    plugins: { trame: layers },
    rules: {
      'trame/layers': 'error',
      // …and none of the browser's libraries, which would mean client code moved in.
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'i18next', 'react-i18next', 'y-indexeddb', 'html-to-image'],
          message: 'server/ runs in node: no browser or React library (the relay imports only src/model of the client).',
        }],
      }],
    },
  },
  {
    // The model is shared by the app, the relay and node tests: no UI, DOM or network in it.
    files: ['src/model/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*'], message: 'src/model is plain TypeScript: no React.' },
          { group: ['y-websocket', 'y-indexeddb', 'ws', 'node:*', 'http', 'https', 'fs', 'net'], message: 'src/model does no I/O.' },
          { group: ['**/ui/**', '**/app/**', '**/components/**', '**/server/**'], message: 'src/model does not import app or server code.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'WebSocket', 'XMLHttpRequest', 'indexedDB'],
    },
  },
);
