import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadSettingsFromEnvironment } from '../config/settings';
import { DataDirLockedError, describeHolder } from '../platform/data-dir-lock';
import { ProjectionRunner } from '../projections/projection-runner';
import { MaintenanceModule } from './maintenance.module';

/**
 * npm run projections:rebuild: drops every read model and builds it again from the event log.
 * It takes the data directory's lock like the server: while a server runs on DATA_DIR it is
 * refused (exit 1) and says to stop the server, or to rebuild through the server's admin
 * endpoint (POST /api/v1/admin/projections/rebuild), which rebuilds while it keeps answering.
 */
async function main(): Promise<void> {
  const settings = loadSettingsFromEnvironment();
  let app;
  try {
    app = await NestFactory.createApplicationContext(MaintenanceModule.forRoot(settings), {
      logger: ['error', 'warn'],
      abortOnError: false,
    });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(
      `Cannot rebuild: ${settings.dataDir} is held by ${describeHolder(error.holder)}.\n` +
        'Stop the server first, or rebuild through the running server: ' +
        'POST /api/v1/admin/projections/rebuild (role admin), progress at GET /api/v1/admin/projections/rebuild.',
    );
    process.exit(1);
  }
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
