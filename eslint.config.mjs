// ESLint, flat config: Next's core-web-vitals and TypeScript configs, typescript-eslint recommended, Prettier last.
//
// TypeScript 7: the project's `typescript` (7.0.2, Go-native) has no JavaScript compiler API, and typescript-eslint
// throws on loading with it. So TypeScript 6's API is installed beside it as `typescript-6` (npm:typescript@6.0.3,
// inside typescript-eslint's peer range), and in this ESLint process alone `require('typescript…')` is sent there
// before typescript-eslint loads. tsc, next and everything else keep TypeScript 7 (npm ci links `tsc` to the package
// whose name sorts first, `typescript`); package.json's `overrides` only lets npm accept the "<6.1" peer range.
// The type-aware rules run with TypeScript 6's checker over the programs of tsconfig.json and tsconfig.scripts.json:
// the same sources, a compiler one major behind the one tsc runs.
import Module from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';

// Node's CommonJS resolver: typescript-eslint and the plugins that read `typescript` are all CommonJS.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request.replace(/^typescript(?=\/|$)/, 'typescript-6'), ...rest);
};
const { default: tseslint } = await import('typescript-eslint');
const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTs } = await import('eslint-config-next/typescript');

export default defineConfig([
  globalIgnores([
    '.next/',
    '.wordpress/',
    'artifacts/',
    'test-results/',
    'playwright-report/',
    '.e2e/',
    '.bench/',
    'next-env.d.ts',
    'scripts/bench/bare-next/.next/',
  ]),
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.scripts.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Tests and benches read what servers answer (JSON, HTML) and check it with assertions, not types: the
    // no-unsafe family would ask for a type on every parsed answer. A test body is async by Playwright's
    // convention, awaiting or not. The promise rules stay.
    files: ['tests/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    // The .cjs files are CommonJS preloads (node --require): require() is their module system.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Next's configuration hooks (redirects, rewrites) are async functions by its documented form.
    files: ['next.config.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    rules: {
      // Links are plain <a href> on purpose: no client router, so pages ship no navigation JavaScript.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  prettier,
]);
