import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { isBusinessDate, isPeriod } from '../shared/business-date';
import { isVnd } from '../shared/vnd';

/**
 * class-validator decorators for the shapes every DTO shares. They check the JSON value as
 * sent: nothing is converted first, so a string "100" is not an amount.
 */

/** A money field (`...Vnd`): a JSON number that is a safe, whole, non-negative count of đồng. */
export function IsVnd(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVnd',
      validator: {
        validate: (value: unknown) => isVnd(value),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a whole, non-negative number of VND (a JSON number up to ${Number.MAX_SAFE_INTEGER})`,
          options,
        ),
      },
    },
    options,
  );
}

/** A business date: a real calendar date written YYYY-MM-DD. */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBusinessDate',
      validator: {
        validate: (value: unknown) => isBusinessDate(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a calendar date written YYYY-MM-DD`,
          options,
        ),
      },
    },
    options,
  );
}

/** A period: a month written YYYY-MM. */
export function IsPeriod(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPeriod',
      validator: {
        validate: (value: unknown) => isPeriod(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a month written YYYY-MM`,
          options,
        ),
      },
    },
    options,
  );
}
