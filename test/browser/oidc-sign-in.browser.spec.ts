import type { Browser, BrowserContext, Page } from 'playwright-core';
import { decodeJwt } from 'jose';
import type { DevTokenRequest } from '../../src/auth/dev-token';
import {
  startOidcTestProvider,
  TEST_ACCOUNTS,
  type OidcTestProvider,
  type TestAccount,
} from '../support/oidc-test-provider';
import { useTestServer } from '../support/suite-server';
import { launchChromium, newPersonContext } from './support/browser';
import { checkPage } from './support/page-checks';

/**
 * Signing in to the console with OpenID Connect (authorization code + PKCE) against a real
 * OpenID provider (test/support/oidc-test-provider.ts), as a province's identity provider
 * would serve it: the sign-in page sends the browser to the provider, the user logs in there,
 * comes back, and the console calls the API with the provider's access token, which the
 * server verifies against the provider's keys. Tokens of another issuer are refused.
 */

jest.setTimeout(120_000);

const YEAR = 2026;
const UNIT = '26116';
const TITLE = 'Hỗ trợ lò sấy cho hợp tác xã chè Phú Hội';

let idp: OidcTestProvider;
let otherIdp: OidcTestProvider;
// Started before the server: its settings name the provider.
beforeAll(async () => {
  [idp, otherIdp] = await Promise.all([startOidcTestProvider(), startOidcTestProvider()]);
});
const { server, api, steps } = useTestServer({
  planYears: [YEAR],
  district: UNIT,
  env: () => idp.serverEnv(),
  signToken: (request, now) => idp.signToken(request, now),
});

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  await idp.allowConsoleAt(server.baseUrl);
  browser = await launchChromium();
  // A project for the Center's inbox, registered by the unit's officer through the API.
  await steps.register({
    planYear: YEAR,
    title: TITLE,
    plannedStart: `${YEAR}-03-01`,
    plannedEnd: `${YEAR}-10-30`,
  });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await Promise.all([idp?.close(), otherIdp?.close()]);
});

const account = (login: string): TestAccount => {
  const found = TEST_ACCOUNTS.find((a) => a.login === login);
  if (found === undefined) throw new Error(`No test account ${login}`);
  return found;
};

async function newPage(): Promise<Page> {
  const context = await newPersonContext(browser);
  contexts.push(context);
  return context.newPage();
}

/** The bearer tokens the console sent to the API, as the page sends them. */
function bearerTokensOf(page: Page): string[] {
  const tokens: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${server.apiUrl}/`)) return;
    const authorization = request.headers()['authorization'];
    if (authorization?.startsWith('Bearer ')) tokens.push(authorization.slice('Bearer '.length));
  });
  return tokens;
}

/** From the console's sign-in page to the provider's login form, filled in and sent. */
async function signInAtProvider(page: Page, who: TestAccount, password = who.password) {
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.getByLabel('Tên đăng nhập').fill(who.login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('the Center officer signs in at the provider and sees the inbox, with the API called on its token', async () => {
  const center = account('thu.tran');
  const page = await newPage();
  const tokens = bearerTokensOf(page);
  await page.goto(`${server.baseUrl}/viec-can-lam`);
  await page.waitForURL(/\/dang-nhap\?tiep=/);
  await checkPage(page, 'Đăng nhập (hệ thống định danh)');
  expect(await page.getByText('Đăng nhập thử').count()).toBe(0);

  // A wrong password is the provider's to refuse: the browser stays there.
  await signInAtProvider(page, center, 'sai-mat-khau');
  await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
  await page.getByLabel('Tên đăng nhập').fill(center.login);
  await page.getByLabel('Mật khẩu').fill(center.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await page.waitForURL(`${server.baseUrl}/viec-can-lam`);
  await page
    .getByTestId('signed-in-as')
    .getByText('Trần Thị Thu · Cán bộ Trung tâm Khuyến công')
    .waitFor();
  const row = page.locator('tr').filter({ hasText: TITLE });
  await row.getByRole('link', { name: 'Bắt đầu thẩm định' }).waitFor();
  await checkPage(page, 'Việc cần làm (đăng nhập qua hệ thống định danh)');

  // The provider's access token, for the API, with the claims its mapper wrote.
  expect(tokens.length).toBeGreaterThan(0);
  const claims = decodeJwt(tokens[0]);
  expect(claims).toMatchObject({
    iss: idp.issuer,
    aud: idp.audience,
    sub: center.login,
    roles: center.roles,
    name: center.name,
  });
  expect(new Set(tokens).size).toBe(1);

  // Signed in at the provider already, the next sign-in asks nothing; and where it goes next
  // is a page of the console, never another site named in the address.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.goto(`${server.baseUrl}/dang-nhap?tiep=${encodeURIComponent('//example.com/x')}`);
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).click();
  await page.waitForURL(`${server.baseUrl}/viec-can-lam`);
  await page.getByTestId('signed-in-as').waitFor();
});

test('an unreachable identity provider is said so on the sign-in page, in Vietnamese', async () => {
  const page = await newPage();
  // The provider's discovery fails as when it is down (the network refuses the connection).
  await page.route(`${idp.issuer}/**`, (route) => route.abort('connectionrefused'));
  await page.goto(`${server.baseUrl}/dang-nhap`);
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).click();
  await page.getByText('Không kết nối được hệ thống định danh').waitFor();
  await checkPage(page, 'Đăng nhập (hệ thống định danh không trả lời)');
});

test("a unit's officer signs in and sees the unit's project, the unit from the token's claim", async () => {
  const officer = account('an.nguyen');
  const page = await newPage();
  await page.goto(`${server.baseUrl}/dang-nhap?tiep=${encodeURIComponent('/de-an')}`);
  await signInAtProvider(page, officer);
  await page.waitForURL(`${server.baseUrl}/de-an`);
  await page
    .getByTestId('signed-in-as')
    .getByText(`Nguyễn Văn An · Cán bộ xã, phường · ${UNIT}`)
    .waitFor();
  await page.getByRole('link', { name: TITLE }).waitFor();
});

test('a callback that does not answer the sign-in the console began is refused', async () => {
  const page = await newPage();
  await page.goto(`${server.baseUrl}/dang-nhap/oidc?code=forged&state=forged`);
  await page.getByText('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại').waitFor();
  await page.getByRole('link', { name: 'Đăng nhập lại' }).click();
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).waitFor();
});

test('a token of another issuer is refused, by the API and so by the console', async () => {
  const now = Math.floor(Date.now() / 1000);
  const request: DevTokenRequest = {
    sub: 'thu.tran',
    name: 'Trần Thị Thu',
    roles: ['center_officer'],
    ttlSeconds: 600,
  };
  const ours = await idp.signToken(request, now);
  const foreign = await otherIdp.signToken(request, now);
  expect((await api.get('/projects', {}, { token: ours })).status).toBe(200);
  expect((await api.get('/projects', {}, { token: foreign })).status).toBe(401);
  // The development sign-in does not exist beside an identity provider.
  expect((await api.post('/dev/token', { role: 'center_officer' })).status).toBe(404);

  // The console holding such a token is sent back to sign in.
  const page = await newPage();
  await page.goto(`${server.baseUrl}/dang-nhap`);
  await page.evaluate(
    (value) =>
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('khuyencong.session', value),
    JSON.stringify({
      token: foreign,
      actor: { sub: 'thu.tran', name: 'Trần Thị Thu', role: 'center_officer' },
      expiresAt: Date.now() + 600_000,
    }),
  );
  await page.goto(`${server.baseUrl}/viec-can-lam`);
  await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản của tỉnh' }).waitFor();
  expect(await page.getByTestId('signed-in-as').count()).toBe(0);
});
