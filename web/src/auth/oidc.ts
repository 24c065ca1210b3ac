import type { ConsoleConfig } from '../api/types';
import { ROLE_LABELS } from '../lib/labels';
import { claimsOf, signIn } from './session';

/**
 * OpenID Connect, authorization code with PKCE, against the identity provider the server
 * names in GET /console/config: discovery from its issuer, the code exchanged by the browser
 * (a public client), the access token kept like a development one. The server verifies it
 * against the provider's key set on every request; the console reads its claims only to show
 * who is signed in.
 */

const PENDING = 'khuyencong.oidc';
export const CALLBACK_PATH = '/dang-nhap/oidc';
export const DEFAULT_NEXT = '/viec-can-lam';

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly next: string;
  readonly issuer: string;
  readonly clientId: string;
}

/** A failure the user is shown as it is: its message is Vietnamese. */
export class SignInError extends Error {}

const UNREACHABLE = 'Không kết nối được hệ thống định danh. Vui lòng thử lại sau ít phút.';

/** fetch, with a network failure (provider down, CORS refused) said in Vietnamese. */
async function call(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    throw new SignInError(UNREACHABLE);
  }
}

const sameIssuer = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');

async function discover(issuer: string): Promise<Discovery> {
  const response = await call(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok)
    throw new SignInError(
      `Không đọc được cấu hình của hệ thống định danh (mã ${response.status}).`,
    );
  const discovery = (await response.json()) as Partial<Discovery>;
  // OpenID Connect Discovery §4.3: a document naming another issuer is not this provider's.
  if (
    typeof discovery.issuer !== 'string' ||
    !sameIssuer(discovery.issuer, issuer) ||
    typeof discovery.authorization_endpoint !== 'string' ||
    typeof discovery.token_endpoint !== 'string'
  )
    throw new SignInError(
      'Cấu hình của hệ thống định danh không khớp với máy chủ (OIDC_ISSUER). Vui lòng báo quản trị hệ thống.',
    );
  return discovery as Discovery;
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function randomText(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

/**
 * Where to go after signing in: a page of the console only. `//other.site` or
 * `https://other.site` in the address would otherwise send the user (just signed in) away.
 */
export function safeNext(next: string | null | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//'))
    return DEFAULT_NEXT;
  if (next.includes('\\') || next.startsWith(CALLBACK_PATH)) return DEFAULT_NEXT;
  return next;
}

/** Sends the browser to the provider's sign-in; the promise settles only on failure. */
export async function beginOidcSignIn(config: ConsoleConfig, next: string): Promise<void> {
  if (config.oidc === null) throw new SignInError('Máy chủ chưa cấu hình hệ thống định danh.');
  const discovery = await discover(config.oidc.issuer);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = {
    verifier,
    state,
    next: safeNext(next),
    issuer: config.oidc.issuer,
    clientId: config.oidc.clientId,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.oidc.clientId,
    redirect_uri: redirectUri(),
    scope: config.oidc.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

// One exchange per callback address: React's StrictMode runs the page's effect twice in
// development, and the code and the pending sign-in can be used once only.
const completions = new Map<string, Promise<string>>();

/** Finishes the sign-in on the redirect back; answers where to go next. */
export function completeOidcSignIn(search: URLSearchParams): Promise<string> {
  const key = search.toString();
  let completion = completions.get(key);
  if (completion === undefined) {
    completion = exchange(search);
    completions.set(key, completion);
  }
  return completion;
}

function takePending(): Pending | null {
  const text = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  try {
    return JSON.parse(text ?? 'null') as Pending | null;
  } catch {
    return null;
  }
}

const INVALID_SESSION = 'Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại';

async function exchange(search: URLSearchParams): Promise<string> {
  const pending = takePending();
  if (pending === null || search.get('state') !== pending.state)
    throw new SignInError(INVALID_SESSION);
  // RFC 9207: an answer said to come from another issuer is a mix-up, not ours to use.
  const iss = search.get('iss');
  if (iss !== null && !sameIssuer(iss, pending.issuer)) throw new SignInError(INVALID_SESSION);
  const error = search.get('error');
  if (error !== null)
    throw new SignInError(
      error === 'access_denied'
        ? 'Hệ thống định danh không cho phép đăng nhập vào ứng dụng này.'
        : `Hệ thống định danh từ chối đăng nhập (mã lỗi ${error}).`,
    );
  const code = search.get('code');
  if (code === null) throw new SignInError(INVALID_SESSION);
  const discovery = await discover(pending.issuer);
  const response = await call(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok)
    throw new SignInError(
      `Hệ thống định danh không cấp mã truy cập (mã ${response.status}). Vui lòng đăng nhập lại.`,
    );
  const tokens = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof tokens.access_token !== 'string')
    throw new SignInError('Hệ thống định danh không cấp mã truy cập. Vui lòng đăng nhập lại.');
  let claims: Record<string, unknown>;
  try {
    claims = claimsOf(tokens.access_token);
  } catch {
    // An opaque access token: the provider must issue JWTs for the API (docs/identity-provider.md).
    throw new SignInError(
      'Mã truy cập của hệ thống định danh không phải JWT. Vui lòng báo quản trị hệ thống.',
    );
  }
  // Only the programme's roles: a provider's mapper may add its own (Keycloak's default roles).
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter(
        (role): role is string => typeof role === 'string' && Object.hasOwn(ROLE_LABELS, role),
      )
    : [];
  if (roles.length === 0)
    throw new SignInError(
      'Tài khoản chưa được giao vai trò nào trong hệ thống khuyến công (thuộc tính roles). Vui lòng báo quản trị hệ thống.',
    );
  const unit = typeof claims.unit === 'string' ? claims.unit : claims.district;
  const expiresIn = typeof tokens.expires_in === 'number' ? tokens.expires_in : 3600;
  signIn({
    token: tokens.access_token,
    actor: {
      sub: String(claims.sub ?? ''),
      name: String(claims.name ?? claims.preferred_username ?? claims.sub ?? ''),
      role: roles[0],
      ...(typeof unit === 'string' && { unit }),
    },
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + expiresIn * 1000,
  });
  return pending.next;
}
