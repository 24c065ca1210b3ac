// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** The feature folders: what the event store and the kernel must not import. */
const FEATURES = ['projects', 'plans', 'programmes', 'reminders', 'reports', 'audit', 'inbox', 'personal-data'].flatMap((f) => [`**/${f}/*`, `**/${f}/**`]);

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'coverage/', 'node_modules/', 'data/', 'bench/results/', 'web/dist/', 'web/src/api/schema.d.ts'] },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  // The console's build scripts run on Node.js as CommonJS.
  { files: ['web/scripts/**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } } },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  { files: ['web/scripts/**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // The domain is pure: no framework, no I/O, no clock, no randomness.
    files: ['src/**/domain/**/*.ts', 'src/shared/**/*.ts', 'src/reminders/rules/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'The domain is pure: no Nest here.' },
            { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process', 'better-sqlite3', 'bullmq', 'ioredis', '@eventstore/*', 'nodemailer'], message: 'The domain does no I/O.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock reads in the domain: take the time from the context.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock reads in the domain: take the time from the context.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the domain.' },
      ],
    },
  },
  {
    // The event store knows only events: nothing above it (the kernel, features, HTTP).
    files: ['src/event-store/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: FEATURES.concat(['**/kernel/*', '**/http/*']), message: 'The event store knows only events: nothing above it.' }] }],
    },
  },
  {
    // The kernel runs any aggregate: it knows none of them, and never HTTP.
    files: ['src/kernel/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: FEATURES.concat(['**/http/*']), message: 'The kernel knows no feature and no HTTP.' }] }],
    },
  },
  {
    // Application code says why it refuses (kernel/application-errors.ts); only src/http/ speaks HTTP.
    files: ['src/**/application/**/*.ts', 'src/**/commands/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/http/*'], message: 'Throw an application error (src/kernel/application-errors.ts); src/http maps it.' }] }],
    },
  },
);
