import { memoLast } from './memo-last';

describe('memoLast', () => {
  it('makes the value once for a key repeated, again when the key changes', () => {
    const made: object[] = [];
    const statementsOf = memoLast((db: object) => {
      made.push(db);
      return { db };
    });
    const a = {};
    const b = {};
    expect(statementsOf(a)).toBe(statementsOf(a));
    expect(statementsOf(b).db).toBe(b);
    expect(statementsOf(a).db).toBe(a);
    expect(made).toEqual([a, b, a]);
  });
});
