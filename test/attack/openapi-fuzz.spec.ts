import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { Role } from '../../src/shared/actor';
import type { Json } from '../support/http';
import { expectStatus, peopleOf, ProjectSteps, type ReachableStatus } from '../support/lifecycle';
import { useTestServer } from '../support/suite-server';

/**
 * HTTP fuzzing driven by the server's own OpenAPI document. For every operation a valid
 * request is built from the schemas (examples, enums, formats) against real fixtures, then
 * fast-check breaks one thing in it: a property's type or value (huge, unicode, lone
 * surrogates, nested garbage, prototype-pollution keys), a missing required field, the whole
 * body, the content type, the path parameter, the query, the Idempotency-Key or If-Match header.
 * Thousands of such requests; the server must never answer 5xx, every 4xx must be a problem
 * document, and a refused command must append nothing (the log head on /health does not move).
 */

type Schema = Json;
type Method = 'GET' | 'POST';

interface Operation {
  readonly method: Method;
  /** The path template as the document writes it, with /api/v1. */
  readonly template: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly { name: string; type: string }[];
  readonly body?: Schema;
}

interface FuzzRequest {
  readonly method: Method;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** Raw text sent as the body, or undefined for none. */
  readonly body?: string;
}

const SUPER_ROLES: readonly Role[] = [
  'center_officer',
  'approver',
  'finance_officer',
  'admin',
  'auditor',
  'district_officer',
];
const PROGRAMME = 'FUZZ-2021-2025';
/** The server's default BODY_LIMIT_BYTES. */
const BODY_LIMIT_BYTES = 1024 * 1024;
/** A plan the test server opens before the tests (DEFAULT_PLAN_YEARS). */
const PLAN_YEAR = 2025;

const { server, api } = useTestServer({ failOnErrorLogs: false });
let operations: Operation[];
let components: Record<string, Schema>;
/** Two callers holding every role, so segregation of duties lets one decide on what the other did. */
let tokens: string[];
const projectIds: string[] = [];

beforeAll(async () => {
  const people = await peopleOf(server, 'tan-phu');
  const steps = new ProjectSteps(api, people);
  const statuses: ReachableStatus[] = [
    'registered',
    'under_appraisal',
    'appraised',
    'approved',
    'in_execution',
    'accepted',
  ];
  for (const status of statuses) projectIds.push((await steps.fresh(status, 150_000_000)).id);
  const programme = {
    code: PROGRAMME,
    name: 'Chương trình thử',
    fromYear: 2021,
    toYear: 2025,
    budgets: [{ year: 2024, amountVnd: 5_000_000_000 }],
    targets: [],
  };
  expectStatus(
    'create programme',
    await api.post('/programs', programme, { token: people.admin }),
    201,
  );
  tokens = await Promise.all(
    ['fuzz-a', 'fuzz-b'].map((sub) =>
      server.token(SUPER_ROLES[0], { sub, alsoRoles: SUPER_ROLES.slice(1), district: 'tan-phu' }),
    ),
  );
  const document = (await (await fetch(`${server.baseUrl}/api/docs-json`)).json()) as Json;
  components = document.components?.schemas ?? {};
  operations = operationsOf(document);
});

function operationsOf(document: Json): Operation[] {
  const result: Operation[] = [];
  for (const [template, methods] of Object.entries(
    document.paths as Record<string, Record<string, Json>>,
  )) {
    if (!template.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? []) as Json[];
      result.push({
        method: method.toUpperCase() as Method,
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, type: p.schema?.type ?? 'string' })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return result;
}

function resolve(schema: Schema): Schema {
  if (schema?.$ref) return resolve(components[String(schema.$ref).split('/').pop() as string]);
  return schema;
}

/** A valid value for a schema: its example, first enum value, or one of its format. */
function sample(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([key, value]) => [
          key,
          sample(value),
        ]),
      );
    case 'array':
      return s.items ? [sample(s.items)] : [];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    default:
      return s.format === 'date' ? '2024-05-02' : 'Nội dung';
  }
}

/** Fixture-backed values for the path parameters the document names. */
function pathValue(name: string, pick: number): string {
  if (name === 'id') return projectIds[pick % projectIds.length];
  if (name === 'code') return PROGRAMME;
  if (name === 'year') return String(PLAN_YEAR);
  return 'x';
}

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on them). */
function pct(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
}

/**
 * A large value that prints as its recipe: a failing case then reads `"x"×100000` instead of
 * a hundred thousand x's. It becomes its full value when the request is serialised.
 */
class Big {
  constructor(
    private readonly label: string,
    private readonly make: () => unknown,
  ) {}
  toJSON(): unknown {
    return this.make();
  }
  text(): string {
    const value = this.make();
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  [fc.toStringMethod](): string {
    return this.label;
  }
}

const repeated = (text: string, times: number) =>
  new Big(`${JSON.stringify(text)}×${times}`, () => text.repeat(times));

/** Arrays and objects inside each other, `depth` levels. */
function nested(depth: number): Big {
  return new Big(`nested×${depth}`, () => {
    let value: unknown = 'đáy';
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  });
}

/** Plain text, or a Big's full text. */
const textOf = (value: string | Big): string => (typeof value === 'string' ? value : value.text());

const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"prototype": {"polluted": "yes"}}'),
);

const nastyStrings = fc.constantFrom<string | Big>(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202eRTL',
  repeated('😀', 500),
  repeated('x', 100_000),
  '2024-02-30',
  '0000-00-00',
  '2024-13-01',
  '+002024-05-02',
  '1e400',
  'NaN',
  '-0',
  'null',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
  '../../etc/passwd',
  'Tiếng Việt có dấu',
);

/** Anything a client could put where a value goes. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyStrings },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      -1,
      0,
      0.5,
      -0.000001,
      1e308,
      -1e308,
      2 ** 53,
      2 ** 53 + 2,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      9e15,
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 3000 }).map(nested) },
);

/** Every path to a value inside a body, e.g. ['beneficiary', 'name'], ['targets', 0, 'target']. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

/** Changes (a copy of) `body` at `path`: replaces the value, or deletes it, or adds a key beside it. */
function mutateAt(
  body: unknown,
  path: (string | number)[],
  how: 'replace' | 'delete' | 'add',
  value: unknown,
  key: string,
): unknown {
  if (path.length === 0) return how === 'replace' ? value : body;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (how === 'replace') parent[last] = value;
  else if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (!Array.isArray(parent))
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return copy;
}

/** Header values an HTTP client can send: printable ASCII and Latin-1 (no control characters, no DEL). */
const headerText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }))
    .map((c) => String.fromCharCode(c)),
  maxLength: 300,
});

type Mutation =
  | { kind: 'valid' }
  | { kind: 'body'; path: number; how: 'replace' | 'delete' | 'add'; value: unknown; key: string }
  | { kind: 'rawBody'; text: string | Big }
  | { kind: 'contentType'; value: string }
  | { kind: 'path'; value: string | Big }
  | { kind: 'query'; name: string; value: string | Big }
  | { kind: 'idempotencyKey'; value: string }
  | { kind: 'ifMatch'; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'valid' }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('body' as const),
      path: fc.nat(),
      how: fc.constantFrom(
        'replace' as const,
        'replace' as const,
        'delete' as const,
        'add' as const,
      ),
      value: garbage,
      key: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'unknownField',
        'toString',
        'hasOwnProperty',
        'id',
        'version',
        'status',
        'registeredBy',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rawBody' as const),
      text: fc.oneof(
        fc.constantFrom(
          '',
          'null',
          '[]',
          '"text"',
          '42',
          'true',
          '{',
          '{"a":',
          '\ufeff{}',
          '{"title":1,"title":2}',
          '{"__proto__":{"polluted":1}}',
          '{"constructor":{"prototype":{"polluted":1}}}',
          // Above BODY_LIMIT_BYTES (1 MB): 413.
          new Big('{"x":"y"×1100000}', () => `{"x":"${'y'.repeat(1_100_000)}"}`),
        ),
        fc.string({ maxLength: 200 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('contentType' as const),
      value: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/xml',
        'application/problem+json',
        'application/json, text/plain',
        'appl1cation/json',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('path' as const),
      value: fc.oneof(
        nastyStrings,
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.uuid(),
        fc.constantFrom<string | Big>(
          '..',
          '.',
          '-1',
          '0',
          '1e3',
          '2024.5',
          '99999999999999999999',
          'undefined',
          'null',
          '%00',
          repeated('a', 5000),
        ),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      name: fc.constantFrom(
        'minPosition',
        'page',
        'pageSize',
        'status',
        'planYear',
        'asOfVersion',
        'asOf',
        'groupBy',
        'from',
        'to',
        'year',
        'district',
        '__proto__',
        'unknown',
      ),
      value: fc.oneof(
        nastyStrings,
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom('-1', '0', '1e9', '99999999999999999999999', '1.5', '[]', '{}', 'true'),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('idempotencyKey' as const),
      value: fc.oneof(headerText, fc.constant('k'.repeat(201)), fc.constant('')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('ifMatch' as const),
      value: fc.oneof(
        headerText,
        fc.constantFrom(
          '-1',
          '1.5',
          '999999999999999999999',
          'W/"1"',
          '"1"',
          '*',
          '',
          '0x10',
          ' 1 ',
        ),
      ),
    }),
  },
);

/** The request for `operation` with `mutation` applied to its valid form. */
function build(operation: Operation, mutation: Mutation, pick: number): FuzzRequest {
  let path = operation.template.replace(/^\/api\/v1/, '');
  for (const name of operation.pathParams) {
    const value = mutation.kind === 'path' ? pct(textOf(mutation.value)) : pathValue(name, pick);
    path = path.replace(`{${name}}`, value);
  }
  if (mutation.kind === 'query') path += `?${pct(mutation.name)}=${pct(textOf(mutation.value))}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${tokens[pick % tokens.length]}`,
    accept: 'application/json',
  };
  if (mutation.kind === 'idempotencyKey') headers['idempotency-key'] = mutation.value;
  if (mutation.kind === 'ifMatch') headers['if-match'] = mutation.value;
  let body: string | undefined;
  if (operation.method === 'POST') {
    let value = operation.body ? sample(operation.body) : undefined;
    if (mutation.kind === 'body') {
      const paths = pathsOf(value);
      value = mutateAt(
        value,
        paths[mutation.path % paths.length],
        mutation.how,
        mutation.value,
        mutation.key,
      );
    }
    body =
      mutation.kind === 'rawBody'
        ? textOf(mutation.text)
        : value === undefined
          ? undefined
          : JSON.stringify(value);
    if (body !== undefined)
      headers['content-type'] =
        mutation.kind === 'contentType' ? mutation.value : 'application/json';
  }
  return { method: operation.method, path, headers, body };
}

interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/**
 * Sends a request exactly as built, through node:http: fetch refuses some header values a
 * client can still send (an empty If-Match, for one).
 */
function sendRaw(request: FuzzRequest): Promise<RawResponse> {
  const url = new URL(`${server.apiUrl}${request.path}`);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        // A fresh connection each time: a connection the server closed after a refusal is never reused.
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // A body over the limit may be refused (413) and the connection closed while it is still
      // being written: the server refused it, which is what it should do.
      const tooLarge = (request.body?.length ?? 0) > BODY_LIMIT_BYTES;
      if (tooLarge && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
        resolve({
          status: 413,
          contentType: 'application/problem+json',
          text: '(connection closed while sending)',
        });
      else reject(error);
    });
    outgoing.end(request.body);
  });
}

async function headOfLog(): Promise<string> {
  const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as Json;
  return health.eventStore.head;
}

/** A short, readable form of a request for failure messages. */
function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ''
      : ` ${request.body.length > 300 ? `${request.body.slice(0, 300)}… (${request.body.length} chars)` : request.body}`;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${value.slice(0, 80)}`)
    .join('; ');
  return `${request.method} ${request.path.slice(0, 300)} [${headers}]${body}`;
}

let requestsSent = 0;
const statuses = new Map<number, number>();

describe('the API fuzzed from its OpenAPI document', () => {
  it('finds the operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((o) => o.body !== undefined).length).toBeGreaterThan(15);
  });

  it('never answers 5xx, answers every 4xx with a problem document, and appends nothing for a refused command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutation, fc.nat(), async (which, change, pick) => {
        const operation = operations[which % operations.length];
        const request = build(operation, change, pick);
        const head = operation.method === 'POST' ? await headOfLog() : undefined;
        const response = await sendRaw(request);
        const { text } = response;
        requestsSent += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const what = `${describeRequest(request)} → ${response.status} ${text.slice(0, 300)}`;
        if (response.status >= 500) throw new Error(`5xx: ${what}`);
        if (response.status >= 400) {
          // 431 too: Node's HTTP parser answers it before the app sees the request, through
          // the server's clientError handler (src/http/server-limits.ts).
          if (!response.contentType.startsWith('application/problem+json')) {
            throw new Error(`a ${response.status} that is not a problem document: ${what}`);
          }
          if (head !== undefined && (await headOfLog()) !== head)
            throw new Error(`a refused command appended: ${what}`);
        }
      }),
      { numRuns: 3000, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: false },
    );
    expect(requestsSent).toBeGreaterThan(1000);
    // A fuzzer that only ever hits one wall tests that wall: it must reach the domain too.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 409, 422]));
  }, 90_000);

  it('leaves no polluted prototype in the server process', () => {
    expect((Object.prototype as Json).polluted).toBeUndefined();
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('leaves every fixture project with an intact hash chain, and the server up', async () => {
    for (const id of projectIds) {
      const verify = expectStatus(
        'verify',
        await api.get(`/projects/${id}/verify`, {}, { token: tokens[0] }),
        200,
      );
      expect(verify.valid).toBe(true);
    }
    const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as Json;
    expect(health.eventStore.status).toBe('up');
  });
});

describe('a JSON body nested thousands of levels deep', () => {
  // The JSON parser refuses bodies nested deeper than our DTOs ever are, before the validators'
  // recursion could overflow the stack (which would be a 500).
  it('is refused with 400, not 500', async () => {
    const depth = 3000;
    const response = await api.post('/projects', undefined, {
      token: tokens[0],
      rawBody: '['.repeat(depth) + ']'.repeat(depth),
    });
    expect(response.status).toBe(400);
  });
});

describe('a path parameter longer than the router takes', () => {
  // Fastify's router answers 414 for a path parameter over 100 characters; it does so as a
  // problem document like every other error (API.md).
  it('is answered 4xx with a problem document', async () => {
    const response = await api.get(`/projects/${'a'.repeat(500)}`, {}, { token: tokens[0] });
    expect({ status: response.status, type: response.contentType.split(';', 1)[0] }).toEqual({
      status: 414,
      type: 'application/problem+json',
    });
  });
});

describe('a text field holding a lone surrogate', () => {
  // JSON lets a client send "\ud800", which is not Unicode text and has no canonical form to
  // hash: the JSON parser refuses it as a 400, and nothing is appended.
  it('is refused with 400, not 500, and appends nothing', async () => {
    const head = await headOfLog();
    const body = {
      ...(sample(
        operations.find((o) => o.template === '/api/v1/projects' && o.method === 'POST')?.body,
      ) as Json),
      title: 'Máy \udc00 cắt',
    };
    const response = await api.post('/projects', body, { token: tokens[0] });
    expect(await headOfLog()).toBe(head);
    expect(response.status).toBe(400);
  });
});

describe('amounts whose sums leave the safe integer range', () => {
  // Each amount is a valid VND amount on its own; the total is not, and is refused (422).
  it('refuses an advance of Number.MAX_SAFE_INTEGER after a first advance with 422', async () => {
    const people = await peopleOf(server, 'tan-phu');
    const steps = new ProjectSteps(api, people);
    const { id } = await steps.fresh('in_execution', 150_000_000);
    await steps.disburse(id, 'advance', 1_000_000, '2024-05-02');
    const body = {
      kind: 'advance',
      amountVnd: Number.MAX_SAFE_INTEGER,
      paidOn: '2024-05-02',
      voucherNo: 'UNC-9',
    };
    expect(
      (await api.post(`/projects/${id}/disbursements`, body, { token: people.finance })).status,
    ).toBe(422);
  });

  // Two budgets of Number.MAX_SAFE_INTEGER are each valid but their total is not: the
  // programme is refused, so no projection ever has to sum them, and the read models keep up.
  it('refuses a programme whose budgets add up beyond the safe range, and the read models keep up', async () => {
    const people = await peopleOf(server, 'tan-phu');
    const budgets = [2021, 2022].map((year) => ({ year, amountVnd: Number.MAX_SAFE_INTEGER }));
    const body = {
      code: 'FUZZ-HUGE',
      name: 'Ngân sách quá lớn',
      fromYear: 2021,
      toYear: 2025,
      budgets,
      targets: [],
    };
    const created = await api.post('/programs', body, { token: people.admin });
    const registered = await new ProjectSteps(api, people).register();
    const read = await api.get(
      `/projects/${registered.id}`,
      { minPosition: registered.position },
      { token: people.admin },
    );
    expect({ programme: created.status, read: read.status }).toEqual({
      programme: 422,
      read: 200,
    });
  });
});

describe('a payment whose gross total leaves the safe integers while the net does not', () => {
  // Approved funding adjusted to Number.MAX_SAFE_INTEGER (training has no norm), a payment of
  // that much, a recovery of 1, then a payment of 1: the net stays within the approved funding
  // but the gross payments would not stay exact, so it is refused and nothing is recorded.
  it('is refused with 422, appends nothing, and the read models keep up', async () => {
    const people = await peopleOf(server, 'tan-phu');
    const steps = new ProjectSteps(api, people);
    const { id } = await steps.fresh('in_execution', 150_000_000);
    const huge = Number.MAX_SAFE_INTEGER;
    const adjust = { decisionNo: '9/QĐ-SCT', reason: 'Điều chỉnh', approvedFundingVnd: huge };
    expectStatus(
      'adjust',
      await api.post(`/projects/${id}/adjustments`, adjust, { token: people.approver }),
      200,
    );
    await steps.accept(id);
    await steps.disburse(id, 'payment', huge, '2024-12-05');
    await steps.disburse(id, 'recovery', 1, '2024-12-05');
    const head = await headOfLog();
    const body = { kind: 'payment', amountVnd: 1, paidOn: '2024-12-05', voucherNo: 'UNC-10' };
    const payment = await api.post(`/projects/${id}/disbursements`, body, {
      token: people.finance,
    });
    const appended = (await headOfLog()) !== head;
    const registered = await steps.register();
    const read = await api.get(
      `/projects/${registered.id}`,
      { minPosition: registered.position },
      { token: people.auditor },
    );
    expect({ payment: payment.status, appended, read: read.status }).toEqual({
      payment: 422,
      appended: false,
      read: 200,
    });
  });
});
