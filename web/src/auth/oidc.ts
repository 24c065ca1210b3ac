import type { ConsoleConfig } from '../api/types';
import { claimsOf, signIn } from './session';

/**
 * OpenID Connect, authorization code with PKCE, against the identity provider the server
 * names in GET /console/config: discovery from its issuer, the code exchanged by the browser
 * (a public client), the token kept like a development one. The server verifies it against
 * the provider's key set on every request.
 */

const PENDING = 'khuyencong.oidc';

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok)
    throw new Error(`Không đọc được cấu hình của hệ thống định danh (${response.status})`);
  return (await response.json()) as Discovery;
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

const redirectUri = () => `${location.origin}/dang-nhap/oidc`;

export async function beginOidcSignIn(config: ConsoleConfig, next: string): Promise<void> {
  if (config.oidc === null) throw new Error('Máy chủ chưa cấu hình hệ thống định danh');
  const discovery = await discover(config.oidc.issuer);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(
    PENDING,
    JSON.stringify({
      verifier,
      state,
      next,
      issuer: config.oidc.issuer,
      clientId: config.oidc.clientId,
    }),
  );
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

/** Finishes the sign-in on the redirect back; answers where to go next. */
export async function completeOidcSignIn(search: URLSearchParams): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    next: string;
    issuer: string;
    clientId: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  if (pending === null || search.get('state') !== pending.state)
    throw new Error('Phiên đăng nhập không hợp lệ, vui lòng đăng nhập lại');
  const error = search.get('error');
  if (error !== null)
    throw new Error(`Hệ thống định danh từ chối: ${search.get('error_description') ?? error}`);
  const discovery = await discover(pending.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: search.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`Không lấy được mã truy cập (${response.status})`);
  const tokens = (await response.json()) as { access_token: string; expires_in?: number };
  const claims = claimsOf(tokens.access_token);
  const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  signIn({
    token: tokens.access_token,
    actor: {
      sub: String(claims.sub ?? ''),
      name: String(claims.name ?? claims.preferred_username ?? claims.sub ?? ''),
      role: roles[0] ?? '',
      ...(typeof claims.unit === 'string' && { unit: claims.unit }),
      ...(typeof claims.district === 'string' && { unit: claims.district }),
    },
    expiresAt:
      typeof claims.exp === 'number'
        ? claims.exp * 1000
        : Date.now() + (tokens.expires_in ?? 3600) * 1000,
  });
  return pending.next;
}
