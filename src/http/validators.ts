import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isBusinessDate, isPeriod } from '../shared/business-date';
import { isVnd } from '../shared/vnd';

/**
 * class-validator decorators for the shapes every DTO shares. They check the JSON value as
 * sent: nothing is converted first, so a string "100" is not an amount.
 */

/** A validator named `name` that passes the values `test` accepts, with this message. */
function validatorOf(
  name: string,
  test: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => test(value),
        defaultMessage: buildMessage((each) => `${each}$property ${message}`, options),
      },
    },
    options,
  );
}

/** A money field (`...Vnd`): a JSON number that is a safe, whole, non-negative count of đồng. */
export function IsVnd(options?: ValidationOptions): PropertyDecorator {
  return validatorOf(
    'isVnd',
    isVnd,
    `must be a whole, non-negative number of VND (a JSON number up to ${Number.MAX_SAFE_INTEGER})`,
    options,
  );
}

/** A business date: a real calendar date written YYYY-MM-DD. */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return validatorOf(
    'isBusinessDate',
    isBusinessDate,
    'must be a calendar date written YYYY-MM-DD',
    options,
  );
}

/** A period: a month written YYYY-MM. */
export function IsPeriod(options?: ValidationOptions): PropertyDecorator {
  return validatorOf('isPeriod', isPeriod, 'must be a month written YYYY-MM', options);
}
