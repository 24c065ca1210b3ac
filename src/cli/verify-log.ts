import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadSettingsFromEnvironment } from '../config/settings';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { readWholeLog, verifyLog } from '../event-store/hash-chain';
import { MaintenanceModule } from './maintenance.module';

/**
 * npm run verify: recomputes the hash chain of every stream in the log. Exits 0 when the
 * whole log is intact, 2 when any stream is broken, naming each and its first broken version.
 */
async function main(): Promise<number> {
  const settings = loadSettingsFromEnvironment();
  const app = await NestFactory.createApplicationContext(MaintenanceModule.forRoot(settings), { logger: ['error', 'warn'] });
  try {
    const result = await verifyLog(readWholeLog(app.get<EventStore>(EVENT_STORE)));
    console.log(JSON.stringify(result, null, 2));
    return result.valid ? 0 : 2;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
