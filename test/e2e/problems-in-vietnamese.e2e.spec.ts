import { randomUUID } from 'node:crypto';
import { registrationBody, type HttpResponse } from '../support/http';
import { DAY, expectStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * Problems in Vietnamese over HTTP (issue 12): with `Accept-Language: vi` the title, detail and
 * field messages are Vietnamese, the code, status, type and fields are what an English client
 * gets; without it, English as before.
 */

const { server, api, people, steps } = useTestServer();
const VI = { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' };
const DIACRITICS = /[ăâđêôơưạảãàáậẩẫầấặẳẵằắẹẻẽèéệểễềếịỉĩìíọỏõòóộổỗồốợởỡờớụủũùúựửữừứỵỷỹỳý]/i;

/** The same request twice, in English and in Vietnamese. */
async function both(send: (headers: Record<string, string>) => Promise<HttpResponse>) {
  const en = await send({});
  const vi = await send(VI);
  expect(vi.status).toBe(en.status);
  expect(vi.contentType).toMatch(/^application\/problem\+json/);
  const { title: _t, detail: _d, errors: enErrors, ...enRest } = en.body;
  const { title, detail, errors: viErrors, ...viRest } = vi.body;
  // type, status, code, instance unchanged; the fields named in the same order.
  expect(viRest).toEqual(enRest);
  expect((viErrors ?? []).map((e: { field: string }) => e.field)).toEqual(
    (enErrors ?? []).map((e: { field: string }) => e.field),
  );
  for (const text of [
    title,
    detail,
    ...(viErrors ?? []).map((e: { message: string }) => e.message),
  ])
    expect(text).toMatch(DIACRITICS);
  return { en: en.body, vi: vi.body };
}

it('answers a validation problem in Vietnamese by constraint, naming the fields as sent', async () => {
  const { vi } = await both((headers) =>
    api.post(
      '/projects',
      {
        ...registrationBody(people.district),
        requestedFundingVnd: 'nhiều',
        title: 'x'.repeat(501),
      },
      { token: people.districtOfficer, headers },
    ),
  );
  expect(vi).toMatchObject({
    status: 400,
    code: 'validation_failed',
    title: 'Dữ liệu không hợp lệ',
  });
  expect(vi.errors).toEqual(
    expect.arrayContaining([
      {
        field: 'requestedFundingVnd',
        message: expect.stringMatching(/^requestedFundingVnd phải là số đồng nguyên, không âm/),
      },
      { field: 'title', message: expect.stringMatching(/^title dài tối đa [\d.]+ ký tự$/) },
    ]),
  );
});

it('answers a broken business rule with its amounts written 1.234.567 đ', async () => {
  const project = await steps.fresh('under_appraisal', 150_000_000);
  const { en, vi } = await both((headers) =>
    api.post(
      `/projects/${project.id}/appraisal/result`,
      { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 200_000_001 },
      { token: people.center, headers, idempotencyKey: randomUUID() },
    ),
  );
  expect(en).toMatchObject({ status: 422, code: 'appraised_exceeds_requested' });
  expect(vi.detail).toBe('Kinh phí thẩm định 200.000.001 đ vượt kinh phí đề nghị 200.000.000 đ');
  expect(vi.errors).toEqual([{ field: 'appraisedFundingVnd', message: vi.detail }]);
});

it('answers an advance above the cap with the cap left, and a step in the wrong state', async () => {
  const project = await steps.fresh('in_execution', 100_000_000);
  const { vi } = await both((headers) =>
    api.post(
      `/projects/${project.id}/disbursements`,
      { kind: 'advance', amountVnd: 70_000_001, paidOn: DAY.advance, voucherNo: 'UNC-1' },
      { token: people.finance, headers, idempotencyKey: randomUUID() },
    ),
  );
  expect(vi.code).toBe('advance_cap_exceeded');
  expect(vi.detail).toBe(
    'Tổng tạm ứng sẽ là 70.000.001 đ, vượt mức 70% kinh phí phê duyệt: 70.000.000 đ (còn được tạm ứng 70.000.000 đ)',
  );
  const wrongState = await both((headers) =>
    api.post(`/projects/${project.id}/appraisal/start`, undefined, {
      token: people.center,
      headers,
      idempotencyKey: randomUUID(),
    }),
  );
  expect(wrongState.vi).toMatchObject({
    status: 409,
    code: 'invalid_transition',
    detail: 'Không thực hiện được bước này khi đề án đang thực hiện (chỉ khi đã đăng ký)',
  });
});

it('answers 401, 403, 404, 412 and 415 in Vietnamese', async () => {
  const project = await steps.fresh('registered');
  const unauthenticated = await both((headers) => api.get('/projects', {}, { headers }));
  expect(unauthenticated.vi).toMatchObject({ status: 401, title: 'Chưa đăng nhập' });

  const forbidden = await both((headers) =>
    api.post(`/projects/${project.id}/approval`, {}, { token: people.auditor, headers }),
  );
  expect(forbidden.vi).toMatchObject({
    status: 403,
    code: 'role_not_allowed',
    detail: 'Bước này cần một trong các vai trò: người phê duyệt',
  });

  const unknownId = randomUUID();
  const notFound = await both((headers) =>
    api.get(`/projects/${unknownId}`, {}, { token: people.auditor, headers }),
  );
  expect(notFound.vi).toMatchObject({ status: 404, detail: 'Không tìm thấy đề án' });

  const noRoute = await both((headers) => api.get('/no-such-route', {}, { headers }));
  expect(noRoute.vi.status).toBe(404);

  const stale = await both((headers) =>
    api.post(`/projects/${project.id}/appraisal/start`, undefined, {
      token: people.center,
      headers,
      ifMatch: project.version + 5,
      idempotencyKey: randomUUID(),
    }),
  );
  expect(stale.vi).toMatchObject({ status: 412, code: 'version_mismatch' });
  expect(stale.vi.detail).toContain(`phiên bản ${project.version + 5}`);

  const media = await both((headers) =>
    api.post('/projects', undefined, {
      token: people.districtOfficer,
      headers,
      rawBody: 'title=x',
      contentType: 'application/x-www-form-urlencoded',
    }),
  );
  expect(media.vi.status).toBe(415);
});

it('answers a body past the structure limits (413) and a malformed one (400) in Vietnamese', async () => {
  const tooMany = await both((headers) =>
    api.post(
      '/projects',
      {
        ...registrationBody(people.district),
        targets: Array(server.settings.jsonLimits.maxArrayItems + 1).fill(1),
      },
      { token: people.districtOfficer, headers },
    ),
  );
  expect(tooMany.vi).toMatchObject({ status: 413, code: 'body_limit_exceeded' });
  expect(tooMany.vi.errors[0].message).toMatch(/^targets có hơn [\d.]+ phần tử$/);

  const malformed = await both((headers) =>
    api.post('/projects', undefined, { token: people.districtOfficer, headers, rawBody: '{"a":' }),
  );
  expect(malformed.vi).toMatchObject({
    status: 400,
    detail: 'Nội dung gửi lên không phải JSON hợp lệ',
  });
});

it('keeps English for a client that prefers it', async () => {
  const response = await api.get(
    `/projects/${randomUUID()}`,
    {},
    { token: people.auditor, headers: { 'accept-language': 'en-US,en;q=0.9,vi;q=0.8' } },
  );
  expect(expectStatus('find', response, 404)).toMatchObject({ detail: 'No such project' });
});
