import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { GENESIS_HASH, type EventMetadata, type RecordedEvent } from './event-store.port';
import {
  canonicalJson,
  computeEventHash,
  readWholeLog,
  verifyChain,
  verifyLog,
} from './hash-chain';

const METADATA = {
  commandId: 'cmd-1',
  actor: { sub: 'u-1', name: 'Nguyễn Văn A', role: 'center_officer' as const },
  occurredOn: '2025-03-01',
  schemaVersion: 1,
  recordedAt: '2025-03-01T02:00:00.000Z',
};

/** A correctly hashed stream of `count` events, positions starting at `firstPosition`. */
function hashedStream(streamId: string, count: number, firstPosition = 1n): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version += 1) {
    const unsigned = { ...METADATA, commandId: `cmd-${version}`, prevHash };
    const data = { amount: 150_000_000 * version, note: `bước ${version}` };
    const hash = computeEventHash({
      streamId,
      version,
      type: 'StepTaken',
      data,
      metadata: unsigned,
    });
    events.push({
      eventId: `${streamId}-${version}`,
      streamId,
      version,
      position: firstPosition + BigInt(version - 1),
      type: 'StepTaken',
      data,
      metadata: { ...unsigned, hash },
    });
    prevHash = hash;
  }
  return events;
}

function withData(event: RecordedEvent, data: unknown): RecordedEvent {
  return { ...event, data };
}

/** Runs the `canonicalize` package (ES module only) in a child Node process over the values. */
function canonicalizeWithPackage(values: readonly unknown[]): string[] {
  const script = `import canonicalize from 'canonicalize';
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', () => process.stdout.write(JSON.stringify(JSON.parse(input).map((v) => canonicalize(v)))));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(values),
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`canonicalize package failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

describe('canonical JSON (RFC 8785)', () => {
  it('orders keys by UTF-16 code units, as in the RFC example', () => {
    const value = {
      '\u20ac': 'Euro',
      '\r': 'CR',
      '\ufb33': 'Hebrew',
      '1': 'One',
      '\ud83d\ude00': 'Smiley',
      '\u0080': 'Control',
      '\u00f6': 'Latin',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"CR","1":"One","\u0080":"Control","\u00f6":"Latin","\u20ac":"Euro","\ud83d\ude00":"Smiley","\ufb33":"Hebrew"}',
    );
  });

  it('writes numbers in their shortest ECMAScript form', () => {
    const parsed: unknown = JSON.parse(
      '[1E21, 1e-7, 333333333.33333329, 4.50, 2e-3, 0.000001, -0, 9007199254740991]',
    );
    expect(canonicalJson(parsed)).toBe(
      '[1e+21,1e-7,333333333.3333333,4.5,0.002,0.000001,0,9007199254740991]',
    );
  });

  it('sorts nested objects and leaves array order alone', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: { d: true, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":true},"b":[3,{"a":null,"z":1}]}',
    );
  });

  it('leaves out undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: [undefined] })).toBe('{"a":1,"c":[null]}');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a bigint', 10n],
    ['a lone surrogate', 'a\ud800b'],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });

  it('agrees with the canonicalize package on generated JSON values', () => {
    const values = fc.sample(fc.jsonValue({ stringUnit: 'grapheme' }), 300);
    const expected = canonicalizeWithPackage(values);
    values.forEach((value, index) =>
      expect([value, canonicalJson(value)]).toEqual([value, expected[index]]),
    );
  });
});

describe('computeEventHash', () => {
  const event = {
    streamId: 'support-project-1',
    version: 1,
    type: 'ProjectRegistered',
    data: { budget: 500_000_000 },
    metadata: { ...METADATA, prevHash: GENESIS_HASH },
  };

  it('is the SHA-256 of the canonical stream id, version, type, data and metadata', () => {
    const canonical =
      '{"data":{"budget":500000000},"metadata":{"actor":{"name":"Nguyễn Văn A","role":"center_officer","sub":"u-1"},"commandId":"cmd-1","occurredOn":"2025-03-01",' +
      `"prevHash":"${GENESIS_HASH}","recordedAt":"2025-03-01T02:00:00.000Z","schemaVersion":1},"streamId":"support-project-1","type":"ProjectRegistered","version":1}`;
    expect(computeEventHash(event)).toBe(
      createHash('sha256').update(canonical, 'utf8').digest('hex'),
    );
  });

  it('does not depend on key order or on a hash already in the metadata', () => {
    const reordered = {
      metadata: { ...event.metadata, hash: 'f'.repeat(64) },
      data: { budget: 500_000_000 },
      type: event.type,
      version: 1,
      streamId: event.streamId,
    };
    expect(computeEventHash(reordered)).toBe(computeEventHash(event));
  });

  it.each([
    ['stream id', { streamId: 'support-project-2' }],
    ['version', { version: 2 }],
    ['type', { type: 'ProjectWithdrawn' }],
    ['data', { data: { budget: 500_000_001 } }],
    ['metadata', { metadata: { ...event.metadata, occurredOn: '2025-03-02' } }],
    ['previous hash', { metadata: { ...event.metadata, prevHash: '1'.repeat(64) } }],
  ])('changes when the %s changes', (_label, change) => {
    expect(computeEventHash({ ...event, ...change })).not.toBe(computeEventHash(event));
  });
});

describe('verifyChain', () => {
  it('accepts an intact stream', () => {
    expect(verifyChain(hashedStream('s', 5))).toEqual({
      valid: true,
      eventsChecked: 5,
      firstBrokenVersion: null,
    });
  });

  it('accepts an empty stream', () => {
    expect(verifyChain([])).toEqual({ valid: true, eventsChecked: 0, firstBrokenVersion: null });
  });

  it('finds an event whose data was altered', () => {
    const events = hashedStream('s', 5);
    events[2] = withData(events[2], { amount: 1, note: 'bước 3' });
    expect(verifyChain(events)).toEqual({ valid: false, eventsChecked: 5, firstBrokenVersion: 3 });
  });

  it('finds an altered event even when its own hash was recomputed, at the next link', () => {
    const events = hashedStream('s', 4);
    const altered = withData(events[1], { amount: 2 });
    events[1] = { ...altered, metadata: { ...altered.metadata, hash: computeEventHash(altered) } };
    expect(verifyChain(events).firstBrokenVersion).toBe(3);
  });

  it('finds a missing event', () => {
    const events = hashedStream('s', 4);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenVersion: 2 });
  });

  it('finds events out of order', () => {
    const events = hashedStream('s', 3);
    expect(verifyChain([events[0], events[2], events[1]])).toMatchObject({
      valid: false,
      firstBrokenVersion: 2,
    });
  });

  it('finds a first event that does not start from the genesis hash', () => {
    const [first] = hashedStream('s', 1);
    const unsigned = { ...first.metadata, prevHash: '1'.repeat(64) };
    const forged = {
      ...first,
      metadata: { ...unsigned, hash: computeEventHash({ ...first, metadata: unsigned }) },
    };
    expect(verifyChain([forged])).toMatchObject({ valid: false, firstBrokenVersion: 1 });
  });
});

describe('verifyLog', () => {
  function interleave(...streams: RecordedEvent[][]): RecordedEvent[] {
    const log: RecordedEvent[] = [];
    for (let i = 0; streams.some((s) => i < s.length); i += 1)
      for (const s of streams) if (i < s.length) log.push(s[i]);
    return log.map((event, index) => ({ ...event, position: BigInt(index + 1) }));
  }

  it('accepts a log of intact streams in global order', async () => {
    const log = interleave(hashedStream('a', 3), hashedStream('b', 2), hashedStream('c', 1));
    expect(await verifyLog(log)).toEqual({
      valid: true,
      eventsChecked: 6,
      streamsChecked: 3,
      broken: [],
    });
  });

  it('names every broken stream and where it breaks', async () => {
    const a = hashedStream('a', 3);
    const b = hashedStream('b', 3);
    const c = hashedStream('c', 3);
    a[1] = withData(a[1], { amount: 0 });
    c[2] = withData(c[2], { amount: 0 });
    const result = await verifyLog(interleave(a, b, c));
    expect(result).toEqual({
      valid: false,
      eventsChecked: 9,
      streamsChecked: 3,
      broken: [
        { streamId: 'a', firstBrokenVersion: 2 },
        { streamId: 'c', firstBrokenVersion: 3 },
      ],
    });
  });

  it('reads the log page by page from a store', async () => {
    const log = interleave(hashedStream('a', 7), hashedStream('b', 6));
    const pagesRead: number[] = [];
    const store = {
      readAll: async ({ after, limit }: { after: bigint; limit: number }) => {
        const page = log.filter((e) => e.position > after).slice(0, limit);
        pagesRead.push(page.length);
        return page;
      },
    };
    const result = await verifyLog(readWholeLog(store, 5));
    expect(result).toEqual({ valid: true, eventsChecked: 13, streamsChecked: 2, broken: [] });
    expect(pagesRead).toEqual([5, 5, 3, 0]);
  });

  it('treats metadata without a hash as broken', async () => {
    const [first] = hashedStream('a', 1);
    const { hash: _dropped, ...unhashed } = first.metadata;
    const result = await verifyLog([{ ...first, metadata: unhashed as EventMetadata }]);
    expect(result.broken).toEqual([{ streamId: 'a', firstBrokenVersion: 1 }]);
  });
});
