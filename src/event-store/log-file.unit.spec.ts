import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { RecordedEvent } from './event-store.port';
import { verifyLog } from './hash-chain';
import {
  decodeLog,
  encodeEnd,
  encodeEvent,
  encodeHeader,
  encodeLog,
  LogFileError,
  type LogHeader,
} from './log-file';
import { EMPTY_STREAM, headOf, prepareEvent, sealEvents } from './eventstoredb.mapping';

const HEADER: LogHeader = { source: 'sqlite', exportedAt: '2025-03-14T02:30:00.000Z' };

/** A chained stream of `count` events at the given positions. */
function chain(
  streamId: string,
  datas: readonly unknown[],
  firstPosition: bigint,
  step = 1n,
): RecordedEvent[] {
  let head = EMPTY_STREAM;
  return datas.map((data, index) => {
    const [sealed] = sealEvents(
      streamId,
      head,
      [
        prepareEvent({
          eventId: randomUUID(),
          type: 'StepTaken',
          data,
          metadata: {
            commandId: randomUUID(),
            actor: { sub: 's', name: 'Phạm Thị D', role: 'center_officer' },
            occurredOn: '2025-03-14',
            schemaVersion: 1,
          },
        }),
      ],
      '2025-03-14T02:30:00.000Z',
    );
    const event = { ...sealed, position: firstPosition + step * BigInt(index) };
    head = headOf(event);
    return event;
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function linesOf(events: readonly RecordedEvent[]): Promise<string[]> {
  return (await collect(encodeLog(events, HEADER))).join('').split('\n');
}

async function decodeAll(lines: readonly string[]): Promise<RecordedEvent[]> {
  const decoded = await decodeLog(lines);
  return collect(decoded.events);
}

describe('the event log file (JSON Lines)', () => {
  describe('writing', () => {
    it('starts with a header, writes one line per event with the position as a string, and ends with a count', async () => {
      const events = chain(
        'annual-plan-2026',
        [{ year: 2026 }, { district: 'tan-phu' }],
        9_007_199_254_740_993n,
      );
      const lines = await linesOf(events);
      expect(lines).toHaveLength(5);
      expect(lines[4]).toBe('');
      expect(JSON.parse(lines[0])).toEqual({
        record: 'header',
        format: 'khuyencong-event-log',
        formatVersion: 1,
        ...HEADER,
      });
      const first = JSON.parse(lines[1]) as Record<string, unknown>;
      expect(first).toMatchObject({
        record: 'event',
        position: '9007199254740993',
        eventId: events[0].eventId,
        streamId: 'annual-plan-2026',
        version: 1,
        type: 'StepTaken',
        data: { year: 2026 },
      });
      expect(first.metadata).toEqual(events[0].metadata);
      expect(JSON.parse(lines[3])).toEqual({ record: 'end', events: 2 });
    });

    it('writes an empty log as a header and an end record of 0', async () => {
      expect(await linesOf([])).toEqual([encodeHeader(HEADER), encodeEnd(0), '']);
    });
  });

  describe('reading back what was written', () => {
    it('gives the same events, positions as bigint, and the chains still verify', async () => {
      const a = chain(
        'support-project-a',
        [{ amountVnd: Number.MAX_SAFE_INTEGER }, { note: 'Nghiệm thu\u2028dòng 2 🏭' }, null],
        10n,
        3n,
      );
      const b = chain('programme-CT', ['a plain string', [1, 2, 3]], 11n, 3n);
      const log = [a[0], b[0], a[1], b[1], a[2]];
      const decoded = await decodeLog(await linesOf(log));
      expect(decoded.header).toEqual(HEADER);
      const events = await collect(decoded.events);
      expect(events).toEqual(log);
      expect(typeof events[0].position).toBe('bigint');
      expect(await verifyLog(events)).toMatchObject({
        valid: true,
        eventsChecked: 5,
        streamsChecked: 2,
      });
    });

    it('round-trips any JSON data and any text exactly', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }),
          fc.string({ unit: 'grapheme' }),
          async (datas, text) => {
            const events = chain(
              `support-project-${text.length}`,
              datas.map((data) => ({ data, text })),
              1n,
            );
            const decoded = await decodeAll(await linesOf(events));
            expect(decoded).toEqual(events);
            expect((await verifyLog(decoded)).valid).toBe(true);
          },
        ),
        { numRuns: 50 },
      );
    });

    it('ignores empty lines', async () => {
      const events = chain('annual-plan-2026', [{}, {}], 1n);
      const lines = await linesOf(events);
      expect(
        await decodeAll(['', lines[0], '', lines[1], '   ', lines[2], lines[3], '', '']),
      ).toEqual(events);
    });
  });

  describe('refusing a file that is not a complete log', () => {
    const events = chain('annual-plan-2026', [{ n: 1 }, { n: 2 }], 5n);

    async function refusal(lines: readonly string[]): Promise<LogFileError> {
      try {
        await decodeAll(lines);
      } catch (error) {
        if (error instanceof LogFileError) return error;
        throw error;
      }
      throw new Error('the file was accepted');
    }

    it('refuses an empty file', async () => {
      expect((await refusal([])).message).toMatch(/empty/);
    });

    it('refuses a file that does not start with the header', async () => {
      const error = await refusal([encodeEvent(events[0]), encodeEnd(1)]);
      expect(error).toMatchObject({ line: 1 });
      expect(error.message).toMatch(/not a khuyencong-event-log file/);
    });

    it('refuses another format version', async () => {
      const header = JSON.stringify({ ...JSON.parse(encodeHeader(HEADER)), formatVersion: 2 });
      expect((await refusal([header, encodeEnd(0)])).message).toMatch(
        /format version 2 is not supported/,
      );
    });

    it('refuses a file cut short: no end record', async () => {
      const error = await refusal([
        encodeHeader(HEADER),
        encodeEvent(events[0]),
        encodeEvent(events[1]),
      ]);
      expect(error.message).toMatch(/ends after 2 events without its end record/);
    });

    it('refuses an end record that counts other than the events', async () => {
      const error = await refusal([encodeHeader(HEADER), encodeEvent(events[0]), encodeEnd(2)]);
      expect(error).toMatchObject({ line: 3 });
      expect(error.message).toMatch(/counts 2 events but the file holds 1/);
    });

    it('refuses anything after the end record', async () => {
      const error = await refusal([
        encodeHeader(HEADER),
        encodeEvent(events[0]),
        encodeEnd(1),
        encodeEvent(events[1]),
      ]);
      expect(error).toMatchObject({ line: 4 });
    });

    it('refuses events out of log order', async () => {
      const error = await refusal([
        encodeHeader(HEADER),
        encodeEvent(events[1]),
        encodeEvent(events[0]),
        encodeEnd(2),
      ]);
      expect(error).toMatchObject({ line: 3 });
      expect(error.message).toMatch(/position 5 does not follow 6/);
    });

    it.each([
      ['a line that is not JSON', '{"record":"event",', /not JSON/],
      [
        'a position written as a number',
        JSON.stringify({ ...JSON.parse(encodeEvent(events[0])), position: 5 }),
        /"position" must be/,
      ],
      [
        'a version of 0',
        JSON.stringify({ ...JSON.parse(encodeEvent(events[0])), version: 0 }),
        /"version" must be/,
      ],
      [
        'no data',
        JSON.stringify({ ...JSON.parse(encodeEvent(events[0])), data: undefined }),
        /"data" is missing/,
      ],
      [
        'metadata without a hash',
        JSON.stringify({ ...JSON.parse(encodeEvent(events[0])), metadata: { prevHash: 'x' } }),
        /"metadata" must be/,
      ],
      [
        'an empty event id',
        JSON.stringify({ ...JSON.parse(encodeEvent(events[0])), eventId: '' }),
        /"eventId" must be/,
      ],
    ])('refuses %s, naming its line', async (_what, line, message) => {
      const error = await refusal([encodeHeader(HEADER), line, encodeEnd(1)]);
      expect(error).toMatchObject({ line: 2 });
      expect(error.message).toMatch(message);
    });
  });
});
