import { occurredOnFrom } from './occurred-on';

type Event =
  | { type: 'Approved'; data: { decisionDate: string; amountVnd: number } }
  | { type: 'Created'; data: { name: string; decisionDate?: string } }
  | { type: 'Noted'; data: { note: string } };

const occurredOn = occurredOnFrom<Event>({ Approved: 'decisionDate', Created: 'decisionDate' });
const TODAY = '2025-06-30';

describe('the business date an event happened on', () => {
  it("is the step's own date when its type names one", () => {
    const event: Event = { type: 'Approved', data: { decisionDate: '2025-03-14', amountVnd: 1 } };
    expect(occurredOn(event, TODAY)).toBe('2025-03-14');
  });

  it('is the day it was recorded for a type that carries no date', () => {
    expect(occurredOn({ type: 'Noted', data: { note: '01/02/2025' } }, TODAY)).toBe(TODAY);
  });

  it('is the day it was recorded when the optional date was left out', () => {
    expect(occurredOn({ type: 'Created', data: { name: 'CT 1' } }, TODAY)).toBe(TODAY);
    const dated: Event = { type: 'Created', data: { name: 'CT 1', decisionDate: '2025-01-02' } };
    expect(occurredOn(dated, TODAY)).toBe('2025-01-02');
  });
});
