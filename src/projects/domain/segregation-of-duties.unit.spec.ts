import type { Role } from '../../shared/actor';
import type { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent } from './project.events';
import {
  ACCEPTED_ON,
  APPROVED_ON,
  cmd,
  contextFor,
  ev,
  spec,
  TODAY,
} from '../../../test/support/projects/project-specification';

/**
 * Segregation of duties, one row of docs/domain.md's table at a time: a person who held a
 * part in a project (registered it, appraised it, approved or adjusted it, accepted it,
 * recorded money on it) tries each decision that moves money or approval. The table is
 * restated here rather than imported, so changing the rule means changing this spec too.
 */

type Part = 'registrant' | 'appraiser' | 'approver' | 'acceptor' | 'disburser';
type Stage = 'appraised' | 'in_execution' | 'accepted';

/** The one person under test, who may hold every role. */
const DUAL = 'u-kiem-nhiem';

/** Which parts exist by a stage: nobody has accepted an appraised project yet. */
const PARTS_BY: Record<Stage, readonly Part[]> = {
  appraised: ['registrant', 'appraiser'],
  in_execution: ['registrant', 'appraiser', 'approver', 'disburser'],
  accepted: ['registrant', 'appraiser', 'approver', 'disburser', 'acceptor'],
};

/** The default project up to `stage`, with DUAL in `part` and the usual people in the rest. */
function story(stage: Stage, part?: Part): ProjectEvent[] {
  // Who held the part: DUAL, or nobody named, which leaves the fixtures' usual person.
  const who = (p: Part) => (p === part ? DUAL : undefined);
  const events = [
    ev.registered({}, who('registrant')),
    ev.appraisalStarted(),
    ev.passed(200_000_000, who('appraiser')),
  ];
  if (stage === 'appraised') return events;
  events.push(
    ev.approved(200_000_000, APPROVED_ON, who('approver')),
    ev.executionStarted(),
    ev.advance(10_000_000, '2024-04-01', 'PC-001', who('disburser')),
  );
  if (stage === 'in_execution') return events;
  events.push(ev.accepted(ACCEPTED_ON, who('acceptor')));
  return events;
}

interface Decision {
  readonly stage: Stage;
  readonly role: Role;
  readonly command: ProjectCommand;
  /** THE TABLE: the parts whose holder may never make this decision. */
  readonly never: readonly Part[];
}

const DECISIONS: Record<string, Decision> = {
  approve: {
    stage: 'appraised',
    role: 'approver',
    command: cmd.approve(),
    never: ['registrant', 'appraiser'],
  },
  reject: {
    stage: 'appraised',
    role: 'approver',
    command: cmd.reject(),
    never: ['registrant', 'appraiser'],
  },
  adjust: {
    stage: 'in_execution',
    role: 'approver',
    command: cmd.adjust({ approvedFundingVnd: 150_000_000 }),
    never: ['registrant', 'appraiser', 'disburser'],
  },
  'record an advance': {
    stage: 'in_execution',
    role: 'finance_officer',
    command: cmd.disburse('advance', 10_000_000, '2024-04-02', 'PC-002'),
    never: ['registrant', 'appraiser', 'approver'],
  },
  'record a payment': {
    stage: 'accepted',
    role: 'finance_officer',
    command: cmd.disburse('payment', 10_000_000, '2024-06-12', 'PC-003'),
    never: ['registrant', 'appraiser', 'approver', 'acceptor'],
  },
  'record a recovery': {
    stage: 'accepted',
    role: 'finance_officer',
    command: cmd.disburse('recovery', 5_000_000, TODAY, 'PT-001'),
    never: ['registrant', 'appraiser', 'approver', 'acceptor'],
  },
  accept: {
    stage: 'in_execution',
    role: 'center_officer',
    command: cmd.accept(),
    never: ['registrant', 'disburser'],
  },
  settle: {
    stage: 'accepted',
    role: 'finance_officer',
    command: cmd.settle(10_000_000),
    never: ['registrant', 'appraiser', 'approver'],
  },
  cancel: {
    stage: 'in_execution',
    role: 'approver',
    command: cmd.cancel(),
    never: ['registrant'],
  },
};

/** How the refusal names the part the person played. */
const SAYS: Record<Part, RegExp> = {
  registrant: /u-kiem-nhiem registered this project/,
  appraiser: /u-kiem-nhiem appraised this project/,
  approver: /u-kiem-nhiem approved or adjusted this project/,
  acceptor: /u-kiem-nhiem accepted this project/,
  disburser: /u-kiem-nhiem recorded money paid or recovered on this project/,
};

const as = (role: Role) =>
  contextFor({ sub: DUAL, name: 'Người kiêm nhiệm', role, district: 'bien-hoa' });

const rows = Object.entries(DECISIONS).flatMap(([decision, row]) =>
  PARTS_BY[row.stage].map((part) => ({
    decision,
    part,
    forbidden: row.never.includes(part),
    row,
  })),
);

describe('segregation of duties: which part may never make which decision', () => {
  describe.each(rows.filter((r) => r.forbidden))('$decision by the $part', ({ part, row }) => {
    it('is refused with segregation_of_duties, naming the part played', () => {
      spec
        .given(story(row.stage, part))
        .when(row.command, as(row.role))
        .thenThrows('segregation_of_duties', { kind: 'rule', message: SAYS[part] });
    });
  });

  describe.each(rows.filter((r) => !r.forbidden))('$decision by the $part', ({ part, row }) => {
    it('is allowed: the table does not forbid it', () => {
      const state = story(row.stage, part).reduce(
        projectDecider.evolve,
        projectDecider.initialState(),
      );
      expect(projectDecider.decide(row.command, state, as(row.role)).length).toBeGreaterThan(0);
    });
  });

  describe.each(Object.entries(DECISIONS))('%s by someone with no part in it', (_, row) => {
    it('is allowed', () => {
      const state = story(row.stage).reduce(projectDecider.evolve, projectDecider.initialState());
      expect(projectDecider.decide(row.command, state, as(row.role)).length).toBeGreaterThan(0);
    });
  });

  it('counts whoever adjusted a project among its approvers: they may not then pay on it', () => {
    const adjustedByDual = [
      ...story('in_execution'),
      ev.adjusted({ plannedEnd: '2024-12-31' }, DUAL),
    ];
    spec
      .given(adjustedByDual)
      .when(cmd.disburse('advance', 10_000_000, '2024-04-02', 'PC-002'), as('finance_officer'))
      .thenThrows('segregation_of_duties', { message: SAYS.approver });
  });

  it('counts whoever resubmitted a project among its registrants', () => {
    const resubmittedByDual = [
      ev.registered(),
      ev.appraisalStarted(),
      ev.revisionRequested(),
      ev.resubmitted({}, DUAL),
      ev.appraisalStarted(),
      ev.passed(),
      ev.approved(),
      ev.executionStarted(),
    ];
    spec
      .given(resubmittedByDual)
      .when(cmd.cancel(), as('approver'))
      .thenThrows('segregation_of_duties', { message: SAYS.registrant });
  });

  it('checks the status first: a step the status does not allow is 409, not a duty question', () => {
    spec
      .given(story('appraised', 'registrant'))
      .when(cmd.adjust({ approvedFundingVnd: 150_000_000 }), as('approver'))
      .thenThrows('invalid_transition', { kind: 'invalid_state' });
  });
});
