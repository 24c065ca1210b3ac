import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Workbook } from 'exceljs';
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
 * file, by clicking, one role after another: a unit officer registers a project and answers
 * the Center's revision request; the Center appraises it; the approver approves it; finance
 * advances up to the cap (one đồng more is refused beside the field), the Center accepts it,
 * finance pays and settles it; two browsers act on the same version; an auditor reads the
 * history; a report downloaded as Excel equals the API's figures; another unit's officer does
 * not see the project. Every page visited is checked with axe-core and for visible English.
 * The tests run in order and share the project (and one signed-in tab per person).
 */

jest.setTimeout(120_000);

/** A plan year of the new map: communes register (the districts ended on 30/06/2025). */
const YEAR = 2026;
const { server, api, people } = useTestServer({ planYears: [YEAR] });

const UNIT_OFFICER: Person = { role: 'unit_officer', name: 'Nguyễn Văn An', unit: '26116' };
const OTHER_UNIT_OFFICER: Person = {
  role: 'unit_officer',
  name: 'Lý Thị Bình',
  unit: '26425',
};
const CENTER: Person = { role: 'center_officer', name: 'Trần Thị Thu' };
const SECOND_CENTER: Person = { role: 'center_officer', name: 'Đỗ Minh Quân' };
const APPROVER: Person = { role: 'approver', name: 'Lê Văn Duyệt' };
const FINANCE: Person = { role: 'finance_officer', name: 'Phạm Thị Ngân' };
const AUDITOR: Person = { role: 'auditor', name: 'Võ Văn Kiểm' };
const ADMIN: Person = { role: 'admin', name: 'Quản Trị Viên' };

const TITLE = 'Hỗ trợ máy cắt CNC cho cơ sở cơ khí Phú Lâm';

let browser: Browser;
const contexts: BrowserContext[] = [];
/** One signed-in tab per person, kept across the tests (signing in once is most of a step). */
const tabs = new Map<Person, Page>();
let projectId = '';

/** Today in the province, dd/MM/yyyy: the date fields allow no later business date. */
const TODAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const YESTERDAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
  new Date(Date.now() - 86_400_000),
);

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function pageFor(person: Person): Promise<Page> {
  const known = tabs.get(person);
  if (known !== undefined) return known;
  const context = await newPersonContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, server, person);
  tabs.set(person, page);
  return page;
}

/** `person`'s tab on the project page, loaded afresh. */
async function projectPageFor(person: Person): Promise<Page> {
  const page = await pageFor(person);
  await page.goto(`${server.baseUrl}/de-an/${projectId}`);
  await page.getByText('Việc bạn có thể làm').waitFor();
  return page;
}

/** The form of an action the actions panel offers, opened by clicking its button. */
async function openAction(page: Page, label: string): Promise<Locator> {
  await actionButton(page, label).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  return dialog;
}

function actionButton(page: Page, label: string): Locator {
  return page.locator('[data-action]').filter({ hasText: new RegExp(`^${label}$`) });
}

/** Sends the open form and waits for it to close (the server accepted the step). */
async function send(dialog: Locator, label: string): Promise<void> {
  // Enter in a date field may already have sent a form whose other fields are filled.
  const button = dialog.getByRole('button', { name: label, exact: true });
  if (await button.isVisible()) await button.click({ timeout: 3_000 }).catch(() => undefined);
  await dialog.waitFor({ state: 'hidden' }).catch(async (error: Error) => {
    // Say what the form shows instead (a refusal, a field message) rather than just a timeout.
    const shown = await dialog.innerText().catch(() => '');
    throw new Error(`${label}: the form stayed open showing:\n${shown}\n${error.message}`);
  });
}

/** The most the server allows in a field, as the form shows it beside the field. */
async function maxShownFor(dialog: Locator, label: string): Promise<number> {
  const extra = await fieldItem(dialog, label).locator('.ant-form-item-extra').innerText();
  const max = /(?:tối đa|Bằng) ([\d.]+) đ/.exec(extra)?.[1];
  if (max === undefined) throw new Error(`No limit shown beside ${label}: ${extra}`);
  return Number(max.replace(/\./g, ''));
}

function fieldItem(dialog: Locator, label: string): Locator {
  // `has` is matched inside each form item: the label's locator from the page's root.
  return dialog
    .locator('.ant-form-item')
    .filter({ has: dialog.page().getByLabel(label, { exact: true }) });
}

async function statusIs(page: Page, status: string): Promise<void> {
  await page.locator('.ant-tag').filter({ hasText: status }).first().waitFor();
}

async function historyLength(): Promise<number> {
  const response = await api.get(`/projects/${projectId}/history`, undefined, {
    token: people.auditor,
  });
  expect(response.status).toBe(200);
  return (response.body as { events: unknown[] }).events.length;
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

test('the Center asks for more; the unit officer resubmits; the Center appraises and passes it', async () => {
  const center = await projectPageFor(CENTER);
  await send(await openAction(center, 'Bắt đầu thẩm định'), 'Bắt đầu thẩm định');
  await statusIs(center, 'Đang thẩm định');
  const revision = await openAction(center, 'Yêu cầu bổ sung hồ sơ');
  await revision.getByLabel('Nội dung cần bổ sung').fill('Bổ sung báo giá của hai nhà cung cấp');
  await send(revision, 'Yêu cầu bổ sung hồ sơ');
  await statusIs(center, 'Cần bổ sung');

  const unit = await projectPageFor(UNIT_OFFICER);
  await statusIs(unit, 'Cần bổ sung');
  const resubmit = await openAction(unit, 'Nộp lại hồ sơ');
  await resubmit.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)').fill('240000000');
  await resubmit.getByLabel('Mô tả').fill('Đã bổ sung báo giá của hai nhà cung cấp');
  await checkPage(unit, 'Nộp lại hồ sơ');
  await screenshot(unit, 'nop-lai-ho-so');
  await send(resubmit, 'Nộp lại hồ sơ');
  await statusIs(unit, 'Đã đăng ký');
  await unit.getByText('240.000.000 đ').first().waitFor();

  await center.reload();
  await send(await openAction(center, 'Bắt đầu thẩm định'), 'Bắt đầu thẩm định');
  const appraisal = await openAction(center, 'Thông qua thẩm định');
  const most = await maxShownFor(appraisal, 'Kinh phí thẩm định (đồng)');
  // At most the request and the norm's cap for machinery (the server's limit).
  expect(most).toBeLessThanOrEqual(240_000_000);
  expect(most).toBeGreaterThanOrEqual(100_000_000);
  await appraisal.getByLabel('Kinh phí thẩm định (đồng)').fill(String(Math.min(220_000_000, most)));
  await appraisal.getByLabel('Ý kiến hội đồng').fill('Hồ sơ đầy đủ, đề nghị phê duyệt');
  await checkPage(center, 'Thông qua thẩm định');
  await screenshot(center, 'tham-dinh');
  await send(appraisal, 'Thông qua thẩm định');
  await statusIs(center, 'Đã thẩm định');
});

test('the approver approves it with a decision number', async () => {
  const page = await projectPageFor(APPROVER);
  const approval = await openAction(page, 'Phê duyệt');
  await approval.getByLabel('Số quyết định phê duyệt').fill('125/QĐ-SCT');
  await typeDate(page, 'Ngày quyết định', TODAY);
  await approval.getByLabel('Kinh phí phê duyệt (đồng)').fill('100000000');
  await checkPage(page, 'Phê duyệt');
  await screenshot(page, 'phe-duyet');
  await send(approval, 'Phê duyệt');
  await statusIs(page, 'Đã phê duyệt');
  await page.getByText('125/QĐ-SCT').first().waitFor();
  await page.getByText('100.000.000 đ').first().waitFor();
});

test('two Center officers act on the same version: the second is told someone else changed it and sees the fresh state', async () => {
  const first = await projectPageFor(CENTER);
  const second = await projectPageFor(SECOND_CENTER);
  const shown = await second.getByText(/Phiên bản \d+/).innerText();

  const start = await openAction(first, 'Bắt đầu thực hiện');
  await typeDate(first, 'Ngày bắt đầu thực hiện', TODAY);
  await send(start, 'Bắt đầu thực hiện');
  await statusIs(first, 'Đang thực hiện');

  // The second tab still shows the version before; its step is sent with that If-Match.
  const stale = await openAction(second, 'Bắt đầu thực hiện');
  await typeDate(second, 'Ngày bắt đầu thực hiện', TODAY);
  // Enter in the date (its only field) sends it; otherwise the button does.
  const button = stale.getByRole('button', { name: 'Bắt đầu thực hiện', exact: true });
  if (await button.isVisible()) await button.click({ timeout: 3_000 }).catch(() => undefined);
  const warning = second
    .getByRole('dialog')
    .filter({ hasText: 'Có người khác vừa thay đổi đề án này' });
  await warning.waitFor();
  await checkPage(second, 'Có người khác vừa thay đổi đề án này');
  await screenshot(second, 'xung-dot-phien-ban');
  await warning.getByRole('button', { name: 'Đã hiểu' }).click();
  await statusIs(second, 'Đang thực hiện');
  const fresh = Number(/\d+/.exec(await second.getByText(/Phiên bản \d+/).innerText())?.[0]);
  expect(fresh).toBe(Number(/\d+/.exec(shown)?.[0]) + 1);
  expect(
    await second.locator('[data-action]').filter({ hasText: 'Bắt đầu thực hiện' }).count(),
  ).toBe(0);
  expect(await historyLength()).toBe(fresh);
});

test('finance advances up to the cap: one đồng more is refused beside the field; a double click appends once', async () => {
  const page = await projectPageFor(FINANCE);
  const advance = await openAction(page, 'Ghi nhận tạm ứng');
  const cap = await maxShownFor(advance, 'Số tiền tạm ứng (đồng)');
  expect(cap).toBe(70_000_000); // 70 % of the approved 100.000.000 đ
  await advance.getByLabel('Số tiền tạm ứng (đồng)').fill(String(cap + 1));
  await typeDate(page, 'Ngày chi', TODAY);
  await advance.getByLabel('Số chứng từ').fill('PC-0415');
  await advance.getByRole('button', { name: 'Ghi nhận tạm ứng', exact: true }).click();
  const refusal = fieldItem(advance, 'Số tiền tạm ứng (đồng)').locator(
    '.ant-form-item-explain-error',
  );
  await refusal.waitFor();
  expect(await refusal.innerText()).toMatch(/[ạảãáàâăêôơưđ]/); // the server's words, in Vietnamese
  await checkPage(page, 'Ghi nhận tạm ứng (vượt mức)');
  await screenshot(page, 'tam-ung-vuot-muc');

  const before = await historyLength();
  await advance.getByLabel('Số tiền tạm ứng (đồng)').fill(String(cap));
  await advance.getByRole('button', { name: 'Ghi nhận tạm ứng', exact: true }).dblclick();
  await advance.waitFor({ state: 'hidden' });
  await page.getByText('70.000.000 đ').first().waitFor();
  expect(await historyLength()).toBe(before + 1);
  expect(await page.locator('[data-action]').filter({ hasText: 'Ghi nhận tạm ứng' }).count()).toBe(
    0,
  );
});

test('the Center accepts it; finance pays the rest and settles it', async () => {
  const center = await projectPageFor(CENTER);
  const acceptance = await openAction(center, 'Nghiệm thu');
  await typeDate(center, 'Ngày nghiệm thu', TODAY);
  await acceptance.getByLabel('Ý kiến nghiệm thu').fill('Máy đã lắp đặt và vận hành đúng hồ sơ');
  await send(acceptance, 'Nghiệm thu');
  await statusIs(center, 'Đã nghiệm thu');

  const finance = await projectPageFor(FINANCE);
  const payment = await openAction(finance, 'Ghi nhận thanh toán');
  const rest = await maxShownFor(payment, 'Số tiền thanh toán (đồng)');
  expect(rest).toBe(30_000_000);
  await payment.getByLabel('Số tiền thanh toán (đồng)').fill(String(rest));
  await typeDate(finance, 'Ngày chi', TODAY);
  await payment.getByLabel('Số chứng từ').fill('PC-0522');
  await send(payment, 'Ghi nhận thanh toán');

  const settlement = await openAction(finance, 'Quyết toán');
  const net = await maxShownFor(settlement, 'Số tiền quyết toán (đồng)');
  expect(net).toBe(100_000_000);
  await settlement.getByLabel('Số tiền quyết toán (đồng)').fill(String(net));
  await typeDate(finance, 'Ngày quyết toán', TODAY);
  await settlement.getByLabel('Số quyết định quyết toán').fill('310/QĐ-SCT');
  await checkPage(finance, 'Quyết toán');
  await screenshot(finance, 'quyet-toan');
  await send(settlement, 'Quyết toán');
  await statusIs(finance, 'Đã quyết toán');
  await checkPage(finance, 'Đề án / chi tiết (đã quyết toán)');
  await screenshot(finance, 'de-an-da-quyet-toan');
});

test('an auditor opens the history, views the state as of the approval and as of a date, runs the integrity check', async () => {
  const events = await historyLength();
  const page = await pageFor(AUDITOR);
  await page.goto(`${server.baseUrl}/de-an/${projectId}`);
  await page.getByRole('button', { name: 'Lịch sử' }).click();
  await page.getByRole('heading', { name: 'Lịch sử đề án' }).waitFor();
  await page.getByText('1. Đăng ký đề án').waitFor();

  const approval = page.locator('[data-version]').filter({ hasText: 'Phê duyệt đề án' });
  await approval.getByRole('button', { name: 'Xem trạng thái tại bước này' }).click();
  const state = page
    .locator('.ant-card')
    .filter({ hasText: /Trạng thái sau bước \d+: Phê duyệt đề án/ });
  await state.waitFor();
  await state.locator('.ant-tag').filter({ hasText: 'Đã phê duyệt' }).waitFor();
  await state.getByText('125/QĐ-SCT').waitFor();
  await state.getByText('100.000.000 đ').first().waitFor();
  await checkPage(page, 'Lịch sử (tại bước phê duyệt)');

  await typeDate(page, 'Xem trạng thái tại ngày', YESTERDAY);
  await page.getByText(`Trạng thái tại ngày ${YESTERDAY}`).waitFor();
  await page.getByText('Đề án chưa được đăng ký vào lúc này').waitFor();
  await typeDate(page, 'Xem trạng thái tại ngày', TODAY);
  const asOfToday = page.locator('.ant-card').filter({ hasText: `Trạng thái tại ngày ${TODAY}` });
  await asOfToday.locator('.ant-tag').filter({ hasText: 'Đã quyết toán' }).waitFor();
  await asOfToday.getByText(String(events), { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await page
    .getByText(`Toàn vẹn: đã kiểm tra ${events} sự kiện, chuỗi băm không bị sửa.`)
    .waitFor();
  await checkPage(page, 'Lịch sử');
  await screenshot(page, 'lich-su');
});

test("a report downloaded as Excel holds the API's figures to the đồng", async () => {
  const page = await pageFor(FINANCE);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByText('Tổng cộng').first().waitFor();
  await chooseOption(page, 'Nhóm theo', 'Theo đơn vị');
  await chooseOption(page, 'Năm kế hoạch', `Năm ${YEAR}`);
  await page.locator('.ant-table-row').first().waitFor();
  await checkPage(page, 'Báo cáo (theo đơn vị)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`bao-cao-giai-ngan-unit-${YEAR}.xlsx`);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const header = sheet.getRow(1).values as unknown[];
  expect(header.slice(1)).toEqual([
    'Nhóm',
    'Số đề án',
    'Kinh phí phê duyệt (đồng)',
    'Đã giải ngân (đồng)',
    'Đã quyết toán (đồng)',
    'Tỷ lệ giải ngân',
  ]);
  const cells: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) cells.push((row.values as unknown[]).slice(2, 6));
  });
  const report = await api.get(
    '/reports/disbursement',
    { groupBy: 'unit', planYear: YEAR },
    {
      token: people.finance,
    },
  );
  expect(report.status).toBe(200);
  type Row = { projects: number; approvedVnd: number; disbursedVnd: number; settledVnd: number };
  const { rows, total } = report.body as { rows: Row[]; total: Row };
  expect(total.settledVnd).toBeGreaterThanOrEqual(100_000_000);
  expect(cells).toEqual(
    [...rows, total].map((r) => [r.projects, r.approvedVnd, r.disbursedVnd, r.settledVnd]),
  );
  // Money as numbers, shown in đồng.
  expect(sheet.getRow(2).getCell(3).numFmt).toBe('#,##0 "đ"');
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
