import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { describeSettings, loadSettingsFromEnvironment } from './config/settings';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettingsFromEnvironment();
  } catch (error) {
    // A bad setting stops start-up with a message that names it.
    console.error(`Configuration error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  let app;
  try {
    app = await createApp(settings);
  } catch (error) {
    // DataDirLockedError and the like: a message naming the cause (the lock's holder), not a stack.
    console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  await app.listen(settings.port, settings.host);
  const log = new Logger('Main');
  log.log({ msg: 'Settings', settings: describeSettings(settings) });
  log.log(`Listening on ${await app.getUrl()} (event store: ${settings.eventStore.kind}, data: ${settings.dataDir})`);
  if (settings.auth.kind === 'hs256' && settings.auth.secretSource !== 'env') {
    log.warn(`Development JWT secret in ${settings.dataDir}/dev-jwt-secret; mint tokens with: npm run token -- --role approver`);
  }
}

void main();
