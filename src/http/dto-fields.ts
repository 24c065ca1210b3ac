import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsBusinessDate, IsVnd } from './validators';

/**
 * The field kinds the request DTOs share, each its OpenAPI documentation and its validators in
 * one decorator. `required: false` in the documentation makes a field optional: documented
 * with ApiPropertyOptional and skipped by the validators when absent.
 */

/** What OpenAPI shows of a field, and whether it may be left out. */
export type FieldDoc = Omit<ApiPropertyOptions, 'required'> & { readonly required?: false };

type Dto = new (...args: never[]) => object;

/** Codes of reference data (districts, activity types, indicators): lower-case slugs. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * Decorators in the order they would stand above a property. TypeScript applies such a stack
 * from the bottom up, and the order the validators run in is the order of their messages.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

function field(doc: FieldDoc, ...validators: PropertyDecorator[]): PropertyDecorator {
  const { required, ...api } = doc;
  return required === false
    ? stacked(ApiPropertyOptional(api as ApiPropertyOptions), IsOptional(), ...validators)
    : stacked(ApiProperty(api as ApiPropertyOptions), ...validators);
}

/** Free text a person types: a decision number, notes, a reason. Never blank. */
export function Text(maxLength: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsNotEmpty()(target, key);
    Matches(/\S/, { message: `${String(key)} must not be blank` })(target, key);
    MaxLength(maxLength)(target, key);
  };
}

export function TextField(maxLength: number, doc: FieldDoc = {}): PropertyDecorator {
  return field(doc, Text(maxLength));
}

/** A business date, YYYY-MM-DD. */
export function DateField({ example, ...doc }: FieldDoc = {}): PropertyDecorator {
  return field({ example, format: 'date', ...doc }, IsBusinessDate());
}

/** Whole VND. */
export function VndField(doc: FieldDoc = {}): PropertyDecorator {
  return field(doc, IsVnd());
}

/** A whole number from `min` to `max`, in a JSON body. */
export function WholeField(min: number, max: number, doc: FieldDoc = {}): PropertyDecorator {
  return field(doc, IsInt(), Min(min), Max(max));
}

/** A whole number from `min` to `max` in a query string, where it arrives as text. Optional. */
export function QueryWholeField(min: number, max: number, doc: FieldDoc = {}): PropertyDecorator {
  return field(
    { ...doc, required: false },
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** One of `values`. */
export function ChoiceField(values: readonly string[], doc: FieldDoc = {}): PropertyDecorator {
  return field({ enum: values, ...doc }, IsIn(values));
}

/**
 * A reference data code; the message names the field and `what` it must be ("a district").
 * A required one is checked to be a string first, with its own message; an optional one only
 * against the pattern (query strings are always strings).
 */
export function CodeField(what: string, doc: FieldDoc = {}): PropertyDecorator {
  const matches: PropertyDecorator = (target, key) =>
    Matches(CODE_PATTERN, { message: `${String(key)} must be ${what} code` })(target, key);
  return doc.required === false ? field(doc, matches) : field(doc, IsString(), matches);
}

/** A value matching `pattern`, refused with `message`. */
export function PatternField(
  pattern: RegExp,
  message: string,
  doc: FieldDoc = {},
): PropertyDecorator {
  return field(doc, Matches(pattern, { message }));
}

/** A nested object checked as a `dto`. */
export function ObjectField(dto: Dto, doc: FieldDoc = {}): PropertyDecorator {
  return field(
    { type: dto, ...doc },
    IsObject(),
    ValidateNested(),
    Type(() => dto),
  );
}

/** A JSON array of at most `maxSize` objects, each checked as a `dto`. */
export function ListField(dto: Dto, maxSize: number, doc: FieldDoc = {}): PropertyDecorator {
  return field(
    { type: [dto], ...doc },
    IsArray(),
    ArrayMaxSize(maxSize),
    ValidateNested({ each: true }),
    Type(() => dto),
  );
}
