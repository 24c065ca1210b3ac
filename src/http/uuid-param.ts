import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from './problem-details';

/**
 * A path parameter that must be a UUID, of any version: a malformed id is a 400 naming the
 * parameter, while a well-formed id that names nothing reaches the handler and is a 404
 * (API.md: unknown is 404). Ids we mint are v5, but a client cannot be expected to know that.
 */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ValidationProblem([
          { field: name, message: `${name} must be a UUID`, constraint: 'isUuid' },
        ]),
    }),
  );
}
