import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../../src/shared/actor';
import type { TestServer } from '../../support/test-server';

/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work
 * here). One browser per spec file; one context (a tab's sessionStorage) per person.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Person {
  /** The role as the console names it: `unit_officer` for a registering unit's officer. */
  readonly role: Role | 'unit_officer';
  readonly name: string;
  /** The registering unit of a unit officer (a unit code or a former district key). */
  readonly unit?: string;
}

export async function newPersonContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
}

/** Does the server offer the development sign-in of the contract (GET /console/config)? */
export async function serverHasDevSignIn(server: TestServer): Promise<boolean> {
  const response = await fetch(`${server.apiUrl}/console/config`);
  if (!response.ok) return false;
  const config = (await response.json()) as { signIn?: string };
  return config.signIn === 'development';
}

/**
 * Signs `person` in: by clicking the "đăng nhập thử" page when the server offers it; until
 * then (the server's console endpoints are being built beside this suite) with a token
 * signed as `npm run token` signs it, put where the sign-in page puts its own.
 */
export async function signIn(page: Page, server: TestServer, person: Person): Promise<void> {
  if (await serverHasDevSignIn(server)) {
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await chooseOption(page, 'Vai trò', new RegExp(`^${roleWords(person.role)}$`));
    if (person.unit !== undefined)
      await chooseOption(page, 'Đơn vị', new RegExp(`\\(${person.unit}\\)`), person.unit);
    await page.getByLabel('Họ và tên (không bắt buộc)').fill(person.name);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    return;
  }
  // The token the server itself reads a unit officer into (district_officer, district claim).
  const token = await server.token(
    person.role === 'unit_officer' ? 'district_officer' : person.role,
    {
      name: person.name,
      ...(person.unit !== undefined && { district: person.unit }),
    },
  );
  const session = {
    token,
    actor: {
      sub: 'browser',
      name: person.name,
      role: person.role,
      ...(person.unit !== undefined && { unit: person.unit }),
    },
    expiresAt: Date.now() + 3_600_000,
  };
  await page.goto(`${server.baseUrl}/dang-nhap`);
  await page.evaluate(
    (value) =>
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('khuyencong.session', value),
    JSON.stringify(session),
  );
  await page.goto(`${server.baseUrl}/viec-can-lam`);
  await page.getByTestId('signed-in-as').waitFor();
}

const ROLE_WORDS: Record<string, string> = {
  unit_officer: 'Cán bộ xã, phường',
  district_officer: 'Cán bộ địa phương',
  center_officer: 'Cán bộ Trung tâm Khuyến công',
  approver: 'Lãnh đạo phê duyệt',
  finance_officer: 'Cán bộ tài chính',
  auditor: 'Kiểm toán viên',
  admin: 'Quản trị hệ thống',
};

function roleWords(role: string): string {
  return ROLE_WORDS[role] ?? role;
}

/** Opens an Ant Design select by its label and clicks the option whose text matches. */
export async function chooseOption(
  page: Page,
  label: string,
  option: string | RegExp,
  /** Typed into a searchable select first: a long list shows only the options in view. */
  search?: string,
): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (search !== undefined) await box.fill(search);
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  await options.filter({ hasText: option }).first().click();
  // Closed, not closing: a list still fading out has no name of its own for axe.
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .first()
    .waitFor({ state: 'hidden' });
}

/** Types a date dd/MM/yyyy into an Ant Design date picker. */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}
