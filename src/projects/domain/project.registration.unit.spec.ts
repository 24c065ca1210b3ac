import type { RegisterProject } from './project.commands';
import {
  centerOfficer,
  cmd,
  contextFor,
  districtOfficer,
  ev,
  givenProject,
  historyOf,
  registration,
} from '../../../test/support/projects/project-specification';

describe('registering a project', () => {
  const newStream = givenProject([], 'district');

  describe('on a new stream', () => {
    it('registers it, recording who registered', () =>
      newStream.decides(cmd.register(), [ev.registered()]));

    it('records the Center officer when the Center registers (a nhiệm vụ of its own)', () => {
      const tradeFair = {
        activityType: 'trade_fair',
        targets: [{ indicator: 'trade_fairs', target: 2 }],
      };
      givenProject([], 'center').decides(cmd.register(tradeFair), [
        ev.registered(tradeFair, centerOfficer.sub),
      ]);
    });

    it("registers the Center's own task under the Center's unit, the province's code", () =>
      givenProject([], 'center').decides(
        cmd.register({ district: '75' }),
        [ev.registered({ district: '75' }, centerOfficer.sub)],
        { district: '75' },
      ));

    it("refuses a unit officer's registration under the Center's unit, naming the field", () => {
      const officerOfCenter = contextFor({ ...districtOfficer, district: '75' });
      givenProject([], officerOfCenter).breaks(
        cmd.register({ district: '75' }),
        'center_unit_reserved',
        'district',
      );
    });

    it('records where the establishment is, a commune of the registering district', () =>
      newStream.decides(
        cmd.register({ beneficiaryUnit: '26053' }),
        [ev.registered({ beneficiaryUnit: '26053' })],
        { beneficiaryUnit: '26053' },
      ));

    it("takes any commune of the province for one of the Center's own tasks", () =>
      givenProject([], 'center').decides(
        cmd.register({ district: '75', beneficiaryUnit: '26119' }),
        [ev.registered({ district: '75', beneficiaryUnit: '26119' }, centerOfficer.sub)],
      ));

    it('shows no unit for a registration recorded without one', () =>
      newStream.decides(cmd.register(), [ev.registered()], { beneficiaryUnit: null }));

    it.each([
      ['plannedEnd on the same day as plannedStart', { plannedEnd: registration.plannedStart }],
      ['no counterpart funding', { counterpartFundingVnd: 0 }],
      ['a requested amount of 1 đồng', { requestedFundingVnd: 1 }],
    ])('accepts %s', (_, data) => newStream.decides(cmd.register(data), [ev.registered(data)]));

    it('keeps only registration fields, dropping anything else the caller sent', () => {
      const sloppy = { ...registration, status: 'approved' } as typeof registration;
      newStream.decides({ type: 'RegisterProject', data: sloppy }, [ev.registered()]);
    });
  });

  describe('on a stream already registered', () => {
    it.each([
      ['a second registration', historyOf.registered],
      ['it in any later status too', historyOf.settled],
    ])('refuses %s', (_, history) =>
      givenProject(history, 'district').refuses(cmd.register(), 'already_registered', {
        kind: 'invalid_state',
      }),
    );
  });

  const trainees = (...targets: number[]) =>
    targets.map((target) => ({ indicator: 'trainees', target }));
  const unsafe = Number.MAX_SAFE_INTEGER;
  const refusals: [string, Partial<RegisterProject['data']>, string, string][] = [
    [
      'a district that is not in the reference data',
      { district: 'phu-quoc' },
      'unknown_district',
      'district',
    ],
    [
      'an activity type that is not in the reference data',
      { activityType: 'space_program' },
      'unknown_activity_type',
      'activityType',
    ],
    [
      'an indicator that is not in the reference data, naming the target',
      { targets: [...trainees(30), { indicator: 'rockets', target: 1 }] },
      'unknown_indicator',
      'targets[1].indicator',
    ],
    [
      'the same indicator twice',
      { targets: trainees(30, 5) },
      'duplicate_indicator',
      'targets[1].indicator',
    ],
    ['a target of 0', { targets: trainees(0) }, 'invalid_target', 'targets[0].target'],
    ['a fractional target', { targets: trainees(1.5) }, 'invalid_target', 'targets[0].target'],
    [
      'plannedEnd one day before plannedStart',
      { plannedStart: '2024-03-01', plannedEnd: '2024-02-29' },
      'planned_end_before_start',
      'plannedEnd',
    ],
    [
      'a plannedStart that is not a calendar date',
      { plannedStart: '2023-02-29' },
      'invalid_date',
      'plannedStart',
    ],
    [
      'a requested amount of 0',
      { requestedFundingVnd: 0 },
      'amount_not_positive',
      'requestedFundingVnd',
    ],
    [
      'a requested amount in fractions of a đồng',
      { requestedFundingVnd: 100_000_000.5 },
      'invalid_amount',
      'requestedFundingVnd',
    ],
    [
      'a requested amount beyond the safe integers',
      { requestedFundingVnd: unsafe + 1 },
      'invalid_amount',
      'requestedFundingVnd',
    ],
    [
      'a negative counterpart',
      { counterpartFundingVnd: -1 },
      'invalid_amount',
      'counterpartFundingVnd',
    ],
    [
      'a total cost that would leave the safe integers',
      { requestedFundingVnd: unsafe, counterpartFundingVnd: 1 },
      'invalid_amount',
      'counterpartFundingVnd',
    ],
    ['an empty title', { title: '  ' }, 'required', 'title'],
    ['a beneficiary without a name', { beneficiary: { name: '' } }, 'required', 'beneficiary.name'],
    [
      'an unknown funding source',
      { fundingSource: 'foreign' as 'local' },
      'invalid_funding_source',
      'fundingSource',
    ],
    ['a plan year that is not a year', { planYear: 24.5 }, 'invalid_plan_year', 'planYear'],
    [
      "a beneficiary's unit outside the registering district (Xã Dak Lua is in Tân Phú)",
      { beneficiaryUnit: '26119' },
      'beneficiary_unit_outside_territory',
      'beneficiaryUnit',
    ],
    [
      "a beneficiary's unit that did not exist in the plan year (Phường Bửu Hòa ended in 2025)",
      { district: '26068', planYear: 2026, beneficiaryUnit: '26053' },
      'unknown_unit',
      'beneficiaryUnit',
    ],
  ];
  it.each(refusals)('refuses %s', (_, data, code, field) =>
    newStream.breaks(cmd.register(data), code, field),
  );
});

describe('any step before registration', () => {
  it('is refused as not found: there is no project to act on', () =>
    givenProject([], 'center').refuses(cmd.startAppraisal(), 'project_not_found', {
      kind: 'not_found',
    }));
});
