import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { EventStore, RecordedEvent } from './event-store.port';
import { readWholeLog, verifyLog, type LogVerification } from './hash-chain';
import { decodeLog, encodeEnd, encodeEvent, encodeHeader, type LogHeader } from './log-file';

/**
 * Moving a whole log between stores through a file (see log-file.ts for the format):
 * `npm run store:export` and `npm run store:import` are thin shells around these two.
 */

export interface ExportResult {
  readonly file: string;
  readonly events: number;
  readonly streams: number;
  /** Position of the last exported event in the source store (0n for an empty log). */
  readonly lastPosition: bigint;
  /** The source's hash chains, checked while exporting: a broken chain is exported as it is, and reported. */
  readonly verification: LogVerification;
}

export interface ExportOptions {
  readonly source: string;
  readonly exportedAt: string;
  /** Replace `file` if it exists (otherwise the export refuses to). */
  readonly overwrite?: boolean;
  readonly pageSize?: number;
}

/** Writes every event of `store`, in global order, to `file`; the file appears only once complete and on disk. */
export async function exportLog(
  store: Pick<EventStore, 'readAll'>,
  file: string,
  options: ExportOptions,
): Promise<ExportResult> {
  if (!options.overwrite && (await exists(file)))
    throw new Error(`${file} already exists; choose another --out or remove it`);
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  let lastPosition = 0n;
  try {
    const writer = new BufferedWriter((text) => handle.writeFile(text, 'utf8'));
    await writer.line(
      encodeHeader({ source: options.source, exportedAt: options.exportedAt } satisfies LogHeader),
    );
    const written = async function* (): AsyncGenerator<RecordedEvent> {
      for await (const event of readWholeLog(store, options.pageSize)) {
        await writer.line(encodeEvent(event));
        lastPosition = event.position;
        yield event;
      }
    };
    const verification = await verifyLog(written());
    await writer.line(encodeEnd(verification.eventsChecked));
    await writer.flush();
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return {
      file,
      events: verification.eventsChecked,
      streams: verification.streamsChecked,
      lastPosition,
      verification,
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

export interface ImportResult {
  readonly file: string;
  readonly header: LogHeader;
  readonly events: number;
  readonly streams: number;
  /** Every chain of the target store, read back after the import. */
  readonly verification: LogVerification;
}

/** The file's own chains are broken: nothing was imported. */
export class BrokenLogFileError extends Error {
  constructor(readonly verification: LogVerification) {
    const first = verification.broken[0];
    super(
      `The log in the file is broken (${verification.broken.length} streams, first ${first?.streamId} at version ${first?.firstBrokenVersion}); nothing was imported`,
    );
    this.name = 'BrokenLogFileError';
  }
}

/** The import went through but what the target holds does not match the file. */
export class ImportVerificationError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly verification: LogVerification,
  ) {
    super(
      `The imported log does not verify: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`,
    );
    this.name = 'ImportVerificationError';
  }
}

/**
 * Reads the whole file (checking its format and its chains), writes it into `store` keeping
 * ids, versions, metadata and hashes (the store refuses streams it already has), then reads
 * the target's whole log back: every chain must verify and every imported event must stand
 * there with its id, stream, version and hash.
 */
export async function importLog(
  store: Pick<EventStore, 'readAll' | 'importEvents'>,
  file: string,
): Promise<ImportResult> {
  const { header, events } = await readLogFile(file);
  const fileCheck = await verifyLog(events);
  if (!fileCheck.valid) throw new BrokenLogFileError(fileCheck);

  await store.importEvents(events);

  const expected = new Map(events.map((event) => [event.eventId, event]));
  const found = new Set<string>();
  const problems: string[] = [];
  const targetEvents = async function* (): AsyncGenerator<RecordedEvent> {
    for await (const event of readWholeLog(store)) {
      const original = expected.get(event.eventId);
      if (original) {
        found.add(event.eventId);
        const same =
          original.streamId === event.streamId &&
          original.version === event.version &&
          original.type === event.type &&
          original.metadata.hash === event.metadata.hash;
        if (!same)
          problems.push(
            `event ${event.eventId} is stored as ${event.streamId}@${event.version} with hash ${event.metadata.hash}`,
          );
      }
      yield event;
    }
  };
  const verification = await verifyLog(targetEvents());
  for (const broken of verification.broken)
    problems.push(`stream ${broken.streamId} breaks at version ${broken.firstBrokenVersion}`);
  if (found.size !== expected.size)
    problems.push(`${expected.size - found.size} imported events are missing from the store`);
  if (problems.length > 0) throw new ImportVerificationError(problems, verification);
  return { file, header, events: events.length, streams: fileCheck.streamsChecked, verification };
}

/** The whole file in memory: an import is one call to `importEvents`, so each stream is refused or written whole. */
export async function readLogFile(
  file: string,
): Promise<{ header: LogHeader; events: RecordedEvent[] }> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  try {
    const decoded = await decodeLog(lines);
    const events: RecordedEvent[] = [];
    for await (const event of decoded.events) events.push(event);
    return { header: decoded.header, events };
  } finally {
    lines.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Gathers lines into large writes: one write per event would make a big export slow. */
class BufferedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly threshold = 1 << 20,
  ) {}

  async line(text: string): Promise<void> {
    this.pending.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= this.threshold) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    await this.write(text);
  }
}
