import { useTestServer } from '../support/suite-server';

/** The console's sign-in over HTTP (issue 12): its configuration, and development tokens. */

const { api } = useTestServer({ planYears: [] });

it('tells the console to sign in by the development page, with the units in force today', async () => {
  const response = await api.get('/console/config');
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({
    signIn: 'development',
    oidc: null,
    roles: ['unit_officer', 'center_officer', 'approver', 'finance_officer', 'auditor', 'admin'],
  });
  expect(response.body.units.length).toBeGreaterThan(0);
  for (const unit of response.body.units)
    expect(unit).toEqual({ code: expect.any(String), name: expect.any(String) });
});

it('signs a unit officer in for its unit, and the token works for its projects', async () => {
  const { body: config } = await api.get('/console/config');
  const unit = config.units[0];
  const response = await api.post('/dev/token', {
    role: 'unit_officer',
    unit: unit.code,
    name: 'Nguyễn Văn A',
  });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    expiresIn: 28800,
    actor: {
      sub: expect.stringMatching(/^dev-unit_officer-/),
      name: 'Nguyễn Văn A',
      role: 'unit_officer',
      unit: unit.code,
    },
  });
  const projects = await api.get('/projects', {}, { token: response.body.token });
  expect(projects.status).toBe(200);
  // The same person signs in as the same subject again.
  const again = await api.post('/dev/token', {
    role: 'unit_officer',
    unit: unit.code,
    name: 'Nguyễn Văn A',
  });
  expect(again.body.actor.sub).toBe(response.body.actor.sub);
});

it('signs a Center officer in without a unit', async () => {
  const response = await api.post('/dev/token', { role: 'center_officer' });
  expect(response.status).toBe(200);
  expect(response.body.actor).toEqual({
    sub: expect.any(String),
    name: expect.any(String),
    role: 'center_officer',
  });
  expect((await api.get('/inbox', {}, { token: response.body.token })).status).toBe(200);
});

it('refuses a unit officer without a unit or with an unknown one, naming unit', async () => {
  for (const body of [{ role: 'unit_officer' }, { role: 'unit_officer', unit: 'atlantis' }]) {
    const response = await api.post('/dev/token', body, { headers: { 'accept-language': 'vi' } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'unit', message: expect.stringMatching(/^unit/) },
    ]);
  }
  const badRole = await api.post('/dev/token', { role: 'district_boss' });
  expect(badRole.status).toBe(400);
});

it("offers no unit officer of the Center's own unit, and signs none in", async () => {
  const { body: config } = await api.get('/console/config');
  expect(config.units.map((unit: { code: string }) => unit.code)).not.toContain('75');
  const response = await api.post('/dev/token', { role: 'unit_officer', unit: '75' });
  expect(response.status).toBe(422);
  expect(response.body.code).toBe('center_unit_reserved');
  expect(response.body.errors).toEqual([expect.objectContaining({ field: 'unit' })]);
});
