// `npm run test:faults`: the fault specs (test/faults), which run the real server as a child
// process (kill -9, a full disk, a read-only file, Redis crashing, a tampered log). They need
// dist/, so the global setup builds it once; they take a minute or two, so `npm test` skips them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config reads the base config
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/faults/global-setup.js',
  testTimeout: 120000,
};
