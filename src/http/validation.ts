import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { ValidationProblem, type FieldError, type Violation } from './problem-details';

/**
 * Request shape validation: DTOs (class-validator) reject malformed input before it reaches a
 * handler, as a 400 problem listing each failing field by its path in the body.
 */

const ARRAY_INDEX = /^\d+$/;

function join(parent: string, property: string): string {
  if (parent === '') return property;
  // class-validator names array items by their index: `targets` + `0` reads `targets[0]`.
  return ARRAY_INDEX.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/**
 * Flattens class-validator's error tree into one entry per broken constraint, named by path,
 * with the constraint's name (`isInt`, `maxLength`) for the problem catalogues.
 */
export function flattenViolations(errors: readonly ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = join(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      constraint,
    }));
    return [...own, ...flattenViolations(error.children ?? [], field)];
  });
}

/** The field errors as a client sees them (without the constraints' names). */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): FieldError[] {
  return flattenViolations(errors, parent).map(({ field, message }) => ({ field, message }));
}

export const VALIDATION_PIPE_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // No implicit conversion: "100" stays a string and fails @IsVnd(); numbers in query strings
  // need an explicit @Type(() => Number) in their DTO.
  transformOptions: { enableImplicitConversion: false },
  // Values are echoed to nobody: keep personal data out of error objects and logs.
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new ValidationProblem(flattenViolations(errors)),
};

/** The global pipe: `app.useGlobalPipes(createValidationPipe())` or `{ provide: APP_PIPE, useFactory: createValidationPipe }`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(VALIDATION_PIPE_OPTIONS);
}
