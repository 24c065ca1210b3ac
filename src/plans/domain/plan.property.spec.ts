import fc from 'fast-check';
import {
  decideAll,
  stateThroughCommandLoop,
  type LoopCommand,
} from '../../../test/support/decider-properties';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { Actor } from '../../shared/actor';
import { addDays } from '../../shared/business-date';
import { replay } from '../../shared/decider';
import { planAggregateType as planAggregate } from '../plan.aggregate';
import type { PlanCommand } from './plan.commands';
import type { PlanContext } from './plan.decide';
import { planDecider } from './plan.decider';
import type { PlanEvent } from './plan.events';
import { planView, registeredProjectIds, type PlanState } from './plan.state';

/**
 * Random command sequences against the yearly plan decider, days passing between commands.
 * After every command: each district has one registration in force, no project is in two
 * districts' registrations, a registration is late exactly when it came after the deadline,
 * the compiled list is what was registered, whoever compiled never approves, and nothing but
 * reminder records follows the approval. Every refusal is a DomainError.
 */

const PROGRAMME = { code: 'DN-2021-2025', fromYear: 2021, toYear: 2025 };
const DISTRICTS = ['bien-hoa', 'tan-phu', 'xuan-loc', 'no-such-district'];
const PROJECT_IDS = ['p-1', 'p-2', 'p-3', 'p-4', ' ', ''];
const PEOPLE: readonly Actor[] = [
  { sub: 'center-1', name: 'Trần Thị Bình', role: 'center_officer' },
  { sub: 'center-2', name: 'Đỗ Văn An', role: 'center_officer' },
  { sub: 'approver-1', name: 'Phạm Minh Đức', role: 'approver' },
  { sub: 'district-1', name: 'Lê Văn Cường', role: 'district_officer', district: 'bien-hoa' },
];
const START = '2023-03-01';

type Intent =
  | { kind: 'open'; year: number; programCode: string; deadline: string }
  | { kind: 'submit'; district: string; projectIds: string[] }
  | { kind: 'compile' }
  | { kind: 'approve'; decisionNo: string; decisionDay: number }
  | { kind: 'reminder'; reminderId: string };

interface Step {
  readonly intent: Intent;
  readonly by: number;
  /** Days that pass before this command. */
  readonly wait: number;
}

const intent: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('open' as const),
      year: fc.constantFrom(2024, 2025, 2026, 2020, 1899),
      programCode: fc.constantFrom(PROGRAMME.code, PROGRAMME.code, 'OTHER'),
      deadline: fc.constantFrom(
        '2023-05-20',
        '2023-04-01',
        '2024-12-31',
        '2025-01-01',
        '2023-02-30',
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      district: fc.constantFrom(...DISTRICTS),
      projectIds: fc.array(fc.constantFrom(...PROJECT_IDS), { maxLength: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant<Intent>({ kind: 'compile' }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      decisionNo: fc.constantFrom('12/QĐ-UBND', '', '  '),
      // Days from today: 0 is today, negative is earlier, 1 is tomorrow (refused).
      decisionDay: fc.integer({ min: -20, max: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reminder' as const),
      reminderId: fc.constantFrom('r-1', 'r-2', 'bad id'),
    }),
  },
);

const steps = fc.array(
  fc.record({
    intent,
    by: fc.nat({ max: PEOPLE.length - 1 }),
    wait: fc.integer({ min: 0, max: 30 }),
  }),
  { minLength: 1, maxLength: 30, size: 'large' },
);
/** Whether the plan's programme is known to the application layer. */
const programmeKnown = fc.boolean().map((known) => (known ? PROGRAMME : undefined));

function commandFor(intent: Intent, today: string): PlanCommand {
  switch (intent.kind) {
    case 'open':
      return {
        type: 'OpenPlan',
        data: {
          year: intent.year,
          programCode: intent.programCode,
          registrationDeadline: intent.deadline,
        },
      };
    case 'submit':
      return {
        type: 'SubmitDistrictRegistration',
        data: { district: intent.district, projectIds: intent.projectIds },
      };
    case 'compile':
      return { type: 'CompilePlan', data: {} };
    case 'approve':
      return {
        type: 'ApprovePlan',
        data: { decisionNo: intent.decisionNo, decisionDate: addDays(today, intent.decisionDay) },
      };
    case 'reminder':
      return {
        type: 'RecordReminderSent',
        data: {
          reminderId: intent.reminderId,
          rule: 'registration-deadline',
          channels: ['email'],
          sentAt: `${today}T01:00:00Z`,
        },
      };
  }
}

/** Throws with a readable message when a rule of the plan does not hold after `events`. */
function checkInvariants(
  before: PlanState,
  after: PlanState,
  events: readonly PlanEvent[],
  today: string,
): void {
  if (after.status === 'none') {
    if (events.length > 0) throw new Error('events were accepted but no plan is open');
    return;
  }
  const districts = after.registrations.map((r) => r.district);
  if (new Set(districts).size !== districts.length)
    throw new Error(`a district has two registrations: ${districts.join()}`);
  const ids = registeredProjectIds(after);
  if (new Set(ids).size !== ids.length)
    throw new Error(`a project is registered twice: ${ids.join()}`);
  for (const registration of after.registrations) {
    if (
      !Object.prototype.hasOwnProperty.call(DEFAULT_REFERENCE_DATA.districts, registration.district)
    ) {
      throw new Error(`${registration.district} is not a known district`);
    }
    if (registration.late !== registration.submittedOn > after.registrationDeadline) {
      throw new Error(
        `${registration.district} submitted on ${registration.submittedOn} is marked late=${registration.late}`,
      );
    }
    if (registration.projectIds.some((id) => id.trim() === ''))
      throw new Error('a blank project id was registered');
  }
  for (const event of events) {
    if (event.type === 'DistrictRegistrationSubmitted' && event.data.submittedOn !== today) {
      throw new Error(`a registration is dated ${event.data.submittedOn}, not today ${today}`);
    }
    if (event.type === 'DistrictRegistrationSubmitted') {
      const earlier =
        before.status === 'none'
          ? undefined
          : before.registrations.find((r) => r.district === event.data.district);
      if (event.data.submissionNo !== (earlier?.submissions ?? 0) + 1)
        throw new Error(`submission ${event.data.submissionNo} skips a number`);
    }
    if (
      event.type === 'PlanOpened' &&
      (event.data.year < PROGRAMME.fromYear || event.data.year > PROGRAMME.toYear)
    ) {
      throw new Error(`a plan for ${event.data.year} was opened outside the programme`);
    }
  }
  if (after.status !== 'open') {
    if (
      before.status === 'open' &&
      JSON.stringify(after.projectIds) !== JSON.stringify(registeredProjectIds(before))
    ) {
      throw new Error('the compiled plan does not list what was registered');
    }
    if (
      before.status !== 'open' &&
      before.status !== 'none' &&
      JSON.stringify(after.registrations) !== JSON.stringify(before.registrations)
    ) {
      throw new Error('registrations changed after compilation');
    }
  }
  if (after.status === 'approved') {
    if (after.approvedBy === after.compiledBy)
      throw new Error('whoever compiled the plan approved it');
    if (after.decisionDate < after.compiledOn || after.decisionDate > today)
      throw new Error(`decision date ${after.decisionDate} is out of bounds`);
  }
  if (before.status === 'approved') {
    const changed = events.filter((e) => e.type !== 'ReminderSent');
    if (changed.length > 0) throw new Error(`${changed[0].type} was accepted after approval`);
  }
}

interface RunResult {
  readonly state: PlanState;
  readonly events: readonly PlanEvent[];
  readonly statuses: ReadonlySet<string>;
}

/** Each step's command with its actor and context, on its day: days pass from START. */
function onTheirDays(
  sequence: readonly Step[],
  programme: PlanContext['programme'],
): LoopCommand<PlanCommand, PlanContext>[] {
  let today = START;
  return sequence.map((step) => {
    today = addDays(today, step.wait);
    const actor = PEOPLE[step.by];
    const context = { actor, today, reference: DEFAULT_REFERENCE_DATA, programme };
    return { command: commandFor(step.intent, today), actor, today, context };
  });
}

function run(sequence: readonly Step[], programme: PlanContext['programme']): RunResult {
  const { state, events, visited } = decideAll(
    planDecider,
    onTheirDays(sequence, programme),
    (before, after, decided, { today }) => checkInvariants(before, after, decided, today),
  );
  return { state, events, statuses: new Set(visited.map((s) => s.status)) };
}

describe('the yearly plan decider under random command sequences', () => {
  it('keeps one registration per district, each project in one district, the compiled list, segregation, and nothing after approval', () => {
    fc.assert(
      fc.property(steps, programmeKnown, (sequence, programme) => {
        run(sequence, programme);
      }),
      { numRuns: 2000 },
    );
  });

  it('ends in the state a replay of its events gives, and its view lists every known district', () => {
    fc.assert(
      fc.property(steps, programmeKnown, (sequence, programme) => {
        const { state, events } = run(sequence, programme);
        expect(replay(planDecider, events)).toEqual(state);
        const view = planView(state, Object.keys(DEFAULT_REFERENCE_DATA.districts));
        if (view !== null) {
          expect(view.districts.map((d) => d.district)).toEqual(
            expect.arrayContaining(Object.keys(DEFAULT_REFERENCE_DATA.districts)),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  // Guards the generator: a property that never reaches a status checks nothing there.
  it('reaches every status and every kind of event', () => {
    const statuses = new Set<string>();
    const types = new Set<string>();
    fc.assert(
      fc.property(steps, programmeKnown, (sequence, programme) => {
        const result = run(sequence, programme);
        result.statuses.forEach((s) => statuses.add(s));
        result.events.forEach((e) => types.add(e.type));
      }),
      { numRuns: 1000, seed: 20230520 },
    );
    expect([...statuses].sort()).toEqual(['approved', 'compiled', 'open']);
    expect([...types].sort()).toEqual([
      'DistrictRegistrationSubmitted',
      'PlanApproved',
      'PlanCompiled',
      'PlanOpened',
      'ReminderSent',
    ]);
  });
});

describe('the yearly plan through the command loop on a real SQLite event store', () => {
  it('keeps version = number of events in the stream; a refused command appends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const commands = onTheirDays(sequence, PROGRAMME);
        // The log holds exactly what the pure fold of the same commands accepted.
        expect(
          await stateThroughCommandLoop(planAggregate, 'annual-plan-property', commands),
        ).toEqual(run(sequence, PROGRAMME).state);
      }),
      { numRuns: 150 },
    );
  });
});
