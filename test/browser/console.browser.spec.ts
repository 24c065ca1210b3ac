import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useTestServer } from '../support/suite-server';
import {
  chooseOption,
  launchChromium,
  newPersonContext,
  serverHasDevSignIn,
  signIn,
  typeDate,
  type Person,
} from './support/browser';
import { checkPage } from './support/page-checks';
import { screenshot } from './support/screenshots';

/**
 * The console in a real browser (Debian's Chromium) against the real server on a real SQLite
 * file, by clicking: a unit officer registers a project, the Center finds it in Việc cần làm,
 * an auditor opens its history; another unit's officer does not see it. Every page visited
 * is checked with axe-core and for visible English words.
 */

jest.setTimeout(120_000);

/** A plan year of the new map: communes register (the districts ended on 30/06/2025). */
const YEAR = 2026;
const { server } = useTestServer({ planYears: [YEAR] });

const UNIT_OFFICER: Person = { role: 'unit_officer', name: 'Nguyễn Văn An', unit: '26116' };
const OTHER_UNIT_OFFICER: Person = {
  role: 'unit_officer',
  name: 'Lý Thị Bình',
  unit: '26425',
};
const CENTER: Person = { role: 'center_officer', name: 'Trần Thị Thu' };
const AUDITOR: Person = { role: 'auditor', name: 'Võ Văn Kiểm' };
const ADMIN: Person = { role: 'admin', name: 'Quản Trị Viên' };

const TITLE = 'Hỗ trợ máy cắt CNC cho cơ sở cơ khí Phú Lâm';

let browser: Browser;
const contexts: BrowserContext[] = [];
let projectId = '';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function pageFor(person: Person): Promise<Page> {
  const context = await newPersonContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, server, person);
  return page;
}

test('a unit officer registers a project by clicking, and sees the server refuse a bad amount beside the field', async () => {
  const page = await pageFor(UNIT_OFFICER);
  await checkPage(page, 'Việc cần làm (cán bộ địa phương)');
  await page.getByRole('link', { name: 'Đề án' }).click();
  await page.getByRole('button', { name: 'Đăng ký đề án' }).click();
  await page.getByRole('heading', { name: 'Đăng ký đề án' }).waitFor();
  await checkPage(page, 'Đăng ký đề án');

  await chooseOption(page, 'Năm kế hoạch', `Năm ${YEAR}`);
  await page.getByLabel('Tên đề án').fill(TITLE);
  await chooseOption(page, 'Loại hoạt động', 'Ứng dụng máy móc thiết bị tiên tiến');
  await page.getByLabel('Người thụ hưởng').fill('Cơ sở cơ khí Phú Lâm');
  await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('0');
  await typeDate(page, 'Ngày bắt đầu dự kiến', `01/03/${YEAR}`);
  await typeDate(page, 'Ngày kết thúc dự kiến', `30/10/${YEAR}`);
  await chooseOption(page, 'Chỉ tiêu 1', 'Cơ sở được hỗ trợ');
  await page.getByLabel('Mục tiêu 1').fill('1');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();

  // The server's message, beside the amount it names.
  const amountItem = page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)') });
  await amountItem.locator('.ant-form-item-explain-error').waitFor();
  // Vietnamese once the server answers Accept-Language: vi (CONSOLE-CONTRACT.md); until the
  // console endpoints of that work exist, its message is still English and not checked here.
  if (await serverHasDevSignIn(server)) await checkPage(page, 'Đăng ký đề án (lỗi của máy chủ)');
  await screenshot(page, 'dang-ky-de-an-loi');

  await page.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('250000000');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  projectId = page.url().split('/de-an/')[1] ?? '';
  expect(projectId).toMatch(/^[0-9a-f-]{36}$/);
  await page.getByText('250.000.000 đ').first().waitFor();
  await page.getByText('Đã đăng ký').first().waitFor();
  await checkPage(page, 'Đề án / chi tiết (vừa đăng ký)');
  await screenshot(page, 'de-an-chi-tiet');

  await page.getByRole('link', { name: 'Đề án' }).click();
  await page.getByRole('link', { name: TITLE }).waitFor();
  await checkPage(page, 'Đề án (danh sách)');
  await screenshot(page, 'de-an');
});

test('the Center officer finds the project in Việc cần làm and opens it at its step', async () => {
  const page = await pageFor(CENTER);
  const row = page.locator('tr').filter({ hasText: TITLE });
  await row.getByRole('link', { name: 'Bắt đầu thẩm định' }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  expect(page.url()).toContain(`/de-an/${projectId}?viec=start_appraisal`);
  await page.getByText('Việc bạn có thể làm').waitFor();
  await checkPage(page, 'Đề án / chi tiết (Trung tâm)');
  await page.goto(`${server.baseUrl}/viec-can-lam`);
  await page.locator('tr').filter({ hasText: TITLE }).waitFor();
  await checkPage(page, 'Việc cần làm (Trung tâm)');
  await screenshot(page, 'viec-can-lam');
});

test('an auditor opens the history, views the state at a step and runs the integrity check', async () => {
  const page = await pageFor(AUDITOR);
  await page.goto(`${server.baseUrl}/de-an/${projectId}`);
  await page.getByRole('button', { name: 'Lịch sử' }).click();
  await page.getByRole('heading', { name: 'Lịch sử đề án' }).waitFor();
  await page.getByText('1. Đăng ký đề án').waitFor();
  await page.getByRole('button', { name: 'Xem trạng thái tại bước này' }).first().click();
  await page.getByText('Trạng thái sau bước 1').waitFor();
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await page.getByText(/Toàn vẹn: đã kiểm tra 1 sự kiện/).waitFor();
  await checkPage(page, 'Lịch sử');
  await screenshot(page, 'lich-su');
});

test("another unit's officer neither lists nor opens the project", async () => {
  const page = await pageFor(OTHER_UNIT_OFFICER);
  await page.goto(`${server.baseUrl}/de-an`);
  await page
    .getByText(/\d+ đề án|Không có đề án nào/)
    .first()
    .waitFor();
  expect(await page.getByRole('link', { name: TITLE }).count()).toBe(0);
  await page.goto(`${server.baseUrl}/de-an/${projectId}`);
  await page.getByText('Không tải được dữ liệu').waitFor();
  expect(await page.getByRole('heading', { name: TITLE }).count()).toBe(0);
});

test('the other pages load in Vietnamese without serious accessibility violations', async () => {
  const page = await pageFor(ADMIN);
  const visits: [string, string, RegExp | string][] = [
    ['/ke-hoach', 'ke-hoach-nam', 'Đăng ký của các đơn vị'],
    ['/chuong-trinh', 'chuong-trinh', 'Chương trình dùng cho kiểm thử'],
    ['/bao-cao', 'bao-cao', 'Tổng cộng'],
    ['/quan-tri', 'quan-tri', 'Tình trạng hệ thống'],
  ];
  for (const [path, name, marker] of visits) {
    await page.goto(`${server.baseUrl}${path}`);
    await page.getByText(marker).first().waitFor();
    await checkPage(page, path);
    await screenshot(page, name);
  }
  await page.getByRole('link', { name: 'Chương trình' }).first().click();
  await page.getByRole('link', { name: 'Chương trình dùng cho kiểm thử' }).click();
  await page.getByText('Đánh giá kết quả thực hiện').waitFor();
  await checkPage(page, 'Chương trình / đánh giá');
  await screenshot(page, 'chuong-trinh-danh-gia');
});
