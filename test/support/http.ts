/**
 * Tiny fetch helpers for the e2e suite: every call goes over real HTTP to the test server,
 * and every answer comes back whole (status, headers, parsed body, raw text) so a test can
 * assert on any of them.
 */

/** Anything a test reads off a JSON body: loose on purpose, each test asserts what it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly body: Json;
}

export interface RequestOptions {
  readonly token?: string;
  readonly idempotencyKey?: string;
  /** Sent as `If-Match` exactly as given (a number is written as is). */
  readonly ifMatch?: string | number;
  /** Overrides the JSON body with this raw text. */
  readonly rawBody?: string;
  /** Overrides `content-type` (default application/json when there is a body). */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type QueryValue = string | number | undefined;

/** A client for one server; `base` is read on every call, so it follows a restart to a new port. */
export interface ApiClient {
  post(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse>;
  get(
    path: string,
    query?: Readonly<Record<string, QueryValue>>,
    options?: RequestOptions,
  ): Promise<HttpResponse>;
}

export function apiClient(base: () => string): ApiClient {
  return {
    post: (path, body, options = {}) => send('POST', `${base()}${path}`, body, options),
    get: (path, query = {}, options = {}) =>
      send('GET', `${base()}${path}${queryString(query)}`, undefined, options),
  };
}

function queryString(query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

async function send(
  method: string,
  url: string,
  body: unknown,
  options: RequestOptions,
): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  if (options.ifMatch !== undefined) headers['if-match'] = String(options.ifMatch);
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(url, { method, headers, body: payload });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body: parseJson(text),
  };
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Registration fields (API.md `POST /projects`) that the server accepts as they are. */
export interface RegistrationBody {
  planYear: number;
  district: string;
  title: string;
  activityType: string;
  beneficiary: { name: string; address?: string };
  requestedFundingVnd: number;
  counterpartFundingVnd?: number;
  fundingSource?: 'local' | 'national';
  targets: { indicator: string; target: number }[];
  plannedStart: string;
  plannedEnd: string;
  description?: string;
  /** Where the establishment is: a commune-level unit's code. */
  beneficiaryUnit?: string;
}

let titleCounter = 0;

/**
 * A valid registration: a training course (no support norm caps it) in `district`. Every
 * call gets its own title, so a list can be searched for the project a test made.
 */
export function registrationBody(
  district: string,
  overrides: Partial<RegistrationBody> = {},
): RegistrationBody {
  titleCounter += 1;
  return {
    planYear: 2024,
    district,
    title: `Đào tạo khởi sự doanh nghiệp, lớp ${titleCounter}`,
    activityType: 'training',
    beneficiary: { name: 'Cơ sở dệt thổ cẩm Tân Phú', address: 'Ấp 3, xã Phú Lập' },
    requestedFundingVnd: 200_000_000,
    counterpartFundingVnd: 50_000_000,
    fundingSource: 'local',
    targets: [
      { indicator: 'trainees', target: 40 },
      { indicator: 'workshops', target: 2 },
    ],
    plannedStart: '2024-03-01',
    plannedEnd: '2024-11-30',
    ...overrides,
  };
}

/** Asserts nothing itself: the problem fields a test checks, picked for readable failures. */
export function problemOf(response: HttpResponse): {
  status: number;
  contentType: string;
  title: unknown;
  bodyStatus: unknown;
  code: unknown;
} {
  return {
    status: response.status,
    contentType: response.contentType.split(';', 1)[0],
    title: response.body?.title,
    bodyStatus: response.body?.status,
    code: response.body?.code,
  };
}
