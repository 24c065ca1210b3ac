// Writes the server's OpenAPI document to web/openapi.json without listening on a port: the
// built application (dist/, from `npm run build`) on a throw-away DATA_DIR, asked in-process.
// `npm run api:types` then generates web/src/api/schema.d.ts from it.
'use strict';
require('reflect-metadata');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const { createApp } = require(join(root, 'dist', 'app.factory.js'));
const { loadSettings } = require(join(root, 'dist', 'config', 'settings.js'));
const { createLogger } = require(join(root, 'dist', 'logging', 'logger.js'));

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'khuyencong-openapi-'));
  const settings = loadSettings({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: 'openapi-document-secret-long-enough-for-hs256',
    LOG_LEVEL: 'silent',
    QUEUE_PREFIX: `openapi-${process.pid}`,
    REMINDER_CRON: '0 3 29 2 *',
  });
  const app = await createApp(settings, { logger: createLogger({ level: 'silent' }) });
  try {
    await app.init();
    const answer = await app.getHttpAdapter().getInstance().inject({ url: '/api/docs-json' });
    if (answer.statusCode !== 200)
      throw new Error(`GET /api/docs-json answered ${answer.statusCode}`);
    const document = JSON.parse(answer.body);
    writeFileSync(join(root, 'web', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
