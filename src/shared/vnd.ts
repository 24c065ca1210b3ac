/**
 * Money is whole Vietnamese đồng in safe integers. Every computation that could leave the
 * safe range (a percentage of a large amount) goes through BigInt and is checked back.
 */
import { ruleBroken } from './domain-error';

export type Vnd = number;

export function isVnd(value: unknown): value is Vnd {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function assertVnd(value: number, what: string): Vnd {
  if (!isVnd(value)) throw new RangeError(`${what} must be a whole, non-negative VND amount`);
  return value;
}

/**
 * A result outside the safe integers cannot be kept exactly: it is refused as a broken rule
 * (HTTP 422), never a crash, so a command whose totals would overflow appends nothing.
 */
function toSafe(value: bigint, what: string, field?: string): Vnd {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw ruleBroken(
      'amount_out_of_range',
      `The ${what} would exceed ${Number.MAX_SAFE_INTEGER} đồng, the largest amount kept exactly`,
      field,
    );
  }
  return n;
}

/** Adds amounts exactly; refuses (amount_out_of_range, naming `field`) a sum beyond the safe integers. */
export function sumVnd(amounts: readonly Vnd[], field?: string): Vnd {
  return toSafe(
    amounts.reduce((acc, a) => acc + BigInt(a), 0n),
    'total',
    field,
  );
}

/**
 * Adds amounts, stopping at Number.MAX_SAFE_INTEGER instead of refusing. For folding what is
 * already recorded (evolve, views): a throw there would stall every projection of the stream,
 * and the rule that keeps totals in range is `decide`'s, checked with `sumVnd` before appending.
 */
export function saturatingSumVnd(amounts: readonly Vnd[]): Vnd {
  const total = amounts.reduce((acc, a) => acc + BigInt(a), 0n);
  return total > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(total);
}

/** `percent`% of `amount`, rounded down to the đồng (a cap never rounds up). */
export function percentOfFloor(amount: Vnd, percent: number): Vnd {
  if (!Number.isInteger(percent) || percent < 0)
    throw new RangeError('percent must be a whole number');
  return toSafe((BigInt(amount) * BigInt(percent)) / 100n, 'percentage');
}

/**
 * A rate numerator/denominator as a decimal number rounded to `digits` decimals, computed
 * from integers (no float accumulates money). Null when there is no denominator.
 */
export function rate(numerator: Vnd, denominator: Vnd, digits = 4): number | null {
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(digits);
  const n = BigInt(numerator) * scale * 2n + BigInt(denominator);
  const q = n / (BigInt(denominator) * 2n); // round half up
  return Number(q) / Number(scale);
}
