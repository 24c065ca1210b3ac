import { createSerde, UnknownEventTypeError } from './event-serde';

type Renamed = { type: 'Renamed'; data: { fullName: string; reason: string } };

const metadataAt = (schemaVersion: number) => ({ schemaVersion }) as never;

describe('event serde', () => {
  const serde = createSerde<Renamed>({
    Renamed: {
      current: 3,
      upcasters: {
        1: (data) => ({ fullName: (data as { name: string }).name }),
        2: (data) => ({ ...(data as object), reason: 'not recorded' }),
      },
    },
  });

  it('lifts a version 1 payload through every upcaster to the current shape', () => {
    const event = serde.deserialize({
      type: 'Renamed',
      data: { name: 'Cơ sở A' },
      metadata: metadataAt(1),
    });
    expect(event).toEqual({
      type: 'Renamed',
      data: { fullName: 'Cơ sở A', reason: 'not recorded' },
    });
  });

  it('leaves a current payload as it is', () => {
    const data = { fullName: 'Cơ sở B', reason: 'typo' };
    expect(serde.deserialize({ type: 'Renamed', data, metadata: metadataAt(3) }).data).toEqual(
      data,
    );
  });

  it('writes new events with the current schema version', () => {
    expect(serde.schemaVersionOf('Renamed')).toBe(3);
  });

  it('refuses an event type it does not know', () => {
    expect(() =>
      serde.deserialize({ type: 'Other', data: {}, metadata: metadataAt(1) } as never),
    ).toThrow(UnknownEventTypeError);
  });

  it('refuses an old version with no upcaster rather than guess', () => {
    const partial = createSerde<Renamed>({ Renamed: { current: 2 } });
    expect(() =>
      partial.deserialize({ type: 'Renamed', data: {}, metadata: metadataAt(1) }),
    ).toThrow(/No upcaster/);
  });
});
