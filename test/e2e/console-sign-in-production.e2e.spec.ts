import { apiClient } from '../support/http';
import { createTestServer } from '../support/test-server';

/** With an identity provider configured there is no development sign-in: 404, and the console is told to use the provider. */

// No people are signed for this server: its tokens would come from the (absent) provider.
const server = createTestServer({
  planYears: [],
  env: {
    AUTH_JWT_SECRET: undefined,
    AUTH_JWKS_URL: 'http://127.0.0.1:9/realms/khuyen-cong/protocol/openid-connect/certs',
    OIDC_ISSUER: 'http://127.0.0.1:9/realms/khuyen-cong',
    OIDC_CLIENT_ID: 'khuyen-cong-console',
  },
});
const api = apiClient(() => server.apiUrl);
beforeAll(() => server.start());
afterAll(() => server.close());

it('answers the console configuration with the provider, and no units', async () => {
  const response = await api.get('/console/config');
  expect(response.body).toEqual({
    signIn: 'oidc',
    oidc: {
      issuer: 'http://127.0.0.1:9/realms/khuyen-cong',
      clientId: 'khuyen-cong-console',
      scopes: ['openid', 'profile'],
    },
    roles: ['unit_officer', 'center_officer', 'approver', 'finance_officer', 'auditor', 'admin'],
  });
});

it('has no development sign-in (404)', async () => {
  const response = await api.post('/dev/token', { role: 'admin' });
  expect(response.status).toBe(404);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
});
