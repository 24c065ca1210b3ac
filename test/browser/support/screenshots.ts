import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots of the pages the suite visits: into docs/console/ when CONSOLE_SCREENSHOTS=1
 * (`npm run docs:screenshots`, for docs/console.md), otherwise into a temporary folder so a
 * test run leaves the work tree as it was.
 */
const DIRECTORY =
  process.env.CONSOLE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', '..', 'docs', 'console')
    : join(tmpdir(), 'khuyencong-console-screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(DIRECTORY, { recursive: true });
  const path = join(DIRECTORY, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
