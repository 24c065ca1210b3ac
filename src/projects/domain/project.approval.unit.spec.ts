import type { Actor } from '../../shared/actor';
import type { ProjectCommand } from './project.commands';
import {
  APPROVED_ON,
  approver,
  centerOfficer,
  cmd,
  contextFor,
  districtOfficer,
  ev,
  givenProject,
  historyOf,
  itRefusesOutOfTurn,
  normOf,
  referenceWithNorm,
  registration,
  TODAY,
} from '../../../test/support/projects/project-specification';

/** The same person, now acting in the approver role. */
const asApproverWho = (person: Actor) =>
  contextFor({ ...approver, sub: person.sub, name: person.name });

const appraised = givenProject('appraised', 'approver');

/** Who took a part in the project before the decision, by the part the refusal names. */
const PARTIES = [
  ['registered', districtOfficer],
  ['appraised', centerOfficer],
] as const;

/** A test body: that party may not make this decision, and the refusal names their part. */
const refusesTheParty = (decision: ProjectCommand) => (part: string, person: Actor) =>
  givenProject('appraised', asApproverWho(person)).refuses(decision, 'segregation_of_duties', {
    kind: 'rule',
    message: new RegExp(part),
  });

describe('approving a project', () => {
  describe('when appraised', () => {
    it('approves exactly the appraised funding', () =>
      appraised.decides(cmd.approve(200_000_000), [ev.approved(200_000_000)], {
        status: 'approved',
        approvedFundingVnd: 200_000_000,
        approvalDecisionNo: '123/QĐ-SCT',
        approvalDecisionDate: '2024-03-01',
        disbursementRate: 0,
      }));

    it.each([
      ['approves less than appraised', cmd.approve(150_000_000), ev.approved(150_000_000)],
      [
        'accepts a decision dated today',
        cmd.approve(200_000_000, TODAY),
        ev.approved(200_000_000, TODAY),
      ],
    ])('%s', (_, command, event) => appraised.decides(command, [event]));

    /** The approval of the appraised funding, by a decision of this date and number. */
    const decided = (decisionDate: string, decisionNo?: string) =>
      cmd.approve(200_000_000, decisionDate, decisionNo);
    appraised.itRefuses({
      '1 đồng above the appraised funding': [
        cmd.approve(200_000_001),
        'approved_exceeds_appraised',
        'approvedFundingVnd',
      ],
      '0 approved funding': [cmd.approve(0), 'amount_not_positive', 'approvedFundingVnd'],
      'a decision dated tomorrow': [decided('2024-06-16'), 'date_in_future', 'decisionDate'],
      'a decision date that is not a date': [decided('2024-13-01'), 'invalid_date', 'decisionDate'],
      'a decision without a number': [decided('2024-03-01', ''), 'required', 'decisionNo'],
    });
  });

  describe('when the support norm was lowered after the appraisal', () => {
    // From 01/02/2024 machinery is capped at 150,000,000: the appraisal of 200,000,000 no longer fits.
    const reference = referenceWithNorm('machinery', 50, 150_000_000, '2024-02-01');
    const lowered = givenProject(historyOf.appraised, contextFor(approver, { reference }));

    it('approves, with a decision dated after the change, up to the new norm, recording it', () =>
      lowered.decides(cmd.approve(150_000_000), [
        ev.approved(
          150_000_000,
          APPROVED_ON,
          approver.sub,
          normOf(registration, APPROVED_ON, reference),
        ),
      ]));

    it('refuses 1 đồng above the new norm', () =>
      lowered.breaks(cmd.approve(150_000_001), 'exceeds_support_norm', 'approvedFundingVnd'));

    it('judges a decision dated before the change by the norm then in force, and a replay keeps it', () => {
      const before = '2024-01-15';
      const judged = normOf(registration, before, reference);
      expect(judged).toMatchObject({ normSet: 'TT-28-2018', capVnd: 250_000_000 });
      lowered.decides(
        cmd.approve(200_000_000, before),
        [ev.approved(200_000_000, before, approver.sub, judged)],
        { approvedFundingVnd: 200_000_000, supportNorm: judged },
      );
    });
  });

  describe('segregation of duties', () => {
    it.each(PARTIES)('refuses the person who %s the project', refusesTheParty(cmd.approve()));

    it('refuses the person who resubmitted the project after a revision request', () => {
      const colleague: Actor = { ...districtOfficer, sub: 'u-bien-hoa-2', name: 'Võ Thị E' };
      givenProject(
        [
          'revision_requested',
          ev.resubmitted({}, colleague.sub),
          ev.appraisalStarted(),
          ev.passed(),
        ],
        asApproverWho(colleague),
      ).breaks(cmd.approve(), 'segregation_of_duties');
    });

    it('does not bar whoever only opened the appraisal that someone else passed', () => {
      const opener: Actor = { ...centerOfficer, sub: 'u-center-2' };
      givenProject(
        ['registered', { type: 'AppraisalStarted', data: { startedBy: opener.sub } }, ev.passed()],
        asApproverWho(opener),
      ).decides(cmd.approve(), [ev.approved(200_000_000, APPROVED_ON, opener.sub)]);
    });
  });

  describe('when not appraised', () => {
    itRefusesOutOfTurn('approver', {
      'to approve a project under appraisal': ['under_appraisal', cmd.approve()],
    });

    it('refuses to approve twice', () =>
      givenProject('approved', 'approver').refuses(cmd.approve(), 'invalid_transition', {
        kind: 'invalid_state',
        message: /approve when the project is approved/,
      }));
  });
});

describe('rejecting an appraised project', () => {
  it('rejects it for good, keeping the appraisal on record', () =>
    appraised.decides(
      cmd.reject('Trùng lặp nội dung'),
      [{ type: 'ProjectRejected', data: { reason: 'Trùng lặp nội dung' } }],
      {
        status: 'rejected',
        rejectionReason: 'Trùng lặp nội dung',
        appraisedFundingVnd: 200_000_000,
        approvedFundingVnd: null,
      },
    ));

  it('refuses a rejection without a reason', () =>
    appraised.breaks(cmd.reject(' '), 'required', 'reason'));

  it.each(PARTIES)('refuses the person who %s the project', refusesTheParty(cmd.reject()));

  itRefusesOutOfTurn('approver', {
    'a project already approved': ['approved', cmd.reject()],
  });
});
