import { foldBatch, type FoldableEvent } from './fold-batch';

const event = (streamId: string, version: number, recordedAt = `t${version}`): FoldableEvent => ({
  streamId,
  version,
  metadata: { recordedAt },
});

describe('foldBatch', () => {
  const stored = new Map([['b', { state: ['b1', 'b2'], version: 2 }]]);
  const loads: string[] = [];
  const fold = {
    keyOf: (streamId: string) => (streamId.startsWith('x-') ? streamId.slice(2) : undefined),
    load: (key: string) => {
      loads.push(key);
      return stored.get(key) ?? { state: [] as string[], version: 0 };
    },
    evolve: (state: string[], e: FoldableEvent) => [...state, `${e.streamId}@${e.version}`],
  };

  it('folds each subject from its stored state, loaded once, skipping what it holds', () => {
    const folded = foldBatch(
      [event('x-a', 1), event('x-b', 2), event('other', 1), event('x-b', 3), event('x-a', 2)],
      fold,
    );
    expect(loads).toEqual(['a', 'b']);
    expect([...folded]).toEqual([
      ['a', { state: ['x-a@1', 'x-a@2'], version: 2, changed: true, updatedAt: 't2' }],
      ['b', { state: ['b1', 'b2', 'x-b@3'], version: 3, changed: true, updatedAt: 't3' }],
    ]);
  });

  it('marks a subject unchanged when the batch held nothing new for it', () => {
    const folded = foldBatch([event('x-b', 1), event('x-b', 2)], fold);
    expect(folded.get('b')).toEqual({
      state: ['b1', 'b2'],
      version: 2,
      changed: false,
      updatedAt: '',
    });
  });
});
