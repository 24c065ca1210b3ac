import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { echoRequestId } from '../http/request-id';
import {
  bindLogContext,
  createLogger,
  fastifyLoggingOptions,
  PinoLoggerService,
  REDACTED,
  type Logger,
} from './logger';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw';

/** A real pino destination that keeps what was written, one JSON object per line. */
function capture(): { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written += chunk.toString();
      callback();
    },
  });
  const logger = createLogger({ level: 'trace', destination: stream });
  return {
    logger,
    text: () => written,
    lines: () =>
      written
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('request logging', () => {
  let app: FastifyInstance;
  let out: ReturnType<typeof capture>;

  beforeEach(async () => {
    out = capture();
    app = Fastify(fastifyLoggingOptions(out.logger));
    app.addHook('onRequest', echoRequestId);
    app.get('/projects/:id', async (request, reply) => {
      bindLogContext(request, reply, { actorSub: 'u-approver-1', commandId: 'cmd-42' });
      request.log.info(
        {
          headers: request.headers,
          body: { password: 'hunter2', nested: [{ refreshToken: 'r-123' }] },
        },
        'handling',
      );
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => app.close());

  async function get(headers: Record<string, string>): Promise<Response> {
    const { port } = app.server.address() as { port: number };
    return fetch(`http://127.0.0.1:${port}/projects/p-1?access_token=${TOKEN}`, { headers });
  }

  it('never writes the bearer token, cookies or secrets, wherever they appear', async () => {
    const response = await get({ authorization: `Bearer ${TOKEN}`, cookie: `session=${TOKEN}` });
    expect(response.status).toBe(200);
    const text = out.text();
    expect(text).toContain('handling');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('r-123');
    const handling = out.lines().find((line) => line.msg === 'handling');
    expect(handling).toMatchObject({
      headers: { authorization: REDACTED, cookie: REDACTED },
      body: { password: REDACTED, nested: [{ refreshToken: REDACTED }] },
    });
  });

  it('tags every line of the request with its id, and the actor and command once known', async () => {
    const response = await get({ 'x-request-id': 'trace-abc.1' });
    expect(response.headers.get('x-request-id')).toBe('trace-abc.1');
    const lines = out.lines().filter((line) => line.requestId === 'trace-abc.1');
    expect(lines.map((line) => line.msg)).toEqual([
      'incoming request',
      'handling',
      'request completed',
    ]);
    expect(lines[0]).toMatchObject({
      level: 'info',
      req: { method: 'GET', path: '/projects/p-1' },
    });
    expect(lines[0]).not.toHaveProperty('actorSub');
    expect(lines[2]).toMatchObject({
      actorSub: 'u-approver-1',
      commandId: 'cmd-42',
      res: { statusCode: 200 },
    });
  });

  it('replaces a request id that is not a sane token with a fresh one', async () => {
    const response = await get({ 'x-request-id': 'has spaces and "quotes"' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.lines().filter((line) => line.requestId === id)).toHaveLength(3);
  });
});

describe('the Nest logger adapter', () => {
  it('writes Nest messages as pino lines with their context', () => {
    const out = capture();
    const nest = new PinoLoggerService(out.logger);
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn({ queue: 'reminders' }, 'Scheduler');
    nest.verbose('mapped route');
    expect(out.lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'NestApplication',
        msg: 'Nest application successfully started',
      }),
      expect.objectContaining({
        level: 'warn',
        context: 'Scheduler',
        data: { queue: 'reminders' },
      }),
      expect.objectContaining({ level: 'trace', msg: 'mapped route' }),
    ]);
  });

  it('keeps the stack Nest passes with an error', () => {
    const out = capture();
    const nest = new PinoLoggerService(out.logger);
    const error = new Error('boom');
    nest.error('handler failed', error.stack, 'ExceptionsHandler');
    nest.error(error);
    const [first, second] = out.lines();
    expect(first).toMatchObject({
      level: 'error',
      context: 'ExceptionsHandler',
      msg: 'handler failed',
    });
    expect(first.stack).toContain('boom\n    at ');
    expect(second).toMatchObject({
      level: 'error',
      msg: 'boom',
      err: { type: 'Error', message: 'boom' },
    });
  });
});
