import { useTestServer } from '../support/suite-server';

/**
 * A resubmission carries any registration fields that change, each optional: a field sent as
 * null is not "unchanged" but a value the rules refuse, never a fault of ours.
 */
const { api, people, steps } = useTestServer();

async function awaitingRevision(): Promise<{ id: string; position: string }> {
  const { id } = await steps.register();
  await steps.startAppraisal(id);
  const asked = await api.post(
    `/projects/${id}/appraisal/result`,
    { outcome: 'revision_requested', notes: 'Bổ sung hồ sơ' },
    { token: people.center },
  );
  expect(asked.status).toBe(200);
  return { id, position: asked.body.position };
}

it.each([
  ['beneficiary', '{"beneficiary": null}'],
  ['targets', '{"targets": null}'],
  ['plannedStart', '{"plannedStart": null}'],
])(
  'refuses a resubmission whose %s is null with 422 naming it, and records nothing',
  async (field, rawBody) => {
    const { id, position } = await awaitingRevision();
    const refused = await api.post(`/projects/${id}/resubmit`, undefined, {
      token: people.districtOfficer,
      rawBody,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    const project = await api.get(`/projects/${id}`, { minPosition: position }, { token: people.center });
    expect(project.body).toMatchObject({ status: 'revision_requested', version: 3 });
  },
);
