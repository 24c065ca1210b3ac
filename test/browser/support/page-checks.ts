import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface AxeResults {
  readonly violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const source = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  // Runs in the page (the root tsconfig has no DOM types): axe.run over the whole document.
  const results = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> };
    };
    return page.axe.run(page.document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => JSON.stringify(n.target))
          .slice(0, 3)
          .join(', ')})`,
    );
}

/**
 * Words that cannot be Vietnamese: a Vietnamese syllable written without diacritics is an
 * onset, a vowel group and an ending from short lists, which English words rarely fit
 * ("status", "page", "request" do not); the few English words that do fit are listed.
 */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/i;
const ENGLISH_THAT_FITS = new Set([
  'the',
  'not',
  'no',
  'of',
  'it',
  'on',
  'at',
  'me',
  'be',
  'he',
  'we',
  'go',
  'see',
  'new',
  'via',
]);
/** Codes and proper nouns the pages show. */
const ALLOWED = new Set([
  'CSV',
  'Excel',
  'Markdown',
  'Redis',
  'CNC',
  'CNNT',
  'SEED',
  'E2E',
  'QĐ',
  'UBND',
  'SCT',
  'KC',
  'Jan',
  'OIDC',
]);

export function englishWordsIn(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '' || /[\d_\-/.@:]/.test(word)) continue;
    if (/[^ -~]/.test(word)) continue; // diacritics: Vietnamese
    if (ALLOWED.has(word)) continue;
    if (!SYLLABLE.test(word) || ENGLISH_THAT_FITS.has(word.toLowerCase())) found.add(word);
  }
  return [...found];
}

export async function visibleEnglishWords(page: Page): Promise<string[]> {
  return englishWordsIn(await page.locator('body').innerText());
}

/** Both checks on the page a test has just reached. */
export async function checkPage(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Colours are judged at rest: the pointer left on a button just clicked gives it its hover
  // colour (lighter), which is not the colour the page shows; move it away and let it settle.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const violations = await seriousA11yViolations(page);
  const english = await visibleEnglishWords(page);
  const problems = [
    ...violations.map((v) => `${what}: ${v}`),
    ...(english.length > 0 ? [`${what}: English words visible: ${english.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
