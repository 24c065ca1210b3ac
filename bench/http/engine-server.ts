import 'reflect-metadata';
import { createApp } from '../../src/app.factory';
import { createLogger } from '../../src/logging/logger';
import { benchSettings } from '../lib/engine';

/**
 * The engine's HTTP server as main.ts runs it (same factory, projection runner live), on
 * 127.0.0.1 and a free port, logging off. Run as its own process so its memory and CPU are
 * its own. Prints `{"port": n}` when listening; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: engine-server <data dir>');
  const settings = benchSettings(dataDir);
  const app = await createApp(settings, { logger: createLogger({ level: 'silent' }) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
