import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { DevTokenRequest } from '../../src/auth/dev-token';

/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1, as a province's identity
 * provider would stand beside the server: the console's public client (authorization code,
 * PKCE required), a few accounts with the claims the server reads (`roles`, `unit`, `name`),
 * and access tokens for the API as a resource server: JWTs signed with the provider's key,
 * `aud` what the server expects (AUTH_AUDIENCE). Its login page is a form a browser fills in
 * (a user name and a password, checked); consent is not asked, as for a province's own
 * application.
 *
 * It starts in two steps because each side needs the other's address: `startOidcTestProvider`
 * listens (its issuer and JWKS URL go into the server's settings), `allowConsoleAt` then
 * registers the console's callback on the server that has started since.
 */

export interface TestAccount {
  readonly login: string;
  readonly password: string;
  readonly name: string;
  /** As a province's mapper writes them: `unit_officer` with `unit`, or a Center role. */
  readonly roles: readonly string[];
  readonly unit?: string;
}

export interface OidcTestProvider {
  /** `http://127.0.0.1:<port>`: OIDC_ISSUER and AUTH_ISSUER. */
  readonly issuer: string;
  /** AUTH_JWKS_URL. */
  readonly jwksUrl: string;
  /** The `aud` of the API's access tokens: AUTH_AUDIENCE. */
  readonly audience: string;
  /** OIDC_CLIENT_ID. */
  readonly clientId: string;
  readonly accounts: readonly TestAccount[];
  /** The server's settings for this provider (OIDC_ISSUER, OIDC_CLIENT_ID, AUTH_JWKS_URL, ...). */
  serverEnv(): Record<string, string | undefined>;
  /** Registers the console served at `origin`: its callback, the only redirect URI allowed. */
  allowConsoleAt(origin: string): Promise<void>;
  /**
   * A token as this provider issues them for the API (its key, issuer and audience), for a
   * test's setup through the API; the browser signs in through the provider itself.
   */
  signToken(request: DevTokenRequest, now: number): Promise<string>;
  close(): Promise<void>;
}

/** The resource indicator of the API; a request without `resource` gets it by default. */
export const API_RESOURCE = 'urn:khuyen-cong:api';
export const CONSOLE_CLIENT_ID = 'khuyen-cong-console';
export const API_AUDIENCE = 'khuyen-cong-api';
/** The console's callback route (web/src/routes.tsx). */
export const CONSOLE_CALLBACK_PATH = '/dang-nhap/oidc';

export const TEST_ACCOUNTS: readonly TestAccount[] = [
  {
    login: 'an.nguyen',
    password: 'mat-khau-an',
    name: 'Nguyễn Văn An',
    roles: ['unit_officer'],
    unit: '26116',
  },
  {
    login: 'thu.tran',
    password: 'mat-khau-thu',
    name: 'Trần Thị Thu',
    // Keycloak's realm-role mapper writes the realm's default roles too, first.
    roles: ['default-roles-khuyen-cong', 'offline_access', 'center_officer'],
  },
];

const ACCESS_TOKEN_SECONDS = 3600;
const SIGNING_ALG = 'RS256';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

// oidc-provider is an ES module: Jest's CommonJS runtime loads it (transformed) through import().
const loadProvider = async (): Promise<typeof Provider> =>
  (await quietly(() => import('oidc-provider'))).default;

/**
 * What oidc-provider warns of that this test provider means: Node 20 (it works; the Docker
 * image runs Node 24) and its in-memory store (nothing here outlives the test).
 */
const EXPECTED_WARNINGS =
  /^oidc-provider WARNING: (Unsupported runtime|a quick start development-only in-memory adapter)/;

async function quietly<T>(make: () => T | Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!EXPECTED_WARNINGS.test(String(args[0]))) warn(...args);
  };
  try {
    return await make();
  } finally {
    console.warn = warn;
  }
}

export async function startOidcTestProvider(
  accounts: readonly TestAccount[] = TEST_ACCOUNTS,
): Promise<OidcTestProvider> {
  const OidcProvider = await loadProvider();
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const signingJwk: JWK = {
    ...(await exportJWK(privateKey)),
    kid: `test-${randomBytes(4).toString('hex')}`,
    alg: SIGNING_ALG,
    use: 'sig',
  };

  let handler: Handler | undefined;
  const http: Server = createServer((request, response) => handler?.(request, response));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const byLogin = new Map(accounts.map((account) => [account.login, account]));

  // Same issuer and keys each time: only the clients it knows change.
  async function open(consoleOrigin: string | undefined): Promise<void> {
    const provider = await quietly(
      () => new OidcProvider(issuer, configuration(consoleOrigin, signingJwk, byLogin)),
    );
    provider.use(loginPage(provider, byLogin));
    handler = provider.callback();
  }
  // Before the server starts it knows no console yet, but serves its keys (the seeding's tokens).
  await open(undefined);

  async function signToken(request: DevTokenRequest, now: number): Promise<string> {
    const key = await importJWK(signingJwk, SIGNING_ALG);
    // The names a province's mapper writes: unit_officer with unit (principal.ts reads both).
    const roles = request.roles.map((role) =>
      role === 'district_officer' ? 'unit_officer' : role,
    );
    return new SignJWT({
      roles,
      name: request.name,
      ...(request.district !== undefined && { unit: request.district }),
      client_id: CONSOLE_CLIENT_ID,
      scope: 'openid profile',
    })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: signingJwk.kid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(API_AUDIENCE)
      .setSubject(request.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + request.ttlSeconds)
      .setJti(randomBytes(12).toString('base64url'))
      .sign(key);
  }

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience: API_AUDIENCE,
    clientId: CONSOLE_CLIENT_ID,
    accounts,
    serverEnv: () => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CONSOLE_CLIENT_ID,
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: API_AUDIENCE,
      // The test server's own HS256 secret would be a second source of trust.
      AUTH_JWT_SECRET: undefined,
    }),
    allowConsoleAt: open,
    signToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function claimsOf(account: TestAccount): Record<string, unknown> {
  return {
    name: account.name,
    roles: [...account.roles],
    ...(account.unit !== undefined && { unit: account.unit }),
  };
}

function configuration(
  consoleOrigin: string | undefined,
  signingJwk: JWK,
  byLogin: ReadonlyMap<string, TestAccount>,
): Configuration {
  return {
    clients: (consoleOrigin === undefined ? [] : [consoleOrigin]).map((origin) => ({
      client_id: CONSOLE_CLIENT_ID,
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [`${origin}${CONSOLE_CALLBACK_PATH}`],
      post_logout_redirect_uris: [`${origin}/dang-nhap`],
    })),
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'roles', 'unit'] },
    async findAccount(_ctx, sub) {
      const account = byLogin.get(sub);
      if (account === undefined) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claimsOf(account) }) };
    },
    // The token endpoint answers the console's origin only (a public client in the browser).
    clientBasedCORS: (_ctx, origin) => origin === consoleOrigin,
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // The console asks for no resource: its tokens are for the API all the same.
        defaultResource: async () => API_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new Error(`Unknown resource ${resource}`);
          return {
            scope: 'api',
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_SECONDS,
            jwt: { sign: { alg: SIGNING_ALG } },
          };
        },
      },
    },
    // What a province's mapper puts into the access token: who, in which roles, of which unit.
    async extraTokenClaims(_ctx, token) {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const account = accountId === undefined ? undefined : byLogin.get(accountId);
      return account === undefined ? undefined : claimsOf(account);
    },
    // A province's own application: the user is not asked to consent to it.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (clientId === undefined || accountId === undefined) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (grantId !== undefined) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_SECONDS,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Lỗi đăng nhập',
        `<p>${escapeHtml(String(out.error_description ?? out.error))}</p>`,
      );
    },
  };
}

const INTERACTION = /^\/interaction\/([\w-]+)$/;

/** The login form: a user name and password checked against the accounts. */
function loginPage(provider: Provider, byLogin: ReadonlyMap<string, TestAccount>) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<unknown> => {
    const match = INTERACTION.exec(ctx.path);
    if (match === null) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant; any other prompt has nothing to ask.
      await provider.interactionFinished(ctx.req, ctx.res, {}, { mergeWithLastSubmission: true });
      return;
    }
    if (ctx.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(ctx.req));
      const account = byLogin.get(form.get('login') ?? '');
      if (account !== undefined && form.get('password') === account.password) {
        await provider.interactionFinished(
          ctx.req,
          ctx.res,
          { login: { accountId: account.login } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginForm(ctx.path, 'Tên đăng nhập hoặc mật khẩu không đúng.');
      return;
    }
    ctx.type = 'html';
    ctx.body = loginForm(ctx.path);
  };
}

function loginForm(action: string, error?: string): string {
  return page(
    'Đăng nhập',
    `${error === undefined ? '' : `<p role="alert">${escapeHtml(error)}</p>`}
<form method="post" action="${escapeHtml(action)}">
  <label>Tên đăng nhập <input name="login" autocomplete="username" required></label>
  <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Đăng nhập</button>
</form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>Hệ thống định danh thử</h1><h2>${title}</h2>${body}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
