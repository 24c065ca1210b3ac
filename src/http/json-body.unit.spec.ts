import { bodyShapeProblem, MAX_BODY_DEPTH } from './json-body';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('the shape of a JSON body', () => {
  it('lets an ordinary body through', () => {
    expect(
      bodyShapeProblem({
        title: 'Máy cắt CNC 😀',
        targets: [{ indicator: 'trainees', target: 3 }],
      }),
    ).toBeUndefined();
  });

  it(`allows nesting up to ${MAX_BODY_DEPTH} levels and refuses one more`, () => {
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH + 1))).toMatch(/deeper than 32/);
  });

  it('walks a body nested 100,000 levels deep without overflowing the stack', () => {
    expect(bodyShapeProblem(nested(100_000))).toMatch(/deeper/);
  });

  it('refuses a lone surrogate in a value or in a key', () => {
    expect(bodyShapeProblem({ title: 'Máy \ud800 cắt' })).toMatch(/not valid Unicode/);
    expect(bodyShapeProblem({ ['k\udc00']: 1 })).toMatch(/key that is not valid Unicode/);
  });
});
