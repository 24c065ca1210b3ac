import { negotiate } from './content-negotiation';

const OFFERED = ['application/json', 'text/csv'] as const;

describe('choosing the representation from Accept', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/csv; charset=utf-8', 'text/csv'],
    ['text/csv, */*', 'text/csv'],
    ['application/json;q=0.5, text/csv', 'text/csv'],
    ['text/csv;q=0.2, application/json', 'application/json'],
    ['text/*', 'text/csv'],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'application/json'],
    ['image/png', 'application/json'],
    ['text/csv;q=0', 'application/json'],
  ])('Accept %p gives %p', (accept, expected) => {
    expect(negotiate(accept, OFFERED)).toBe(expected);
  });

  it('offers Markdown where a route offers it', () => {
    expect(negotiate('text/markdown', ['application/json', 'text/markdown'])).toBe('text/markdown');
    expect(negotiate('text/csv', ['application/json', 'text/markdown'])).toBe('application/json');
  });
});
