import type { Actor } from '../../shared/actor';
import { ruleBroken } from '../../shared/domain-error';
import type { ProjectState } from './project.state';

/**
 * Segregation of duties (phân tách nhiệm vụ): one rule for every decision on a project that
 * moves money or approval. A person who played a part in the project earlier may never take
 * certain decisions on it, whatever roles their token holds. docs/domain.md gives the reason
 * for each row; the roles a step needs at all are checked over HTTP, this only asks "who".
 */

/** The parts a person can have played in one project, as its state remembers them. */
export type ProjectPart = 'registrant' | 'appraiser' | 'approver' | 'acceptor' | 'disburser';

/** The decisions the rule guards. */
export type GuardedDecision =
  'approve' | 'reject' | 'adjust' | 'disburse' | 'accept' | 'settle' | 'cancel';

/** THE TABLE: for each decision, the parts whose holder may never make it. */
export const NEVER_BY: Readonly<Record<GuardedDecision, readonly ProjectPart[]>> = {
  approve: ['registrant', 'appraiser'],
  reject: ['registrant', 'appraiser'],
  adjust: ['registrant', 'appraiser', 'disburser'],
  disburse: ['registrant', 'appraiser', 'approver', 'acceptor'],
  accept: ['registrant', 'disburser'],
  settle: ['registrant', 'appraiser', 'approver'],
  cancel: ['registrant'],
};

/** How a refusal names the part, as "<sub> … this project". */
const PLAYED: Readonly<Record<ProjectPart, string>> = {
  registrant: 'registered',
  appraiser: 'appraised',
  approver: 'approved or adjusted',
  acceptor: 'accepted',
  disburser: 'recorded money paid or recovered on',
};

/** What the refused decision would have done, as "… may not <this>". */
const DOING: Readonly<Record<GuardedDecision, string>> = {
  approve: 'approve it',
  reject: 'reject it',
  adjust: 'adjust it',
  disburse: 'pay out or recover money on it',
  accept: 'accept it',
  settle: 'settle it',
  cancel: 'cancel it',
};

/** Everyone who held `part` in the project so far (empty before the step that makes it). */
export function holdersOf(state: ProjectState, part: ProjectPart): readonly string[] {
  if (state.status === 'unregistered') return [];
  switch (part) {
    // The registrant and whoever resubmitted: everyone who authored the proposal.
    case 'registrant':
      return state.dossier.proposedBy;
    case 'appraiser':
      return 'appraisal' in state && state.appraisal ? [state.appraisal.appraisedBy] : [];
    case 'approver':
      return 'approval' in state && state.approval ? state.approval.decidedBy : [];
    case 'acceptor':
      return 'acceptedBy' in state ? [state.acceptedBy] : [];
    case 'disburser':
      return 'disbursed' in state ? state.disbursed.recordedBy : [];
  }
}

/** Throws `segregation_of_duties` (422) when the actor held a part that `decision` excludes. */
export function requireSegregationOfDuties(
  decision: GuardedDecision,
  state: ProjectState,
  actor: Pick<Actor, 'sub'>,
): void {
  for (const part of NEVER_BY[decision]) {
    if (holdersOf(state, part).includes(actor.sub)) {
      throw ruleBroken(
        'segregation_of_duties',
        `${actor.sub} ${PLAYED[part]} this project and may not ${DOING[decision]} (segregation of duties)`,
        undefined,
        { part, decision },
      );
    }
  }
}
