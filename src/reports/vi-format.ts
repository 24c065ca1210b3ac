/**
 * Numbers and dates as a Vietnamese reader writes them: a dot between thousands, a comma
 * before decimals (23.308.200.000 đồng; 56,7%), dates DD/MM/YYYY. Done by hand from integers
 * rather than with Intl, whose output depends on the ICU data Node was built with.
 */

/** 23308200000 → "23.308.200.000"; negative numbers keep their sign. */
export function formatInteger(value: number | bigint): string {
  const n = BigInt(value);
  const digits = (n < 0n ? -n : n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0n ? `-${grouped}` : grouped;
}

/** An amount of đồng: "23.308.200.000 đồng". */
export function formatVnd(value: number | bigint): string {
  return `${formatInteger(value)} đồng`;
}

/**
 * numerator/denominator as a percentage with `decimals` decimals, rounded half up, computed
 * from the integers (13216387314 / 23308200000 → "56,7%"). "–" when there is no denominator.
 */
export function formatPercent(
  numerator: number | bigint,
  denominator: number | bigint,
  decimals = 1,
): string {
  const num = BigInt(numerator);
  const den = BigInt(denominator);
  if (den === 0n) return '–';
  const scale = 10n ** BigInt(decimals);
  const negative = num < 0n !== den < 0n && num !== 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const scaled = (a * 100n * scale * 2n + b) / (b * 2n);
  const whole = formatInteger(scaled / scale);
  const fraction = decimals > 0 ? `,${(scaled % scale).toString().padStart(decimals, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}%`;
}

/** "2023-06-30" → "30/06/2023". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
