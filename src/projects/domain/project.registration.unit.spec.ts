import {
  centerOfficer,
  cmd,
  contextFor,
  ev,
  historyOf,
  registration,
} from '../../../test/support/projects/project-fixtures';
import { asDistrict, spec } from '../../../test/support/projects/project-specification';

describe('registering a project', () => {
  describe('on a new stream', () => {
    it('registers it, recording who registered', () => {
      spec.given([]).when(cmd.register(), asDistrict).then([ev.registered()]);
    });

    it('records the Center officer when the Center registers (a nhiệm vụ of its own)', () => {
      spec
        .given([])
        .when(
          cmd.register({
            activityType: 'trade_fair',
            targets: [{ indicator: 'trade_fairs', target: 2 }],
          }),
          contextFor(centerOfficer),
        )
        .then([
          ev.registered(
            { activityType: 'trade_fair', targets: [{ indicator: 'trade_fairs', target: 2 }] },
            centerOfficer.sub,
          ),
        ]);
    });

    it('accepts plannedEnd on the same day as plannedStart', () => {
      spec
        .given([])
        .when(cmd.register({ plannedEnd: registration.plannedStart }), asDistrict)
        .then([ev.registered({ plannedEnd: registration.plannedStart })]);
    });

    it('accepts no counterpart funding', () => {
      spec
        .given([])
        .when(cmd.register({ counterpartFundingVnd: 0 }), asDistrict)
        .then([ev.registered({ counterpartFundingVnd: 0 })]);
    });

    it('accepts a requested amount of 1 đồng', () => {
      spec
        .given([])
        .when(cmd.register({ requestedFundingVnd: 1 }), asDistrict)
        .then([ev.registered({ requestedFundingVnd: 1 })]);
    });

    it('keeps only registration fields, dropping anything else the caller sent', () => {
      const sloppy = { ...registration, status: 'approved' } as typeof registration;
      spec
        .given([])
        .when({ type: 'RegisterProject', data: sloppy }, asDistrict)
        .then([ev.registered()]);
    });
  });

  describe('on a stream already registered', () => {
    it('refuses a second registration', () => {
      spec
        .given(historyOf.registered)
        .when(cmd.register(), asDistrict)
        .thenThrows('already_registered', { kind: 'invalid_state' });
    });

    it('refuses it in any later status too', () => {
      spec
        .given(historyOf.settled)
        .when(cmd.register(), asDistrict)
        .thenThrows('already_registered', { kind: 'invalid_state' });
    });
  });

  describe('refuses', () => {
    const refused = (data: Partial<typeof registration>, code: string, field: string): void => {
      spec.given([]).when(cmd.register(data), asDistrict).thenThrows(code, { kind: 'rule', field });
    };

    it('a district that is not in the reference data', () =>
      refused({ district: 'phu-quoc' }, 'unknown_district', 'district'));
    it('an activity type that is not in the reference data', () =>
      refused({ activityType: 'space_program' }, 'unknown_activity_type', 'activityType'));
    it('an indicator that is not in the reference data, naming the target', () =>
      refused(
        {
          targets: [
            { indicator: 'trainees', target: 30 },
            { indicator: 'rockets', target: 1 },
          ],
        },
        'unknown_indicator',
        'targets[1].indicator',
      ));
    it('the same indicator twice', () =>
      refused(
        {
          targets: [
            { indicator: 'trainees', target: 30 },
            { indicator: 'trainees', target: 5 },
          ],
        },
        'duplicate_indicator',
        'targets[1].indicator',
      ));
    it('a target of 0', () =>
      refused(
        { targets: [{ indicator: 'trainees', target: 0 }] },
        'invalid_target',
        'targets[0].target',
      ));
    it('a fractional target', () =>
      refused(
        { targets: [{ indicator: 'trainees', target: 1.5 }] },
        'invalid_target',
        'targets[0].target',
      ));
    it('plannedEnd one day before plannedStart', () =>
      refused(
        { plannedStart: '2024-03-01', plannedEnd: '2024-02-29' },
        'planned_end_before_start',
        'plannedEnd',
      ));
    it('a plannedStart that is not a calendar date', () =>
      refused({ plannedStart: '2023-02-29' }, 'invalid_date', 'plannedStart'));
    it('a requested amount of 0', () =>
      refused({ requestedFundingVnd: 0 }, 'amount_not_positive', 'requestedFundingVnd'));
    it('a requested amount in fractions of a đồng', () =>
      refused({ requestedFundingVnd: 100_000_000.5 }, 'invalid_amount', 'requestedFundingVnd'));
    it('a requested amount beyond the safe integers', () =>
      refused(
        { requestedFundingVnd: Number.MAX_SAFE_INTEGER + 1 },
        'invalid_amount',
        'requestedFundingVnd',
      ));
    it('a negative counterpart', () =>
      refused({ counterpartFundingVnd: -1 }, 'invalid_amount', 'counterpartFundingVnd'));
    it('a total cost that would leave the safe integers', () =>
      refused(
        { requestedFundingVnd: Number.MAX_SAFE_INTEGER, counterpartFundingVnd: 1 },
        'invalid_amount',
        'counterpartFundingVnd',
      ));
    it('an empty title', () => refused({ title: '  ' }, 'required', 'title'));
    it('a beneficiary without a name', () =>
      refused({ beneficiary: { name: '' } }, 'required', 'beneficiary.name'));
    it('an unknown funding source', () =>
      refused({ fundingSource: 'foreign' as 'local' }, 'invalid_funding_source', 'fundingSource'));
    it('a plan year that is not a year', () =>
      refused({ planYear: 24.5 }, 'invalid_plan_year', 'planYear'));
  });
});

describe('any step before registration', () => {
  it('is refused as not found: there is no project to act on', () => {
    spec
      .given([])
      .when(cmd.startAppraisal(), contextFor(centerOfficer))
      .thenThrows('project_not_found', { kind: 'not_found' });
  });
});
