import { createHash } from 'node:crypto';
import {
  GENESIS_HASH,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from './event-store.port';

/**
 * Tamper evidence: each event's hash covers its stream id, version, type, data and metadata
 * (which carries `prevHash`), so altering, removing or reordering a recorded event breaks the
 * chain from that event on.
 *
 * The canonical form is RFC 8785 (JSON Canonicalization Scheme). The `canonicalize` package
 * implements it but ships as an ES module with only an `import` export, which this CommonJS
 * project can neither `require` at run time nor load in Jest; so JCS is implemented here and
 * hash-chain.unit.spec.ts checks it against that package, run in a child process, as the oracle.
 */

// String.prototype.isWellFormed (Node 20+) is false exactly when a string holds a lone
// surrogate; the ES2023 lib typings do not list it yet.
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

function skippedInObject(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** RFC 8785 canonical JSON: keys sorted by UTF-16 code units, ECMAScript number and string forms. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`Cannot hash the number ${value}: JSON has no such value`);
      return JSON.stringify(value);
    case 'string':
      if (!isWellFormed(value)) throw new TypeError('Cannot hash a string with a lone surrogate');
      return JSON.stringify(value);
    case 'object':
      return canonicalObject(value);
    default:
      throw new TypeError(`Cannot hash a value of type ${typeof value}`);
  }
}

// Plain loops and string concatenation: this runs for every appended event, on the write path.
function canonicalObject(value: object): string {
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return canonicalJson(withToJson.toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (index > 0) out += ',';
      out += skippedInObject(item) ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  // Array.prototype.sort without a comparator orders by UTF-16 code units, as RFC 8785 requires.
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (skippedInObject(member)) continue;
    if (out.length > 1) out += ',';
    out += `${canonicalJson(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/** What the hash covers; `metadata.hash`, if present, is left out. */
export interface HashableEvent {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'hash'> & { readonly hash?: string };
}

/** SHA-256 (hex) of the canonical form of the event without its own hash. */
export function computeEventHash(event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const canonical = canonicalJson({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainVerification {
  readonly valid: boolean;
  readonly eventsChecked: number;
  /** The version at which the chain first breaks (altered event, broken link or missing version). */
  readonly firstBrokenVersion: number | null;
}

/** Where one stream's chain stands while events are checked one by one. */
class StreamChain {
  private lastVersion = 0;
  private lastHash = GENESIS_HASH;
  firstBrokenVersion: number | null = null;

  constructor(readonly streamId: string) {}

  check(event: RecordedEvent): void {
    if (this.firstBrokenVersion !== null) return;
    const expectedVersion = this.lastVersion + 1;
    const intact =
      event.streamId === this.streamId &&
      event.version === expectedVersion &&
      event.metadata?.prevHash === this.lastHash &&
      hashMatches(event);
    if (!intact) {
      this.firstBrokenVersion = expectedVersion;
      return;
    }
    this.lastVersion = event.version;
    this.lastHash = event.metadata.hash;
  }
}

function hashMatches(event: RecordedEvent): boolean {
  try {
    return computeEventHash(event) === event.metadata.hash;
  } catch {
    return false; // data that cannot be canonicalised cannot have been hashed by the store
  }
}

/** Checks one stream's events, given in version order: hashes, links, and versions 1..n. */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  if (events.length === 0) return { valid: true, eventsChecked: 0, firstBrokenVersion: null };
  const chain = new StreamChain(events[0].streamId);
  for (const event of events) chain.check(event);
  return {
    valid: chain.firstBrokenVersion === null,
    eventsChecked: events.length,
    firstBrokenVersion: chain.firstBrokenVersion,
  };
}

export interface LogVerification {
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** Broken streams, in the order they first appear in the log. */
  readonly broken: readonly { readonly streamId: string; readonly firstBrokenVersion: number }[];
}

/**
 * Checks every stream's chain in one pass over the global log; only the head of each stream
 * is kept in memory, so the events may come page by page from an async iterable.
 */
export async function verifyLog(
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
): Promise<LogVerification> {
  const chains = new Map<string, StreamChain>();
  let eventsChecked = 0;
  for await (const event of events) {
    let chain = chains.get(event.streamId);
    if (!chain) {
      chain = new StreamChain(event.streamId);
      chains.set(event.streamId, chain);
    }
    chain.check(event);
    eventsChecked += 1;
  }
  const broken = [...chains.values()]
    .filter((chain) => chain.firstBrokenVersion !== null)
    .map((chain) => ({
      streamId: chain.streamId,
      firstBrokenVersion: chain.firstBrokenVersion as number,
    }));
  return { valid: broken.length === 0, eventsChecked, streamsChecked: chains.size, broken };
}

/** The whole global log of a store, read page by page. */
export async function* readWholeLog(
  store: Pick<EventStore, 'readAll'>,
  pageSize = 1000,
): AsyncGenerator<RecordedEvent> {
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].position;
  }
}
