/**
 * Picks the representation to send from the Accept header among those a route offers (the
 * first offered is the default). The highest q wins; at equal q an exact media type beats a
 * wildcard, then the order offered. Nothing acceptable, or no header: the default.
 */
export function negotiate<T extends string>(
  accept: string | undefined,
  offered: readonly [T, ...T[]],
): T {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const ranges = accept
    .split(',')
    .map(parseRange)
    .filter((r) => r !== undefined);
  let best: { type: T; q: number; specificity: number } | undefined;
  for (const type of offered) {
    const match = bestRangeFor(type, ranges);
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { type, q: match.q, specificity: match.specificity };
    }
  }
  return best?.type ?? offered[0];
}

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

function parseRange(text: string): MediaRange | undefined {
  const [mediaType, ...params] = text.trim().toLowerCase().split(';');
  const [type, subtype] = mediaType.trim().split('/');
  if (!type || !subtype) return undefined;
  const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
  const q = qParam === undefined ? 1 : Number(qParam.slice(2));
  return { type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
}

/** The most specific range matching `mediaType` (2 exact, 1 type/*, 0 *\/*). */
function bestRangeFor(
  mediaType: string,
  ranges: readonly MediaRange[],
): { q: number; specificity: number } | undefined {
  const [type, subtype] = mediaType.split('/');
  let found: { q: number; specificity: number } | undefined;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : range.type === '*' && range.subtype === '*'
            ? 0
            : -1;
    if (specificity < 0) continue;
    if (!found || specificity > found.specificity) found = { q: range.q, specificity };
  }
  return found;
}
