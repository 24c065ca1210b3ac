import { resolve } from 'node:path';
import { fileTool, messageOf, runAsMain } from './cli-support';
import { createEventStore } from '../event-store/create-event-store';
import { exportLog } from '../event-store/log-move';
import { OUR_STREAM_PREFIXES } from '../platform/our-streams';

/**
 * npm run store:export -- --out log.jsonl [--force]
 *
 * Writes every event of the configured store (EVENT_STORE, DATA_DIR or
 * EVENTSTORE_CONNECTION_STRING) in global order to a JSON Lines file: ids, types, data,
 * metadata and hashes, as stored. The file appears only once complete. Prints a summary;
 * exits 0, 2 if a hash chain of the source is broken (the file is written all the same,
 * so the damage can be examined), 1 on error.
 */
const USAGE = 'usage: npm run store:export -- --out <file.jsonl> [--force]';

export const runStoreExport = fileTool(
  USAGE,
  { name: 'out', short: 'o' },
  ['force'],
  async (args, settings, io) => {
    const store = createEventStore(settings, { streamPrefixes: OUR_STREAM_PREFIXES });
    try {
      const result = await exportLog(store, resolve(args.file), {
        source: store.kind,
        exportedAt: new Date().toISOString(),
        overwrite: args.flags.force,
      });
      io.out(
        `${JSON.stringify(
          {
            file: result.file,
            source: store.kind,
            events: result.events,
            streams: result.streams,
            lastPosition: result.lastPosition.toString(),
            chainsValid: result.verification.valid,
            broken: result.verification.broken,
          },
          null,
          2,
        )}\n`,
      );
      if (!result.verification.valid) {
        io.err(
          `The source log has broken hash chains (see "broken"); the file holds them as they are.\n`,
        );
        return 2;
      }
      return 0;
    } catch (error) {
      io.err(`${messageOf(error)}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
);

if (require.main === module) runAsMain(() => runStoreExport(process.argv.slice(2)));
