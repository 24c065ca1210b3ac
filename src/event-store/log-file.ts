import type { EventMetadata, RecordedEvent } from './event-store.port';

/**
 * The portable form of a whole event log: JSON Lines, one record per line.
 *
 *   {"record":"header","format":"khuyencong-event-log","formatVersion":1,"source":"sqlite","exportedAt":"…"}
 *   {"record":"event","position":"1","eventId":"…","streamId":"…","version":1,"type":"…","data":{…},"metadata":{…}}
 *   …
 *   {"record":"end","events":1234}
 *
 * Events come in global order with everything the hash chain covers, exactly as stored.
 * Positions are decimal strings (bigint has no JSON form); they belong to the store the log
 * came from, and a store that imports the log gives the events positions of its own.
 * The end record makes a truncated file (a full disk, a cut copy) an error rather than a
 * shorter, still valid-looking log.
 */

export const LOG_FORMAT = 'khuyencong-event-log';
export const LOG_FORMAT_VERSION = 1;

export interface LogHeader {
  /** The kind of store the log was exported from (`sqlite`, `eventstoredb`). */
  readonly source: string;
  /** When the export started (ISO 8601). */
  readonly exportedAt: string;
}

/** The file is not a complete, well-formed event log; `line` is 1-based (0: the file as a whole). */
export class LogFileError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(line > 0 ? `Line ${line}: ${problem}` : problem);
    this.name = 'LogFileError';
  }
}

export function encodeHeader(header: LogHeader): string {
  return JSON.stringify({
    record: 'header',
    format: LOG_FORMAT,
    formatVersion: LOG_FORMAT_VERSION,
    source: header.source,
    exportedAt: header.exportedAt,
  });
}

export function encodeEvent(event: RecordedEvent): string {
  return JSON.stringify({
    record: 'event',
    position: event.position.toString(),
    eventId: event.eventId,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });
}

export function encodeEnd(events: number): string {
  return JSON.stringify({ record: 'end', events });
}

/** The lines of a log file (each ending in "\n"), the header first and the end record last. */
export async function* encodeLog(
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  header: LogHeader,
): AsyncGenerator<string> {
  yield `${encodeHeader(header)}\n`;
  let count = 0;
  for await (const event of events) {
    yield `${encodeEvent(event)}\n`;
    count += 1;
  }
  yield `${encodeEnd(count)}\n`;
}

type Json = Record<string, unknown>;

function parseRecord(text: string, line: number): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LogFileError(
      line,
      `not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new LogFileError(line, 'not a JSON object');
  return value as Json;
}

function checkHeader(record: Json, line: number): LogHeader {
  if (record.record !== 'header' || record.format !== LOG_FORMAT) {
    throw new LogFileError(line, `not a ${LOG_FORMAT} file (the first line must be its header)`);
  }
  if (record.formatVersion !== LOG_FORMAT_VERSION) {
    throw new LogFileError(
      line,
      `format version ${String(record.formatVersion)} is not supported (this build reads ${LOG_FORMAT_VERSION})`,
    );
  }
  return { source: String(record.source), exportedAt: String(record.exportedAt) };
}

function nonEmptyString(record: Json, key: string, line: number): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '')
    throw new LogFileError(line, `"${key}" must be a non-empty string`);
  return value;
}

/** One event record as the RecordedEvent it stands for. */
export function decodeEvent(record: Json, line: number): RecordedEvent {
  const position = record.position;
  if (typeof position !== 'string' || !/^[1-9]\d*$/.test(position))
    throw new LogFileError(line, '"position" must be a positive whole number written as a string');
  const version = record.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    throw new LogFileError(line, '"version" must be a whole number from 1');
  if (!('data' in record)) throw new LogFileError(line, '"data" is missing');
  const metadata = record.metadata as Partial<Record<keyof EventMetadata, unknown>> | undefined;
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    typeof metadata.hash !== 'string' ||
    typeof metadata.prevHash !== 'string'
  ) {
    throw new LogFileError(line, '"metadata" must be an object with "hash" and "prevHash"');
  }
  return {
    eventId: nonEmptyString(record, 'eventId', line),
    streamId: nonEmptyString(record, 'streamId', line),
    version,
    position: BigInt(position),
    type: nonEmptyString(record, 'type', line),
    data: record.data,
    metadata: metadata as EventMetadata,
  };
}

export interface DecodedLog {
  readonly header: LogHeader;
  readonly events: AsyncGenerator<RecordedEvent>;
}

/**
 * Reads a log file line by line: checks the header, each event, that positions increase,
 * and that the end record is there and counts the events. Empty lines are ignored.
 */
export async function decodeLog(
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<DecodedLog> {
  const iterator = toAsyncIterator(lines);
  let line = 0;
  const next = async (): Promise<{ text: string; line: number } | undefined> => {
    for (;;) {
      const result = await iterator.next();
      if (result.done) return undefined;
      line += 1;
      if (result.value.trim() !== '') return { text: result.value, line };
    }
  };
  const first = await next();
  if (!first) throw new LogFileError(0, 'the file is empty');
  const header = checkHeader(parseRecord(first.text, first.line), first.line);
  return { header, events: decodeEvents(next) };
}

async function* decodeEvents(
  next: () => Promise<{ text: string; line: number } | undefined>,
): AsyncGenerator<RecordedEvent> {
  let count = 0;
  let lastPosition = 0n;
  for (;;) {
    const entry = await next();
    if (!entry)
      throw new LogFileError(
        0,
        `the file ends after ${count} events without its end record: it is incomplete`,
      );
    const record = parseRecord(entry.text, entry.line);
    if (record.record === 'end') {
      if (record.events !== count)
        throw new LogFileError(
          entry.line,
          `the end record counts ${String(record.events)} events but the file holds ${count}`,
        );
      const after = await next();
      if (after) throw new LogFileError(after.line, 'nothing may follow the end record');
      return;
    }
    if (record.record !== 'event')
      throw new LogFileError(entry.line, `unexpected record ${JSON.stringify(record.record)}`);
    const event = decodeEvent(record, entry.line);
    if (event.position <= lastPosition)
      throw new LogFileError(
        entry.line,
        `position ${event.position} does not follow ${lastPosition}: events must be in log order`,
      );
    lastPosition = event.position;
    count += 1;
    yield event;
  }
}

function toAsyncIterator<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const iterator = items[Symbol.iterator]();
  return { next: async () => iterator.next() };
}
