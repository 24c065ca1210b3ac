import { ValidationProblem } from '../../http/problem-details';
import type { ReferenceData } from '../reference-data';
import { registeringKeyOf } from '../registering-units';

/**
 * The registering unit a body names, under the key registrations are recorded with: `unit`,
 * or `district`, its older name (either as a code or a former district key). Both, naming
 * different units, is a 400 naming `unit`; neither is undefined.
 */
export function registeringKeyFromBody(
  reference: ReferenceData,
  body: { readonly unit?: string; readonly district?: string },
): string | undefined {
  const [unit, district] = [body.unit, body.district].map((value) =>
    value === undefined ? undefined : registeringKeyOf(reference, value),
  );
  if (unit !== undefined && district !== undefined && unit !== district)
    throw new ValidationProblem([
      { field: 'unit', message: 'unit and district name different units', constraint: 'sameUnit' },
    ]);
  return unit ?? district;
}
