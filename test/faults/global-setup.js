// Global setup of jest.faults.config.js: builds dist/ once (npm run build) for the fault specs,
// which run `node dist/main.js`, and turns them on (KHUYENCONG_FAULTS=1; `npm test` skips them).
// With FAULTS_APP_ROOT the server of another, already built checkout is run instead.
/* global process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- Jest loads this CommonJS file as it is */
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function buildForFaults() {
  process.env.KHUYENCONG_FAULTS = '1';
  if (process.env.FAULTS_APP_ROOT) return;
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: join(__dirname, '..', '..'),
    stdio: 'inherit',
  });
};
