import { resolve } from 'node:path';
import { createEventStore } from '../event-store/create-event-store';
import { importLog, ImportVerificationError } from '../event-store/log-move';
import { DataDirLock, DataDirLockedError, describeHolder } from '../platform/data-dir-lock';
import { ensurePrivateDataDir } from '../platform/private-files';
import { fileTool, messageOf, runAsMain } from './cli-support';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

/**
 * npm run store:import -- --in log.jsonl
 *
 * Writes a file made by store:export into the configured store, keeping event ids, versions,
 * metadata and hashes. Refuses a file that is incomplete or whose chains are broken, and
 * refuses streams the store already has. Afterwards it reads the store's whole log back and
 * verifies every chain and every imported event. Exits 0; 2 if that verification fails;
 * 1 if the import was refused or failed.
 *
 * It takes DATA_DIR's lock, so it is refused while the server runs there. Run it against an empty store: with EventStoreDB an
 * import that fails part-way leaves the streams written so far (start again on an empty
 * database); with SQLite the import is one transaction.
 */
const USAGE = 'usage: npm run store:import -- --in <file.jsonl>';

export const runStoreImport = fileTool(
  USAGE,
  { name: 'in', short: 'i' },
  [],
  async (args, settings, io) => {
    // A writer like the server: refused while a server (or another import) holds DATA_DIR.
    let lock: DataDirLock;
    try {
      ensurePrivateDataDir(settings.dataDir);
      lock = DataDirLock.acquire(settings.dataDir);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      io.err(
        `Cannot import: ${settings.dataDir} is held by ${describeHolder(error.holder)}; stop the server first\n`,
      );
      return 1;
    }
    let store;
    try {
      store = createEventStore(settings, { streamPrefixes: OUR_STREAM_PREFIXES });
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      const result = await importLog(store, resolve(args.file));
      io.out(
        `${JSON.stringify(
          {
            file: result.file,
            from: result.header.source,
            exportedAt: result.header.exportedAt,
            into: store.kind,
            events: result.events,
            streams: result.streams,
            verified: {
              events: result.verification.eventsChecked,
              streams: result.verification.streamsChecked,
              valid: result.verification.valid,
            },
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    } catch (error) {
      io.err(`${messageOf(error)}\n`);
      return error instanceof ImportVerificationError ? 2 : 1;
    } finally {
      await store.close();
      lock.release();
    }
  },
);

if (require.main === module) runAsMain(() => runStoreImport(process.argv.slice(2)));
