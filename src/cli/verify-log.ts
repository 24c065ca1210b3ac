import { loadSettingsFromEnvironment } from '../config/settings';
import { createEventStore } from '../event-store/create-event-store';
import { readWholeLog, verifyLog } from '../event-store/hash-chain';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

/**
 * npm run verify: recomputes the hash chain of every stream in the log. Exits 0 when the
 * whole log is intact, 2 when any stream is broken, naming each and its first broken version.
 * It only reads the log (no read model is touched), so it needs no lock on DATA_DIR and may
 * run while the server does.
 */
async function main(): Promise<number> {
  const settings = loadSettingsFromEnvironment();
  const store = createEventStore(settings, { streamPrefixes: OUR_STREAM_PREFIXES });
  try {
    const result = await verifyLog(readWholeLog(store));
    console.log(JSON.stringify(result, null, 2));
    return result.valid ? 0 : 2;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
