import { Controller, Get, Global, Module, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { SettingsModule } from '../config/config.module';
import { loadSettings } from '../config/settings';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import type { Actor } from '../shared/actor';
import { CurrentActor, CurrentPrincipal, Public, Roles } from './auth.decorators';
import { AuthModule } from './auth.module';
import { ReferenceDataService } from '../reference-data/reference-data.service';

/** The reference data the guard reads units from; the storage module provides it in the app. */
@Global()
@Module({ providers: [ReferenceDataService], exports: [ReferenceDataService] })
class ReferenceDataForTests {}
import type { Principal } from './principal';

const SECRET = 'guard-test-secret-0123456789abcdefghijklmn';

@Controller()
class ProbeController {
  @Public()
  @Get('health')
  health(@CurrentPrincipal() principal: Principal | undefined): {
    status: string;
    principal: Principal | null;
  } {
    return { status: 'ok', principal: principal ?? null };
  }

  @Roles('approver')
  @Post('projects/p-1/approval')
  approve(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Roles('district_officer', 'center_officer')
  @Post('projects')
  register(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Get('inbox')
  inbox(
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): { actor: Actor; principal: Principal } {
    return { actor, principal };
  }
}

async function token(
  claims: Record<string, unknown>,
  expiresAt: string | number = '10m',
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(SECRET));
}

describe('the authentication guard', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    const settings = loadSettings({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET });
    const moduleRef = await Test.createTestingModule({
      imports: [SettingsModule.forRoot(settings), ReferenceDataForTests, AuthModule],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  async function call(
    method: string,
    path: string,
    bearer?: string,
    scheme = 'Bearer',
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const response = await fetch(base + path, {
      method,
      headers: bearer === undefined ? {} : { authorization: `${scheme} ${bearer}` },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it('lets anyone call a public route', async () => {
    const res = await call('GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', principal: null } });
  });

  describe('without a valid token', () => {
    it('answers 401 with a Bearer challenge when there is none', async () => {
      const res = await call('POST', '/projects/p-1/approval');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.body).toMatchObject({
        type: 'https://khuyencong.example/problems/unauthorized',
        code: 'token_missing',
      });
    });

    it('answers 401 for a token of another scheme', async () => {
      expect((await call('POST', '/projects/p-1/approval', 'dXNlcjpwYXNz', 'Basic')).status).toBe(
        401,
      );
    });

    it('answers 401 for a token that does not verify', async () => {
      const res = await call('POST', '/projects/p-1/approval', 'not.a.token');
      expect(res).toMatchObject({ status: 401, body: { code: 'invalid_token' } });
    });

    it('answers 401 for an expired token', async () => {
      const res = await call(
        'POST',
        '/projects/p-1/approval',
        await token({ roles: ['approver'] }, Math.floor(Date.now() / 1000) - 60),
      );
      expect(res).toMatchObject({ status: 401, body: { code: 'token_expired' } });
    });
  });

  describe('with a valid token', () => {
    it('answers 403 when none of its roles is allowed', async () => {
      const res = await call(
        'POST',
        '/projects/p-1/approval',
        await token({ name: 'Kiểm toán', roles: ['auditor'] }),
      );
      expect(res).toMatchObject({
        status: 403,
        body: { type: 'https://khuyencong.example/problems/forbidden', code: 'role_not_allowed' },
      });
    });

    it('acts in the allowed role when the token holds several', async () => {
      const res = await call(
        'POST',
        '/projects/p-1/approval',
        await token({ name: 'Lê Duyệt', roles: ['auditor', 'approver'] }),
      );
      expect(res).toMatchObject({
        status: 201,
        body: { sub: 'u1', name: 'Lê Duyệt', role: 'approver' },
      });
    });

    it('acts as a district officer of the district in the token', async () => {
      const res = await call(
        'POST',
        '/projects',
        await token({ name: 'Cán bộ', roles: ['district_officer'], district: 'xuan-loc' }),
      );
      expect(res).toMatchObject({
        status: 201,
        body: { role: 'district_officer', district: 'xuan-loc' },
      });
    });

    it("does not let a token naming the Center's own unit act as a unit officer", async () => {
      for (const claims of [
        { roles: ['unit_officer'], unit: '75' },
        { roles: ['district_officer'], district: '75' },
      ])
        expect((await call('POST', '/projects', await token(claims))).status).toBe(403);
      const res = await call(
        'GET',
        '/inbox',
        await token({ roles: ['unit_officer', 'auditor'], unit: '75' }),
      );
      expect(res).toMatchObject({ status: 200, body: { principal: { roles: ['auditor'] } } });
      expect(res.body.principal).not.toHaveProperty('district');
    });

    it('does not let a district officer without a district act as one', async () => {
      expect(
        (await call('POST', '/projects', await token({ roles: ['district_officer'] }))).status,
      ).toBe(403);
    });

    it('gives routes without @Roles the first role and the whole principal', async () => {
      const res = await call(
        'GET',
        '/inbox',
        await token({ name: 'Lan', roles: ['center_officer', 'auditor', 'unknown_role'] }),
      );
      expect(res).toMatchObject({
        status: 200,
        body: {
          actor: { role: 'center_officer' },
          principal: { sub: 'u1', roles: ['center_officer', 'auditor'] },
        },
      });
    });

    it('answers 403 to @CurrentActor when the token grants no role', async () => {
      expect((await call('GET', '/inbox', await token({ roles: [] }))).status).toBe(403);
    });
  });
});
