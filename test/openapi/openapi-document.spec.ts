import type { Json } from '../support/http';
import { useTestServer } from '../support/suite-server';
import { tourTheApi, type Exchange } from './support/api-tour';
import {
  operationFor,
  operationsOf,
  SchemaValidators,
  type Operation,
} from './support/openapi-schemas';

/**
 * The OpenAPI document the server serves tells a client what every operation answers: its
 * success with a schema, and each problem it can give as application/problem+json. Checked
 * twice: by rules any operation must meet (so a new one without its answers fails here), and
 * against the real answers of a walk over the whole API (so the schemas are what the server
 * sends, field for field).
 */

const { server, api, people } = useTestServer();

const PROBLEM = 'application/problem+json';
const PROBLEM_SCHEMA = '#/components/schemas/ProblemDetailsResponse';
const COMMAND_SCHEMA = '#/components/schemas/CommandResponseBody';

let document: Json;
let operations: Operation[];
let validators: SchemaValidators;

beforeAll(async () => {
  const response = await fetch(`${server.baseUrl}/api/docs-json`);
  expect(response.status).toBe(200);
  document = await response.json();
  operations = operationsOf(document);
  validators = new SchemaValidators(document);
});

const successesOf = (operation: Operation): [string, Json][] =>
  Object.entries(operation.spec.responses as Record<string, Json>).filter(([status]) =>
    /^2\d\d$/.test(status),
  );

const documentedStatuses = (operation: Operation): string[] =>
  Object.keys(operation.spec.responses as Record<string, Json>);

const isCommand = (operation: Operation): boolean =>
  successesOf(operation).some(
    ([, response]) => response.content?.['application/json']?.schema?.$ref === COMMAND_SCHEMA,
  );

const isSecured = (operation: Operation): boolean =>
  ((operation.spec.security ?? document.security ?? []) as Json[]).length > 0;

const parameterNames = (operation: Operation): string[] =>
  ((operation.spec.parameters ?? []) as { name: string }[]).map((parameter) => parameter.name);

/** The problems an operation must document, from what it is (its method, input, security). */
function expectedProblems(operation: Operation): number[] {
  const takesInput =
    parameterNames(operation).length > 0 || operation.spec.requestBody !== undefined;
  return [
    ...(takesInput ? [400] : []),
    ...(isSecured(operation) ? [401, 403] : []),
    ...(isCommand(operation) ? [409, 412] : []),
    ...(operation.method === 'post' ? [413, 415] : []),
    ...(isCommand(operation) ? [422] : []),
    429,
    ...(isCommand(operation) || parameterNames(operation).includes('minPosition') ? [503] : []),
  ];
}

describe('the document', () => {
  it('declares its server and the bearer scheme every secured operation uses', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: expect.any(String) })]);
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    const schemes = operations.flatMap((operation) =>
      ((operation.spec.security ?? []) as Record<string, unknown>[]).flatMap(Object.keys),
    );
    expect([...new Set(schemes)]).toEqual(['bearer']);
    // Public ones say so (an empty list), so no operation leaves it unsaid.
    expect(operations.filter((operation) => operation.spec.security === undefined)).toEqual([]);
  });

  it('gives every operation a success answer with a schema, not just a description', () => {
    const without = operations
      .filter(
        (operation) =>
          successesOf(operation).length === 0 ||
          successesOf(operation).some(([, response]) => {
            const media = Object.values((response.content ?? {}) as Record<string, Json>);
            return (
              media.length === 0 ||
              media.some(({ schema }) => schema === undefined || Object.keys(schema).length === 0)
            );
          }),
      )
      .map((operation) => operation.name);
    expect(without).toEqual([]);
  });

  it('documents every problem each operation can give', () => {
    const missing = operations.flatMap((operation) => {
      const documented = documentedStatuses(operation);
      return expectedProblems(operation)
        .filter((status) => !documented.includes(String(status)))
        .map((status) => `${operation.name}: ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('documents each problem as application/problem+json with the ProblemDetails schema', () => {
    const wrong = operations.flatMap((operation) =>
      Object.entries(operation.spec.responses as Record<string, Json>)
        .filter(([status]) => Number(status) >= 400)
        // /health answers its own body with 503: the state of each part, as with 200.
        .filter(([status]) => !(operation.path === '/health' && status === '503'))
        .filter(
          ([, response]) =>
            Object.keys(response.content ?? {}).join() !== PROBLEM ||
            response.content[PROBLEM].schema?.$ref !== PROBLEM_SCHEMA ||
            !response.description,
        )
        .map(([status]) => `${operation.name}: ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('describes the problem document as the server writes it (problem-details.ts)', () => {
    const schema = document.components.schemas.ProblemDetailsResponse;
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['code', 'detail', 'errors', 'instance', 'status', 'title', 'type'].sort(),
    );
    expect(schema.required.sort()).toEqual(['detail', 'status', 'title', 'type']);
    const fieldError = document.components.schemas.FieldErrorResponse;
    expect(Object.keys(fieldError.properties).sort()).toEqual(['field', 'message']);
  });

  it('documents the CSV and Markdown variants content negotiation offers as their media types', () => {
    const variants = (path: string) =>
      Object.keys(
        operations.find((operation) => operation.name === `GET /api/v1${path}`)?.spec.responses[
          '200'
        ].content ?? {},
      ).sort();
    for (const report of ['/reports/disbursement', '/reports/progress', '/reports/plan-status'])
      expect(variants(report)).toEqual(['application/json', 'text/csv']);
    expect(variants('/inbox')).toEqual(['application/json', 'text/csv']);
    expect(variants('/programs/{code}/review')).toEqual(['application/json', 'text/markdown']);
  });
});

describe('the real answers', () => {
  let exchanges: Exchange[];

  beforeAll(async () => {
    exchanges = await tourTheApi(server, api, people);
  }, 120_000);

  /** Where an answer departs from what the document says of its operation and status. */
  function departures(exchange: Exchange): string[] {
    const operation = operationFor(operations, exchange.method, exchange.path);
    if (operation === undefined) return ['no operation of the document has this path'];
    const response = operation.spec.responses[String(exchange.status)];
    if (response === undefined)
      return [`${exchange.status} is not documented (${JSON.stringify(exchange.body)})`];
    const media = response.content?.[exchange.mediaType];
    if (media === undefined) return [`${exchange.mediaType} is not documented for it`];
    return validators.errors(media.schema, exchange.body);
  }

  it('reach every operation of the document with its success', () => {
    const succeeded = new Set(
      exchanges
        .filter((exchange) => exchange.status < 300)
        .map((exchange) => operationFor(operations, exchange.method, exchange.path)?.name),
    );
    // A new operation: add a request to test/openapi/support/api-tour.ts.
    expect(operations.map((o) => o.name).filter((name) => !succeeded.has(name))).toEqual([]);
  });

  it('are each documented, and match the schema of their operation, status and media type', () => {
    const wrong = exchanges.flatMap((exchange) =>
      departures(exchange).map(
        (departure) => `${exchange.method} ${exchange.path} ${exchange.status}: ${departure}`,
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('include the problems the document promises, each a valid problem document', () => {
    const seen = new Set(
      exchanges
        .filter((exchange) => exchange.mediaType === PROBLEM)
        .map((exchange) => exchange.status),
    );
    expect([...seen].sort()).toEqual([400, 401, 403, 404, 409, 412, 413, 415, 422]);
  });

  it('of every secured operation without a token are its documented 401', async () => {
    const wrong: string[] = [];
    for (const operation of operations.filter(isSecured)) {
      const path = operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: operation.method.toUpperCase(),
      });
      const body: unknown = await response.json();
      const problems = validators.errors(
        operation.spec.responses['401']?.content?.[PROBLEM]?.schema ?? {},
        body,
      );
      if (response.status !== 401 || problems.length > 0)
        wrong.push(`${operation.name}: ${response.status} ${problems.join('; ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('of every POST given a body that is not JSON are its documented 415', async () => {
    const wrong: string[] = [];
    for (const operation of operations.filter((o) => o.method === 'post')) {
      const path = operation.path.replace(/\{[^}]+\}/g, 'x');
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${people.admin}` },
        body: 'plain words',
      });
      const body: unknown = await response.json();
      const problems = validators.errors(
        operation.spec.responses['415']?.content?.[PROBLEM]?.schema ?? {},
        body,
      );
      if (response.status !== 415 || problems.length > 0)
        wrong.push(`${operation.name}: ${response.status} ${problems.join('; ')}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the check itself', () => {
  it('fails an answer with a field the document does not describe, or without a required one', () => {
    const project = { $ref: '#/components/schemas/CommandResponseBody' };
    const answer = { id: 'a', version: 1, status: 'registered', position: '5' };
    expect(validators.errors(project, answer)).toEqual([]);
    expect(validators.errors(project, { ...answer, extra: true })).toEqual([
      '(body) must NOT have additional properties: extra',
    ]);
    const { position: _position, ...withoutPosition } = answer;
    expect(validators.errors(project, withoutPosition)).toEqual([
      "(body) must have required property 'position'",
    ]);
  });

  it('fails a null where the document does not allow one, and takes it where it does', () => {
    const verification = { $ref: '#/components/schemas/ChainVerificationResponse' };
    expect(
      validators.errors(verification, { valid: true, eventsChecked: 3, firstBrokenVersion: null }),
    ).toEqual([]);
    expect(
      validators.errors(verification, { valid: null, eventsChecked: 3, firstBrokenVersion: null }),
    ).not.toEqual([]);
  });
});
