import type { ProblemLanguage } from './problem-catalogue.vi';

/**
 * The language a request's problem documents are written in: Vietnamese when its
 * Accept-Language prefers `vi` (or `vi-VN`, …) over every other language it names, by quality
 * and then by order (RFC 9110 §12.5.4); English otherwise, and when the header is missing.
 */
export function preferredProblemLanguage(header: string | string[] | undefined): ProblemLanguage {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === undefined || text.trim() === '') return 'en';
  let best: { language: string; quality: number } | undefined;
  for (const part of text.split(',').slice(0, 50)) {
    const [range, ...parameters] = part.trim().split(';');
    const language = range.trim().toLowerCase();
    if (language === '') continue;
    const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
    const quality = q ? Number(q[1]) : 1;
    if (quality <= 0) continue;
    if (best === undefined || quality > best.quality) best = { language, quality };
  }
  return best !== undefined && (best.language === 'vi' || best.language.startsWith('vi-'))
    ? 'vi'
    : 'en';
}
