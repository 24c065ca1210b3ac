import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.factory';
import { loadSettings } from '../config/settings';
import { openApiDocument } from '../http/openapi/openapi-document';
import { createLogger } from '../logging/logger';
import { messageOf } from './cli-support';

/**
 * Writes the OpenAPI document the server serves at /api/docs-json, without starting a server:
 * the application is built (on a throw-away DATA_DIR, never listening) and its routes read.
 *
 *   node dist/cli/openapi-document.js [out.json]     (stdout without a file)
 *
 * `npm run lint:openapi` lints what this writes.
 */
async function main(argv: readonly string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khuyencong-openapi-'));
  try {
    const settings = loadSettings({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      // Nothing is signed or verified: the app is built only to read its routes.
      AUTH_JWT_SECRET: 'openapi-document-only-secret-never-used-to-sign',
      LOG_LEVEL: 'error',
    });
    const app = await createApp(settings, { logger: createLogger({ level: 'error' }) });
    try {
      const text = `${JSON.stringify(openApiDocument(app), null, 2)}\n`;
      if (argv[0] === undefined) process.stdout.write(text);
      else writeFileSync(argv[0], text);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`openapi-document: ${messageOf(error)}\n`);
  process.exitCode = 1;
});
