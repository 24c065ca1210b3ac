import type { EventMetadata } from '../event-store/event-store.port';
import { replay } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { projectDecider } from './domain/project.decider';
import { cmd, contextFor, ev, financeOfficer } from '../../test/support/projects/project-fixtures';
import { projectSerde } from './project.serde';

/**
 * Events written before schema version 2 have no author in `data`: the serde lifts it from
 * the metadata's actor, so segregation of duties holds on projects approved before the change.
 */

const metadata = (schemaVersion: number, sub: string) =>
  ({ schemaVersion, actor: { sub, name: 'Người cũ', role: 'approver' } }) as EventMetadata;

/** A current event as version 1 stored it: without the author field. */
function storedAsVersion1(event: ReturnType<typeof ev.approved>, authorField: string, sub: string) {
  const { [authorField]: _author, ...data } = event.data as Record<string, unknown>;
  return { type: event.type, data, metadata: metadata(1, sub) };
}

describe('project serde, version 1 events', () => {
  it.each([
    ['ProjectApproved', ev.approved(), 'approvedBy'],
    ['ProjectAdjusted', ev.adjusted({ plannedEnd: '2024-12-31' }), 'adjustedBy'],
    ['ProjectAccepted', ev.accepted(), 'acceptedBy'],
    ['AdvanceDisbursed', ev.advance(10_000_000), 'recordedBy'],
    ['PaymentDisbursed', ev.payment(10_000_000), 'recordedBy'],
    ['FundsRecovered', ev.recovered(10_000_000), 'recordedBy'],
  ])('%s takes its author from the metadata actor', (type, event, field) => {
    const stored = storedAsVersion1(event, field, 'u-old-author');
    expect(stored.data).not.toHaveProperty(field);
    expect(projectSerde.schemaVersionOf(event.type)).toBe(2);
    expect(projectSerde.deserialize(stored)).toEqual({
      type,
      data: { ...event.data, [field]: 'u-old-author' },
    });
  });

  it('keeps a version 2 author as written, whatever the metadata says', () => {
    const event = ev.approved();
    const read = projectSerde.deserialize({
      type: event.type,
      data: event.data,
      metadata: metadata(2, 'u-someone-else'),
    });
    expect(read).toEqual(event);
  });

  it('lets segregation of duties see who approved a project before the change', () => {
    const history = [ev.registered(), ev.appraisalStarted(), ev.passed()].map((e) =>
      projectSerde.deserialize({ type: e.type, data: e.data, metadata: metadata(1, 'x') }),
    );
    history.push(
      projectSerde.deserialize(storedAsVersion1(ev.approved(), 'approvedBy', 'u-dual')),
      projectSerde.deserialize({
        type: 'ExecutionStarted',
        data: ev.executionStarted().data,
        metadata: metadata(1, 'u-center'),
      }),
    );
    const state = replay(projectDecider, history);
    const dual = contextFor({ ...financeOfficer, sub: 'u-dual' });
    expect(() => projectDecider.decide(cmd.disburse('advance', 10_000_000), state, dual)).toThrow(
      expect.objectContaining({ code: 'segregation_of_duties' }) as DomainError,
    );
  });
});
