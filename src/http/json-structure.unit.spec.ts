import { MAX_BODY_DEPTH, structureRefusal, type JsonBodyLimits } from './json-structure';

const LIMITS: JsonBodyLimits = { maxArrayItems: 10, maxNodes: 100, maxStringLength: 20 };
const check = (body: unknown) => structureRefusal(JSON.stringify(body), LIMITS);
const nested = (depth: number): string => '['.repeat(depth) + '1' + ']'.repeat(depth);

describe('the structure of a JSON body', () => {
  it('lets an ordinary body through', () => {
    expect(
      check({ title: 'Máy cắt CNC 😀', targets: [{ indicator: 'trainees', target: 3 }] }),
    ).toBeUndefined();
  });

  it('allows as many items as the limit and refuses one more, naming the array', () => {
    expect(check({ targets: Array(10).fill(1) })).toBeUndefined();
    expect(check({ plan: { targets: Array(11).fill({ a: 1 }) } })).toEqual({
      kind: 'limit',
      field: 'plan.targets',
      message: 'plan.targets has more than 10 items, the most an array may have',
      constraint: 'maxArrayItems',
      max: 10,
    });
  });

  it('names an array inside an array by its index', () => {
    expect(check({ rows: [[1], Array(11).fill(0)] })).toMatchObject({ field: 'rows[1]' });
  });

  it('counts every value of the body and names the field under which it passes the limit', () => {
    const many = Array.from({ length: 9 }, () => Array(9).fill(0)); // 1 + 9 × 10 = 91 values
    expect(check({ many })).toBeUndefined();
    expect(check({ many, more: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toEqual({
      kind: 'limit',
      field: 'more',
      message: 'more takes the body past 100 values, the most it may hold',
      constraint: 'maxNodes',
      max: 100,
    });
  });

  it('refuses a string or a key longer than the limit', () => {
    expect(check({ title: 'x'.repeat(20) })).toBeUndefined();
    expect(check({ title: 'x'.repeat(21) })).toMatchObject({ kind: 'limit', field: 'title' });
    expect(check({ ['k'.repeat(21)]: 1 })).toMatchObject({ kind: 'limit', field: 'k'.repeat(21) });
  });

  it('stops at the first value past a limit, without reading the rest of the text', () => {
    // The rest is not even JSON: the scan never got there.
    const text = `{"targets":[${'1,'.repeat(11)}1] ??? garbage`;
    expect(structureRefusal(text, LIMITS)).toMatchObject({ kind: 'limit', field: 'targets' });
  });

  it.each([
    {
      what: 'a key given twice, however it is spelt, naming it by its path',
      refusal: {
        code: 'duplicate_key',
        message: 'The key "b" is given more than once',
        constraint: 'duplicateKey',
      },
      refused: [
        ['{"a":{"b":1,"b":2}}', 'a.b'],
        ['{"name":1,"n\\u0061me":2}', 'name'],
      ],
      allowed: '[{"a":1},{"a":1}]',
    },
    {
      what: '__proto__ and constructor.prototype, naming them',
      refusal: {
        code: 'key_not_allowed',
        message: 'The key "__proto__" is not allowed',
        constraint: 'keyNotAllowed',
      },
      refused: [
        ['{"x":[{"__proto__":{}}]}', 'x[0].__proto__'],
        ['{"constructor":{"prototype":1}}', 'constructor.prototype'],
      ],
      allowed: '{"constructor":1,"prototype":2}',
    },
  ])('refuses $what', ({ refusal, refused: [[text, field], ...others], allowed }) => {
    // The first text's refusal in full, the others' by their code and field.
    expect(structureRefusal(text, LIMITS)).toEqual({ kind: 'key', ...refusal, field });
    for (const [other, otherField] of others)
      expect(structureRefusal(other, LIMITS)).toMatchObject({
        code: refusal.code,
        field: otherField,
      });
    expect(structureRefusal(allowed, LIMITS)).toBeUndefined();
  });

  it(`allows nesting up to ${MAX_BODY_DEPTH} levels and refuses one more`, () => {
    expect(structureRefusal(nested(MAX_BODY_DEPTH), LIMITS)).toBeUndefined();
    expect(structureRefusal(nested(MAX_BODY_DEPTH + 1), LIMITS)).toMatchObject({
      kind: 'shape',
      message: expect.stringMatching(/deeper than 32/),
    });
  });

  it('scans a body nested 100,000 levels deep without overflowing the stack', () => {
    expect(structureRefusal(nested(100_000), LIMITS)).toMatchObject({ kind: 'shape' });
  });

  it('refuses a lone surrogate in a value or in a key', () => {
    expect(check({ title: 'Máy \ud800 cắt' })).toMatchObject({
      kind: 'shape',
      field: 'title',
      message: expect.stringMatching(/text that is not valid Unicode/),
    });
    expect(check({ ['k\udc00']: 1 })).toMatchObject({
      message: expect.stringMatching(/key that is not valid Unicode/),
    });
  });

  it('leaves text that is not JSON to the parser, and reads past a byte order mark', () => {
    for (const text of ['', '{', '{"a":1,}', '{"a":1} // note', '{"a":01}', "{'a':1}"])
      expect(structureRefusal(text, LIMITS)).toEqual({ kind: 'invalid' });
    expect(structureRefusal(`\ufeff{"a":[${'1,'.repeat(11)}1]}`, LIMITS)).toMatchObject({
      kind: 'limit',
    });
  });
});
