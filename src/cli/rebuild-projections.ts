import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadSettingsFromEnvironment } from '../config/settings';
import { ProjectionRunner } from '../projections/projection-runner';
import { MaintenanceModule } from './maintenance.module';

/**
 * npm run projections:rebuild: drops every read model and builds it again from the event log.
 * Safe at any time (the log is the only source of truth); run it with the server stopped, or
 * the server's own runner keeps applying new events meanwhile and catches up after.
 */
async function main(): Promise<void> {
  const settings = loadSettingsFromEnvironment();
  const app = await NestFactory.createApplicationContext(MaintenanceModule.forRoot(settings), { logger: ['error', 'warn'] });
  try {
    const started = process.hrtime.bigint();
    const { events } = await app.get(ProjectionRunner).rebuild();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`Rebuilt the read models from ${events} events in ${seconds.toFixed(2)} s`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
