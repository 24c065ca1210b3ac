import { Writable } from 'node:stream';
import { Body, Controller, ForbiddenException, Get, HttpException, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { IsInt, IsString } from 'class-validator';
import { EventStoreUnavailableError } from '../event-store/event-store.port';
import { createLogger, fastifyLoggingOptions } from '../logging/logger';
import { DomainError, invalidState, ruleBroken } from '../shared/domain-error';
import {
  CommandIdReusedError,
  ConcurrentChangeError,
  NotFoundError,
  StaleVersionError,
} from '../kernel/application-errors';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';
import { IsVnd } from './validators';

class DisbursementDto {
  @IsVnd() amountVnd!: number;
  @IsString() voucherNo!: string;
  @IsInt() instalment!: number;
}

@Controller('probe')
class ProbeController {
  @Get('invalid-state') invalidState(): never {
    throw invalidState('already_approved', 'The project is already approved');
  }
  @Get('rule') rule(): never {
    throw ruleBroken(
      'advance_above_cap',
      'Advances may reach 70% of the approved funding',
      'amountVnd',
    );
  }
  @Get('missing') missing(): never {
    throw new DomainError('project_not_found', 'No such project', 'not_found');
  }
  @Get('store-down') storeDown(): never {
    throw new EventStoreUnavailableError(
      'SQLITE_FULL at /srv/kc/data/events.db',
      new Error('disk full'),
    );
  }
  @Get('if-match') ifMatch(): never {
    throw new StaleVersionError(3, 4);
  }
  @Get('concurrent') concurrent(): never {
    throw new ConcurrentChangeError();
  }
  @Get('key-reused') keyReused(): never {
    throw new CommandIdReusedError();
  }
  @Get('no-such-project') noSuchProject(): never {
    throw new NotFoundError('project_not_found', 'No such project');
  }
  @Get('forbidden') forbidden(): never {
    throw new ForbiddenException('Approvers only');
  }
  @Get('bug') bug(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'internalSecretField')");
  }
  @Post('disbursements') disburse(@Body() dto: DisbursementDto): DisbursementDto {
    return dto;
  }
  @Get('limited') limited(): never {
    throw new HttpException('Too many requests', 429);
  }
}

/** Where every problem type of the API lives. */
const PROBLEM_TYPES = 'https://khuyencong.example/problems/';

describe('problem details over HTTP', () => {
  let app: NestFastifyApplication;
  let base: string;
  let logged = '';

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logged += chunk.toString();
        callback();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(
      new FastifyAdapter({ ...fastifyLoggingOptions(logger), bodyLimit: 256 }),
      {
        logger: false,
      },
    );
    app.useGlobalFilters(new ProblemDetailsFilter());
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  async function call(
    path: string,
    init?: RequestInit,
  ): Promise<{
    status: number;
    type: string | null;
    headers: Headers;
    body: Record<string, unknown>;
  }> {
    const response = await fetch(base + path, init);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  const post = (path: string, contentType: string, body: string) =>
    call(path, { method: 'POST', headers: { 'content-type': contentType }, body });

  /** A row of a table of answers: the test, the status, and what the problem must say. */
  interface Answer {
    test: string;
    status: number;
    /** `type` is the last part of the problem type's URI. */
    problem: { type: string } & Record<string, unknown>;
  }

  function expectProblem(
    res: Awaited<ReturnType<typeof call>>,
    { status, problem }: Pick<Answer, 'status' | 'problem'>,
  ): void {
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ ...problem, type: PROBLEM_TYPES + problem.type });
  }

  const expectAnswerTo = async ({ path, ...answer }: Answer & { path: string }) =>
    expectProblem(await call(path), answer);

  describe('domain errors', () => {
    it('answers 409 when the step is not allowed in the current state', async () => {
      const res = await call('/probe/invalid-state');
      expect(res.status).toBe(409);
      expect(res.type).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toEqual({
        type: 'https://khuyencong.example/problems/invalid-state',
        title: 'Step not allowed in the current state',
        status: 409,
        detail: 'The project is already approved',
        instance: '/probe/invalid-state',
        code: 'already_approved',
      });
    });

    it.each`
      test                                                    | path                | status | problem
      ${'answers 422 naming the field when a rule is broken'} | ${'/probe/rule'}    | ${422} | ${{ type: 'rule-broken', code: 'advance_above_cap', errors: [{ field: 'amountVnd', message: 'Advances may reach 70% of the approved funding' }] }}
      ${'answers 404 for a subject that does not exist'}      | ${'/probe/missing'} | ${404} | ${{ type: 'not-found', code: 'project_not_found' }}
    `('$test', expectAnswerTo);
  });

  it.each`
    test                                                               | path                   | status | problem
    ${'answers 409 when another request changed the stream meanwhile'} | ${'/probe/concurrent'} | ${409} | ${{ type: 'version-conflict', code: 'concurrent_change' }}
    ${'answers 412 when If-Match names another version'}               | ${'/probe/if-match'}   | ${412} | ${{ type: 'precondition-failed', detail: 'If-Match names version 3, but the current version is 4' }}
    ${'keeps the status of Nest HTTP exceptions'}                      | ${'/probe/forbidden'}  | ${403} | ${{ type: 'forbidden', detail: 'Approvers only' }}
  `('$test', expectAnswerTo);

  it('maps the application’s refusals: a reused key 422 naming the header, no such subject 404', async () => {
    const reused = await call('/probe/key-reused');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({
      type: 'https://khuyencong.example/problems/rule-broken',
      code: 'idempotency_key_reused',
      errors: [{ field: 'Idempotency-Key' }],
    });
    const missing = await call('/probe/no-such-project');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'project_not_found', title: 'Not found' });
  });

  it('answers 503 with Retry-After when the event store is down, without its internals', async () => {
    const res = await call('/probe/store-down');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(res.body)).not.toContain('/srv/kc');
  });

  it('answers an unexpected error with a bare 500 and logs it for us', async () => {
    const res = await call('/probe/bug', { headers: { 'x-request-id': 'bug-report-1' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      type: 'https://khuyencong.example/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side',
      instance: '/probe/bug',
    });
    const line = logged
      .split('\n')
      .find((l) => l.includes('"requestId":"bug-report-1"') && l.includes('request failed'));
    expect(line).toContain('internalSecretField');
    expect(line).toContain('"stack"');
  });

  describe('malformed requests, never a 500', () => {
    it.each`
      test                                              | contentType           | body                                              | status | problem
      ${'answers 400 for a body that is not JSON'}      | ${'application/json'} | ${'{"amountVnd": 1'}                              | ${400} | ${{ type: 'malformed-request', code: 'malformed_body' }}
      ${'answers 415 for a body in another media type'} | ${'application/xml'}  | ${'<amountVnd>1</amountVnd>'}                     | ${415} | ${{ type: 'unsupported-media-type' }}
      ${'answers 413 for a body above the limit'}       | ${'application/json'} | ${JSON.stringify({ voucherNo: 'x'.repeat(300) })} | ${413} | ${{ type: 'payload-too-large' }}
    `(
      '$test',
      async ({ contentType, body, ...answer }: Answer & { contentType: string; body: string }) =>
        expectProblem(await post('/probe/disbursements', contentType, body), answer),
    );

    it('answers 400 listing the invalid fields', async () => {
      const res = await post(
        '/probe/disbursements',
        'application/json',
        JSON.stringify({ amountVnd: '100', voucherNo: 'PC-1', instalment: 1.5, note: 'x' }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        type: 'https://khuyencong.example/problems/validation',
        code: 'validation_failed',
      });
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'amountVnd',
        'instalment',
        'note',
      ]);
    });

    it('answers 404 for an unknown route', async () => {
      const res = await call('/nowhere?secret=1');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        type: 'https://khuyencong.example/problems/not-found',
        status: 404,
        instance: '/nowhere',
      });
    });
  });

  it('answers a 429 with a Retry-After of the rate window when none was given', async () => {
    const res = await call('/probe/limited');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.body).toMatchObject({
      type: 'https://khuyencong.example/problems/too-many-requests',
      status: 429,
    });
  });
});
