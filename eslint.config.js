// Lint rules that keep the architecture's walls: the core imports nothing outside itself, the
// workers hold no UI code, and nothing uses innerHTML or eval.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const uiLibraries = ['svelte', 'svelte/*', 'd3-*', 'comlink', 'idb-keyval'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM nodes or use Svelte markup; never innerHTML.',
        },
        { property: 'outerHTML', message: 'Never set outerHTML.' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: { 'svelte/no-at-html-tags': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...uiLibraries, 'node:*', '../*'],
              message: 'src/core is pure: it imports only from src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'process', 'postMessage'],
    },
  },
  {
    // The optimizers', scripts' and wasm folders may import the rest of the core (one level up), nothing beyond.
    files: ['src/core/optimizers/*.ts', 'src/core/scripts/*.ts', 'src/core/wasm/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...uiLibraries, 'node:*', '../../*'],
              message: 'src/core is pure: it imports only from src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', 'd3-*', '../src/*.svelte', '../src/ui/*'],
              message: 'Workers adapt the core; no UI code here.',
            },
          ],
        },
      ],
    },
  },
);
