import type { BusinessDate } from './business-date';

/** The fields of an event's data that can hold a business date (text, perhaps optional). */
type DateField<D> = {
  [F in keyof D]-?: NonNullable<D[F]> extends BusinessDate ? F : never;
}[keyof D];

interface AnEvent {
  readonly type: string;
  readonly data: object;
}

/** For each event type that carries its own business date, the field of its data that holds it. */
export type OwnDateFields<E extends AnEvent> = {
  readonly [T in E['type']]?: DateField<Extract<E, { type: T }>['data']>;
};

/**
 * The business date an event happened on, for its metadata: its own date when the step
 * carries one (a decision date, a payment date), otherwise the day it was recorded.
 */
export function occurredOnFrom<E extends AnEvent>(
  fields: OwnDateFields<E>,
): (event: E, today: BusinessDate) => BusinessDate {
  return (event, today) => {
    const field = fields[event.type as E['type']];
    if (field === undefined) return today;
    const value: unknown = (event.data as Record<PropertyKey, unknown>)[field];
    return typeof value === 'string' ? value : today;
  };
}
