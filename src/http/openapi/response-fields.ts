import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * The kinds of value responses share, each documented once: whole VND, business dates,
 * instants, log positions. `required: false` for a field a response may leave out; `nullable`
 * for one it answers as null.
 */

type Doc = ApiPropertyOptions;

export const Whole = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: 'integer', ...doc } as Doc);

/** Money: whole VND, a safe integer (never a float). */
export const WholeVnd = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: 'integer', example: 180000000, description: 'Whole VND', ...doc } as Doc);

/** A share 0..1 to 4 decimals (disbursed / approved, achieved / target). */
export const Rate = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: 'number', example: 0.5, ...doc } as Doc);

export const Text = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: String, ...doc } as Doc);

/** A business date `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
export const BusinessDate = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: String, format: 'date', example: '2024-04-10', ...doc } as Doc);

/** An instant as ISO 8601 UTC, when something was recorded. */
export const Instant = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({
    type: String,
    format: 'date-time',
    example: '2024-04-10T03:15:00.000Z',
    ...doc,
  } as Doc);

/** A global log position: a bigint, written as a string of digits. */
export const Position = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({
    type: String,
    pattern: '^[0-9]+$',
    example: '42',
    description: 'Global log position (a bigint, as a string)',
    ...doc,
  } as Doc);

export const Flag = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: Boolean, ...doc } as Doc);

export const Choice = (values: readonly string[], doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: String, enum: [...values], ...doc } as Doc);

export const Strings = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: String, isArray: true, ...doc } as Doc);

/**
 * An object of the class `type` returns, or a list of them with `isArray`. The class is read
 * lazily (so a class may name one declared after it); Nest recognises a lazy type by its
 * function being named `type`, which the property below is.
 */
export const Nested = (of: () => new () => object, doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: () => of(), ...doc } as Doc);

/** Any JSON object (an event's data as recorded). */
export const AnyObject = (doc: Doc = {}): PropertyDecorator =>
  ApiProperty({ type: 'object', additionalProperties: true, ...doc } as Doc);
