import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { registrationBody, type HttpResponse } from '../support/http';
import { useTestServer } from '../support/suite-server';

/**
 * Limits that keep the server answering (issue 9, findings 3, 4 and 14): a JSON body's
 * structure is checked while it is scanned, before it is parsed and long before the validators
 * see it; a client that sends its request a byte at a time is cut off; and every error the HTTP
 * server answers by itself (431, 408, a request it cannot parse) is a problem document too.
 */

const { server, api, people } = useTestServer({
  planYears: [2024],
  // Short enough that a slow client is cut off within the test; every ordinary request
  // of this file arrives in milliseconds.
  env: { HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_HEADERS_TIMEOUT_MS: '1000' },
});

const register = (body: unknown) => api.post('/projects', body, { token: people.center });
const registerRaw = (rawBody: string) =>
  api.post('/projects', undefined, { token: people.center, rawBody });

function expectProblem(response: HttpResponse, status: number, code: string, field: string): void {
  expect({
    status: response.status,
    contentType: response.contentType.split(';', 1)[0],
    code: response.body?.code,
    fields: response.body?.errors?.map((error: { field: string }) => error.field),
  }).toEqual({ status, contentType: 'application/problem+json', code, fields: [field] });
}

describe('the structure of a JSON body, checked before validation', () => {
  it('refuses 25,000 targets (900 KB) as over the array limit, naming targets, not through the validators', async () => {
    const targets = Array.from({ length: 25_000 }, (_, n) => ({
      indicator: 'trainees',
      target: n + 1,
    }));
    const response = await register({ ...registrationBody('tan-phu'), targets });
    expectProblem(response, 413, 'body_limit_exceeded', 'targets');
    expect(response.body.errors[0].message).toMatch(/1000/);
  });

  it('refuses a body of more values than the node limit, naming the field they are under', async () => {
    const filler = Array.from({ length: 25 }, () => Array.from({ length: 900 }, () => 0));
    const response = await register({ ...registrationBody('tan-phu'), filler });
    expectProblem(response, 413, 'body_limit_exceeded', 'filler');
    expect(response.body.errors[0].message).toMatch(/20000/);
  });

  it('refuses a string longer than the string limit, naming it', async () => {
    const response = await register({
      ...registrationBody('tan-phu'),
      description: 'x'.repeat(20_000),
    });
    expectProblem(response, 413, 'body_limit_exceeded', 'description');
  });

  it('still takes a registration with the longest description the validators allow', async () => {
    const response = await register({
      ...registrationBody('tan-phu'),
      description: 'x'.repeat(5000),
    });
    expect(`${response.status} ${response.text}`).toMatch(/^201 /);
  });

  it('passes 1000 project ids, the longest array a DTO takes, on to the validators and the domain', async () => {
    const projectIds = Array.from({ length: 1000 }, () => randomUUID());
    const response = await api.post(
      '/plans/2024/registrations',
      { projectIds },
      { token: people.districtOfficer },
    );
    expect(response.status).toBeLessThan(500);
    expect(response.body.code).not.toBe('body_limit_exceeded');
  });
});

describe('keys JSON allows but the engine refuses', () => {
  it('refuses a key given twice with 400 naming it (not the last one taken)', async () => {
    const body = JSON.stringify(registrationBody('tan-phu'));
    const response = await registerRaw(body.replace(/^\{/, '{"title":"Tên khác",'));
    expectProblem(response, 400, 'duplicate_key', 'title');
  });

  it('names a nested key given twice by its path, escaped spellings included', async () => {
    const body = JSON.stringify(registrationBody('tan-phu'));
    const response = await registerRaw(
      body.replace('"beneficiary":{', '"beneficiary":{"n\\u0061me":"Cơ sở khác",'),
    );
    expectProblem(response, 400, 'duplicate_key', 'beneficiary.name');
  });

  it('refuses __proto__ with 400 saying the key is not allowed', async () => {
    const response = await registerRaw(`{"__proto__": {"isAdmin": true}, "title": "x"}`);
    expectProblem(response, 400, 'key_not_allowed', '__proto__');
    expect(response.body.detail).toContain('__proto__');
  });

  it('refuses constructor.prototype with 400 naming it', async () => {
    const response = await registerRaw(`{"beneficiary": {"constructor": {"prototype": {}}}}`);
    expectProblem(response, 400, 'key_not_allowed', 'beneficiary.constructor.prototype');
  });
});

interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** A request sent with node:http, which (unlike fetch) sends headers of any size. */
function rawRequest(headers: Record<string, string>): Promise<RawAnswer> {
  const url = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, path: '/health', headers, agent: false },
      (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (body += chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            body,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** What the server wrote on a raw connection until it closed it (or `stop` said to give up). */
interface SocketOutcome {
  readonly closedByServer: boolean;
  readonly received: string;
}

function openSocket(): Promise<Socket> {
  const url = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Sends `head`, then one byte of `drip` every 100 ms, until the server closes the connection
 * or `drip` runs out (which, at 100 bytes, is 10 s: far beyond the timeouts under test).
 */
async function slowClient(head: string, drip: string): Promise<SocketOutcome> {
  const socket = await openSocket();
  let received = '';
  let closed = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined);
  const ended = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  socket.write(head);
  for (const byte of drip) {
    if (closed) break;
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 100))]);
    if (!closed) socket.write(byte);
  }
  const closedByServer = closed;
  socket.destroy();
  return { closedByServer, received };
}

function statusLineAndType(received: string): { statusLine: string; contentType: string } {
  const [head] = received.split('\r\n\r\n', 1);
  const lines = head.split('\r\n');
  const type = lines.find((line) => /^content-type:/i.test(line)) ?? '';
  return {
    statusLine: lines[0],
    contentType: type.replace(/^content-type:\s*/i, '').split(';', 1)[0],
  };
}

describe('a client that sends its request a byte at a time', () => {
  it('is answered 408 as a problem and cut off while still sending its headers', async () => {
    const outcome = await slowClient(
      'GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ',
      'a'.repeat(100),
    );
    expect({ closed: outcome.closedByServer, ...statusLineAndType(outcome.received) }).toEqual({
      closed: true,
      statusLine: 'HTTP/1.1 408 Request Timeout',
      contentType: 'application/problem+json',
    });
  });

  it('is answered 408 as a problem and cut off while still sending its body', async () => {
    const head =
      'POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Authorization: Bearer ${people.center}\r\nContent-Length: 1000\r\n\r\n{"title":"`;
    const outcome = await slowClient(head, 'a'.repeat(100));
    expect({ closed: outcome.closedByServer, ...statusLineAndType(outcome.received) }).toEqual({
      closed: true,
      statusLine: 'HTTP/1.1 408 Request Timeout',
      contentType: 'application/problem+json',
    });
  });
});

describe('errors the HTTP server answers before the application sees the request', () => {
  it('answers a header over 16 KB with 431 as a problem document', async () => {
    const answer = await rawRequest({ 'x-big': 'a'.repeat(20_000) });
    expect({
      status: answer.status,
      contentType: answer.contentType.split(';', 1)[0],
      bodyStatus: (JSON.parse(answer.body) as { status: number }).status,
    }).toEqual({ status: 431, contentType: 'application/problem+json', bodyStatus: 431 });
  });

  it('answers a request it cannot parse with 400 as a problem document', async () => {
    const socket = await openSocket();
    const received = await new Promise<string>((resolve) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', () => undefined);
      socket.once('close', () => resolve(text));
      socket.write('NOT HTTP AT ALL\r\n\r\n');
    });
    expect(statusLineAndType(received)).toEqual({
      statusLine: 'HTTP/1.1 400 Bad Request',
      contentType: 'application/problem+json',
    });
  });
});
