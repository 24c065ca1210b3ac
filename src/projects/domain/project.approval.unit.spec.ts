import type { Actor } from '../../shared/actor';
import {
  APPROVED_ON,
  approver,
  centerOfficer,
  cmd,
  contextFor,
  districtOfficer,
  ev,
  historyOf,
  referenceWithNorm,
  TODAY,
} from '../../../test/support/projects/project-fixtures';
import { asApprover, spec } from '../../../test/support/projects/project-specification';
import { projectView } from './project.view';

/** The same person, now acting in the approver role. */
const asApproverWho = (person: Actor) =>
  contextFor({ ...approver, sub: person.sub, name: person.name });

describe('approving a project', () => {
  describe('when appraised', () => {
    it('approves exactly the appraised funding', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(200_000_000), asApprover)
        .then([ev.approved(200_000_000)], (state) =>
          expect(projectView(state)).toMatchObject({
            status: 'approved',
            approvedFundingVnd: 200_000_000,
            approvalDecisionNo: '123/QĐ-SCT',
            approvalDecisionDate: '2024-03-01',
            disbursementRate: 0,
          }),
        );
    });

    it('approves less than appraised', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(150_000_000), asApprover)
        .then([ev.approved(150_000_000)]);
    });

    it('refuses 1 đồng above the appraised funding', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(200_000_001), asApprover)
        .thenThrows('approved_exceeds_appraised', { kind: 'rule', field: 'approvedFundingVnd' });
    });

    it('refuses 0 approved funding', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(0), asApprover)
        .thenThrows('amount_not_positive', { kind: 'rule', field: 'approvedFundingVnd' });
    });

    it('accepts a decision dated today', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(200_000_000, TODAY), asApprover)
        .then([ev.approved(200_000_000, TODAY)]);
    });

    it('refuses a decision dated tomorrow', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(200_000_000, '2024-06-16'), asApprover)
        .thenThrows('date_in_future', { kind: 'rule', field: 'decisionDate' });
    });

    it('refuses a decision date that is not a date', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(200_000_000, '2024-13-01'), asApprover)
        .thenThrows('invalid_date', { kind: 'rule', field: 'decisionDate' });
    });

    it('refuses a decision without a number', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(200_000_000, '2024-03-01', ''), asApprover)
        .thenThrows('required', { kind: 'rule', field: 'decisionNo' });
    });
  });

  describe('when the support norm was lowered after the appraisal', () => {
    // Machinery now capped at 150,000,000: the appraisal of 200,000,000 no longer fits.
    const lowered = contextFor(approver, {
      reference: referenceWithNorm('machinery', 50, 150_000_000),
    });

    it('approves up to the norm in force', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(150_000_000), lowered)
        .then([ev.approved(150_000_000)]);
    });

    it('refuses 1 đồng above the norm in force', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(150_000_001), lowered)
        .thenThrows('exceeds_support_norm', { kind: 'rule', field: 'approvedFundingVnd' });
    });
  });

  describe('segregation of duties', () => {
    it('refuses the person who registered the project', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(), asApproverWho(districtOfficer))
        .thenThrows('segregation_of_duties', { kind: 'rule', message: /registered/ });
    });

    it('refuses the person who appraised the project', () => {
      spec
        .given(historyOf.appraised)
        .when(cmd.approve(), asApproverWho(centerOfficer))
        .thenThrows('segregation_of_duties', { kind: 'rule', message: /appraised/ });
    });

    it('refuses the person who resubmitted the project after a revision request', () => {
      const colleague: Actor = { ...districtOfficer, sub: 'u-bien-hoa-2', name: 'Võ Thị E' };
      spec
        .given([
          ...historyOf.revision_requested,
          ev.resubmitted({}, colleague.sub),
          ev.appraisalStarted(),
          ev.passed(),
        ])
        .when(cmd.approve(), asApproverWho(colleague))
        .thenThrows('segregation_of_duties', { kind: 'rule' });
    });

    it('does not bar whoever only opened the appraisal that someone else passed', () => {
      const opener: Actor = { ...centerOfficer, sub: 'u-center-2' };
      spec
        .given([
          ...historyOf.registered,
          { type: 'AppraisalStarted', data: { startedBy: opener.sub } },
          ev.passed(),
        ])
        .when(cmd.approve(), asApproverWho(opener))
        .then([ev.approved(200_000_000, APPROVED_ON, opener.sub)]);
    });
  });

  describe('when not appraised', () => {
    it('refuses to approve a project under appraisal', () => {
      spec
        .given(historyOf.under_appraisal)
        .when(cmd.approve(), asApprover)
        .thenThrows('invalid_transition', { kind: 'invalid_state' });
    });

    it('refuses to approve twice', () => {
      spec
        .given(historyOf.approved)
        .when(cmd.approve(), asApprover)
        .thenThrows('invalid_transition', {
          kind: 'invalid_state',
          message: /approve when the project is approved/,
        });
    });
  });
});

describe('rejecting an appraised project', () => {
  it('rejects it for good, keeping the appraisal on record', () => {
    spec
      .given(historyOf.appraised)
      .when(cmd.reject('Trùng lặp nội dung'), asApprover)
      .then([{ type: 'ProjectRejected', data: { reason: 'Trùng lặp nội dung' } }], (state) =>
        expect(projectView(state)).toMatchObject({
          status: 'rejected',
          rejectionReason: 'Trùng lặp nội dung',
          appraisedFundingVnd: 200_000_000,
          approvedFundingVnd: null,
        }),
      );
  });

  it('refuses a rejection without a reason', () => {
    spec
      .given(historyOf.appraised)
      .when(cmd.reject(' '), asApprover)
      .thenThrows('required', { kind: 'rule', field: 'reason' });
  });

  it('refuses the person who registered the project', () => {
    spec
      .given(historyOf.appraised)
      .when(cmd.reject(), asApproverWho(districtOfficer))
      .thenThrows('segregation_of_duties', { kind: 'rule' });
  });

  it('refuses the person who appraised the project', () => {
    spec
      .given(historyOf.appraised)
      .when(cmd.reject(), asApproverWho(centerOfficer))
      .thenThrows('segregation_of_duties', { kind: 'rule' });
  });

  it('refuses a project already approved', () => {
    spec
      .given(historyOf.approved)
      .when(cmd.reject(), asApprover)
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});
