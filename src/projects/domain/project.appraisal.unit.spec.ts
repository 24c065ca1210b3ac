import type { ProjectCommand } from './project.commands';
import {
  centerOfficer,
  cmd,
  ev,
  historyOf,
  TODAY,
} from '../../../test/support/projects/project-fixtures';
import { asCenter, asDistrict, spec } from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

/** A project of the given shape, under appraisal. */
const underAppraisal = (
  activityType: string,
  requestedFundingVnd: number,
  counterpartFundingVnd: number,
) => [
  ev.registered({ activityType, requestedFundingVnd, counterpartFundingVnd, targets: [] }),
  ev.appraisalStarted(),
];

describe('starting the appraisal', () => {
  it('moves a registered project under appraisal, recording who started it', () => {
    spec
      .given(historyOf.registered)
      .when(cmd.startAppraisal(), asCenter)
      .then([ev.appraisalStarted()], (state) => expect(state.status).toBe('under_appraisal'));
  });

  it('refuses a project already under appraisal', () => {
    spec
      .given(historyOf.under_appraisal)
      .when(cmd.startAppraisal(), asCenter)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});

describe('recording the appraisal result', () => {
  describe('when under appraisal', () => {
    it('passes it with the appraised funding, recording the appraiser', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.pass(150_000_000), asCenter)
        .then([ev.passed(150_000_000)], (state) =>
          expect(projectView(state)).toMatchObject({
            status: 'appraised',
            appraisedFundingVnd: 150_000_000,
            appraisedBy: centerOfficer.sub,
          }),
        );
    });

    it('passes it at exactly the requested amount', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.pass(200_000_000), asCenter)
        .then([ev.passed(200_000_000)]);
    });

    it('refuses 1 đồng above the requested amount', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.pass(200_000_001), asCenter)
        .thenThrows('appraised_exceeds_requested', { kind: 'rule', field: 'appraisedFundingVnd' });
    });

    it('refuses a pass without appraised funding', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.passWithoutFunding(), asCenter)
        .thenThrows('required', { kind: 'rule', field: 'appraisedFundingVnd' });
    });

    it('refuses a pass with 0 appraised funding', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.pass(0), asCenter)
        .thenThrows('amount_not_positive', { kind: 'rule', field: 'appraisedFundingVnd' });
    });

    it('requests a revision, dated today', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.requestRevision(), asCenter)
        .then([ev.revisionRequested(TODAY)], (state) =>
          expect(projectView(state)).toMatchObject({
            status: 'revision_requested',
            revisionRequestedOn: TODAY,
          }),
        );
    });

    it('rejects it for good', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.failAppraisal(), asCenter)
        .then(
          [
            {
              type: 'AppraisalRejected',
              data: { notes: 'Không đạt', appraisedBy: centerOfficer.sub },
            },
          ],
          (state) =>
            expect(projectView(state)).toMatchObject({
              status: 'rejected',
              rejectionReason: 'Không đạt',
              appraisedFundingVnd: null,
            }),
        );
    });

    it('refuses an outcome it does not know', () => {
      const command = {
        type: 'RecordAppraisalResult',
        data: { outcome: 'maybe', notes: '' },
      } as unknown as ProjectCommand;
      spec
        .given(historyOf.under_appraisal)
        .when(command, asCenter)
        .thenThrows('invalid_outcome', { kind: 'rule', field: 'outcome' });
    });
  });

  describe('when the appraisal has not started', () => {
    it('refuses any result', () => {
      spec
        .given(historyOf.registered)
        .when(cmd.pass(), asCenter)
        .thenThrows('invalid_transition', { kind: 'invalid_state' });
    });
  });

  describe('against the support norm', () => {
    const pass = (history: ReturnType<typeof underAppraisal>, amount: number) =>
      spec.given(history).when(cmd.pass(amount), asCenter);
    const refusedAbove = (history: ReturnType<typeof underAppraisal>, amount: number): void => {
      pass(history, amount).thenThrows('exceeds_support_norm', {
        kind: 'rule',
        field: 'appraisedFundingVnd',
      });
    };

    describe('machinery: 50% of the cost, at most 300,000,000', () => {
      // 250,000,000 requested + 150,000,000 counterpart: 50% is 200,000,000, below the cap.
      const percentBinds = underAppraisal('machinery', 250_000_000, 150_000_000);
      // 400,000,000 + 600,000,000: 50% is 500,000,000, so the 300,000,000 cap binds.
      const capBinds = underAppraisal('machinery', 400_000_000, 600_000_000);
      // 150,000,001 + 50,000,000 = 200,000,001: half is 100,000,000.5, rounded down.
      const oddTotal = underAppraisal('machinery', 150_000_001, 50_000_000);

      it('passes exactly 50% of the cost', () =>
        pass(percentBinds, 200_000_000).then([ev.passed(200_000_000)]));
      it('refuses 1 đồng above 50% of the cost', () => refusedAbove(percentBinds, 200_000_001));
      it('passes exactly 300,000,000', () =>
        pass(capBinds, 300_000_000).then([ev.passed(300_000_000)]));
      it('refuses 300,000,001', () => refusedAbove(capBinds, 300_000_001));
      it('rounds half a đồng of the cap down', () => {
        pass(oddTotal, 100_000_000).then([ev.passed(100_000_000)]);
        refusedAbove(oddTotal, 100_000_001);
      });
    });

    describe('brand_registration: 50% of the cost, at most 35,000,000', () => {
      const percentBinds = underAppraisal('brand_registration', 40_000_000, 20_000_000);
      const capBinds = underAppraisal('brand_registration', 40_000_000, 40_000_000);

      it('passes exactly 50% of the cost', () =>
        pass(percentBinds, 30_000_000).then([ev.passed(30_000_000)]));
      it('refuses 1 đồng above 50% of the cost', () => refusedAbove(percentBinds, 30_000_001));
      it('passes exactly 35,000,000', () =>
        pass(capBinds, 35_000_000).then([ev.passed(35_000_000)]));
      it('refuses 35,000,001', () => refusedAbove(capBinds, 35_000_001));
    });

    describe('an activity type without a norm', () => {
      it('caps at the requested amount only, even with no counterpart', () => {
        pass(underAppraisal('training', 50_000_000, 0), 50_000_000).then([ev.passed(50_000_000)]);
      });
    });
  });
});

describe('resubmitting after a revision request', () => {
  it('returns the project to registered with the changes merged, recording who resubmitted', () => {
    const changes = { requestedFundingVnd: 180_000_000, plannedEnd: '2024-12-15' };
    spec
      .given(historyOf.revision_requested)
      .when(cmd.resubmit(changes), asDistrict)
      .then([ev.resubmitted(changes)], (state) =>
        expect(projectView(state)).toMatchObject({
          status: 'registered',
          requestedFundingVnd: 180_000_000,
          plannedEnd: '2024-12-15',
          plannedStart: '2024-03-01',
          title: 'Hỗ trợ máy chế biến hạt điều',
        }),
      );
  });

  it('accepts a resubmission that changes nothing (documents were added outside the system)', () => {
    spec
      .given(historyOf.revision_requested)
      .when(cmd.resubmit({}), asDistrict)
      .then([ev.resubmitted({})]);
  });

  it('keeps only registration fields among the changes', () => {
    const changes = { title: 'Máy sấy điều', district: 'cam-my' } as { title: string };
    spec
      .given(historyOf.revision_requested)
      .when(cmd.resubmit(changes), asDistrict)
      .then([ev.resubmitted({ title: 'Máy sấy điều' })]);
  });

  it('can be appraised again afterwards', () => {
    spec
      .given([...historyOf.revision_requested, ev.resubmitted()])
      .when(cmd.startAppraisal(), asCenter)
      .then([ev.appraisalStarted()]);
  });

  describe('refuses changes that would make the registration invalid', () => {
    const refused = (
      changes: Parameters<typeof cmd.resubmit>[0],
      code: string,
      field: string,
    ): void => {
      spec
        .given(historyOf.revision_requested)
        .when(cmd.resubmit(changes), asDistrict)
        .thenThrows(code, { kind: 'rule', field });
    };

    it('a plannedEnd before the unchanged plannedStart', () =>
      refused({ plannedEnd: '2024-02-29' }, 'planned_end_before_start', 'plannedEnd'));
    it('a requested amount of 0', () =>
      refused({ requestedFundingVnd: 0 }, 'amount_not_positive', 'requestedFundingVnd'));
    it('an unknown indicator', () =>
      refused(
        { targets: [{ indicator: 'rockets', target: 1 }] },
        'unknown_indicator',
        'targets[0].indicator',
      ));
    it('an unknown activity type', () =>
      refused({ activityType: 'space_program' }, 'unknown_activity_type', 'activityType'));
  });

  it('refuses a project that was not sent back for revision', () => {
    spec
      .given(historyOf.under_appraisal)
      .when(cmd.resubmit({}), asDistrict)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});
