import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noLiteralText from './scripts/eslint/no-literal-text.mjs';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
      ],
    },
  },
  {
    // The bin shim is plain CommonJS so it runs on any Node without a loader.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18n: { rules: { 'no-literal-text': noLiteralText } } },
    rules: { ...reactHooks.configs.recommended.rules, 'i18n/no-literal-text': 'error' },
  },
  {
    // The core, the CLI and the sandbox run under plain Node: they must never load Electron.
    // Only the shell (src/main/shell) and its entry point (src/main/index.ts) may.
    files: ['src/main/**', 'src/cli/**', 'src/sandbox/**', 'src/shared/**'],
    ignores: ['src/main/shell/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Core code must stay Electron-free (see DESIGN.md).' },
          ],
        },
      ],
    },
  },
  {
    // The sandbox servers read the contracts on their own: they never import the client side.
    files: ['src/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The sandbox runs under plain Node.' }],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/cli/**'],
              message: 'The sandbox must not import the client side.',
            },
          ],
        },
      ],
    },
  },
);
