import fc from 'fast-check';
import { handleCommand, type AggregateSpec } from '../../kernel/command-loop';
import { verifyChain } from '../../event-store/hash-chain';
import { SqliteEventStore } from '../../event-store/sqlite.event-store';
import { projectSerde } from '../project.serde';
import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import type { Actor } from '../../shared/actor';
import { replay } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import { isVnd, percentOfFloor } from '../../shared/vnd';
import type { ProjectCommand } from './project.commands';
import type { ProjectContext } from './project.context';
import { projectDecider } from './project.decider';
import { occurredOnOf, type ProjectEvent } from './project.events';
import { supportNormOf } from './project.money-rules';
import type { ProjectState } from './project.state';
import {
  ACCEPTED_ON,
  APPROVED_ON,
  approver,
  centerOfficer,
  cmd,
  districtOfficer,
  financeOfficer,
  STARTED_ON,
  TODAY,
} from '../../../test/support/projects/project-fixtures';
import { PROJECT_STATUSES } from './project.types';
import { projectView, type ProjectView } from './project.view';

/**
 * Random command sequences against the support project decider. Each run draws a series of
 * intents (a step with loosely chosen values, or "the next lifecycle step" so runs get deep
 * into execution and settlement), decides each against the current state, folds what was
 * accepted, and checks after every command that no rule of the domain was broken:
 * money is never negative, net disbursed ≤ approved, advances ≤ the cap in force, nothing but
 * reminder records after settlement or rejection, and every refusal is a DomainError.
 */

const secondCenterOfficer: Actor = { sub: 'u-center-2', name: 'Đỗ Văn E', role: 'center_officer' };
const PEOPLE: readonly Actor[] = [
  districtOfficer,
  centerOfficer,
  secondCenterOfficer,
  approver,
  financeOfficer,
];

/** Dates around the fixtures' steps, one of them after TODAY (2024-06-15). */
const DATES = [
  '2024-01-15',
  APPROVED_ON,
  STARTED_ON,
  '2024-04-01',
  '2024-05-20',
  ACCEPTED_ON,
  TODAY,
  '2024-06-16',
];
const PERIODS = ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'];

/** An amount: a number (possibly invalid), or "the most the state allows" and one đồng above it. */
type Amount = number | 'max' | 'over';

type Intent =
  | { kind: 'next' }
  | { kind: 'register'; activityType: string; requested: number; counterpart: number }
  | { kind: 'startAppraisal' }
  | { kind: 'appraisal'; outcome: 'passed' | 'revision_requested' | 'rejected'; amount: Amount }
  | { kind: 'resubmit'; requested?: number }
  | { kind: 'approve'; amount: Amount; date: string }
  | { kind: 'reject' }
  | { kind: 'startExecution'; date: string }
  | { kind: 'report'; period: string; date: string; value: number }
  | {
      kind: 'disburse';
      disbursement: 'fitting' | 'advance' | 'payment' | 'recovery';
      amount: Amount;
      date: string;
    }
  | { kind: 'inspect'; date: string }
  | { kind: 'adjust'; amount?: Amount; plannedEnd?: string }
  | { kind: 'accept'; date: string }
  | { kind: 'settle'; amount: Amount }
  | { kind: 'cancel' }
  | { kind: 'reminder'; reminderId: string };

interface Step {
  readonly intent: Intent;
  /** Index into PEOPLE; the decider does not check roles (HTTP does), but it checks who for segregation of duties. */
  readonly by: number;
}

const date = fc.constantFrom(...DATES);
const amount: fc.Arbitrary<Amount> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Amount>('max', 'over') },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 300_000_000 }) },
  // Malformed and huge amounts, up to the largest safe integer and past it.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -1,
      0.5,
      Number.NaN,
      10 ** 15,
      Number.MAX_SAFE_INTEGER,
      2 ** 53 + 2,
    ),
  },
);

const disburse = fc.record({
  kind: fc.constant('disburse' as const),
  // "fitting": the kind the status allows (advance in execution, payment after acceptance, recovery after cancellation).
  disbursement: fc.constantFrom(
    'fitting' as const,
    'fitting' as const,
    'advance' as const,
    'payment' as const,
    'recovery' as const,
  ),
  amount,
  // Mostly dates a payment can carry (after acceptance), some too early or in the future.
  date: fc.constantFrom(
    STARTED_ON,
    '2024-04-01',
    ACCEPTED_ON,
    TODAY,
    TODAY,
    '2024-01-15',
    '2024-06-16',
  ),
});
const adjust = fc.record(
  {
    kind: fc.constant('adjust' as const),
    amount,
    plannedEnd: fc.constantFrom('2024-02-01', '2024-12-31'),
  },
  { requiredKeys: ['kind'] },
);
const report = fc.record({
  kind: fc.constant('report' as const),
  period: fc.constantFrom(...PERIODS),
  date,
  value: fc.integer({ min: -1, max: 50 }),
});
const reminder = fc.record({
  kind: fc.constant('reminder' as const),
  reminderId: fc.constantFrom('r-1', 'r-2', 'bad id'),
});

/** Any step of the lifecycle, with "next" often enough that runs get past approval. */
const anyIntent: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Intent>({ kind: 'next' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      activityType: fc.constantFrom('machinery', 'training', 'consulting', 'no_such_type'),
      requested: fc.oneof(
        fc.integer({ min: 1, max: 400_000_000 }),
        fc.constantFrom(0, -5, Number.MAX_SAFE_INTEGER),
      ),
      counterpart: fc.integer({ min: 0, max: 400_000_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Intent>({ kind: 'startAppraisal' }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('appraisal' as const),
      outcome: fc.constantFrom(
        'passed' as const,
        'revision_requested' as const,
        'rejected' as const,
      ),
      amount,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        kind: fc.constant('resubmit' as const),
        requested: fc.integer({ min: -1, max: 400_000_000 }),
      },
      { requiredKeys: ['kind'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('approve' as const), amount, date }) },
  { weight: 1, arbitrary: fc.constant<Intent>({ kind: 'reject' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('startExecution' as const), date }) },
  { weight: 2, arbitrary: report },
  { weight: 12, arbitrary: disburse },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('inspect' as const), date }) },
  { weight: 3, arbitrary: adjust },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('accept' as const), date }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('settle' as const), amount }) },
  { weight: 1, arbitrary: fc.constant<Intent>({ kind: 'cancel' }) },
  { weight: 1, arbitrary: reminder },
);

/** The steps of a project in execution: money moves, adjustments, acceptance, settlement, sometimes cancellation. */
const moneyIntent: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 12, arbitrary: disburse },
  { weight: 3, arbitrary: adjust },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('accept' as const), date }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const), amount }) },
  { weight: 1, arbitrary: fc.constant<Intent>({ kind: 'cancel' }) },
  { weight: 1, arbitrary: report },
  { weight: 1, arbitrary: reminder },
);

const by = fc.nat({ max: PEOPLE.length - 1 });

/** A few natural steps first, so the random part starts anywhere from registration to execution. */
const lifecycleSteps: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.oneof(fc.nat({ max: 5 }), fc.constant(5)),
    fc.array(fc.record({ intent: anyIntent, by }), { minLength: 1, maxLength: 40, size: 'large' }),
  )
  .map(([lead, rest]) => [
    ...Array.from({ length: lead }, (): Step => ({ intent: { kind: 'next' }, by: 0 })),
    ...rest,
  ]);

/** A project of any size brought into execution, then money steps. */
const executionSteps: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.integer({ min: 1, max: 10 ** 12 }),
    fc.oneof(fc.constant<Amount>('max'), fc.integer({ min: 1, max: 10 ** 12 })),
    fc.array(fc.record({ intent: moneyIntent, by }), {
      minLength: 1,
      maxLength: 30,
      size: 'large',
    }),
  )
  .map(([requested, approved, rest]): Step[] => [
    // Training has no support norm, so any requested amount can be appraised and approved.
    { intent: { kind: 'register', activityType: 'training', requested, counterpart: 0 }, by: 0 },
    { intent: { kind: 'startAppraisal' }, by: 1 },
    { intent: { kind: 'appraisal', outcome: 'passed', amount: 'max' }, by: 1 },
    { intent: { kind: 'approve', amount: approved, date: APPROVED_ON }, by: 3 },
    { intent: { kind: 'startExecution', date: STARTED_ON }, by: 1 },
    ...rest,
  ]);
const capPercent = fc.oneof(fc.constant(70), fc.integer({ min: 0, max: 100 }));

/** What "max" means for each money step, read off the current view. */
function resolve(value: Amount, max: number): number {
  if (value === 'max') return max;
  if (value === 'over') return max + 1;
  return value;
}

function normCap(state: ProjectState): number {
  if (state.status === 'unregistered') return 0;
  return (
    // Every step here is decided in 2024, under one norm set.
    supportNormOf(state.dossier.details, DEFAULT_REFERENCE_DATA, APPROVED_ON)?.capVnd ??
    Number.MAX_SAFE_INTEGER
  );
}

/** The natural next step up to execution, by the person API.md gives it to, with valid values. */
function nextStep(state: ProjectState): { command: ProjectCommand; by: Actor } | null {
  switch (state.status) {
    case 'unregistered':
      return { command: cmd.register(), by: districtOfficer };
    case 'registered':
      return { command: cmd.startAppraisal(), by: centerOfficer };
    case 'under_appraisal':
      return {
        command: cmd.pass(Math.min(state.dossier.details.requestedFundingVnd, normCap(state))),
        by: centerOfficer,
      };
    case 'revision_requested':
      return { command: cmd.resubmit({}), by: districtOfficer };
    case 'appraised':
      return { command: cmd.approve(state.appraisal.appraisedFundingVnd), by: approver };
    case 'approved':
      return { command: cmd.startExecution(), by: centerOfficer };
    default:
      // From execution on, money moves first: acceptance and settlement are their own intents.
      return null;
  }
}

function fittingKind(state: ProjectState): 'advance' | 'payment' | 'recovery' {
  if (state.status === 'accepted') return 'payment';
  return state.status === 'cancelled' ? 'recovery' : 'advance';
}

function commandFor(
  step: Step,
  state: ProjectState,
  capPct: number,
): { command: ProjectCommand; by: Actor } | null {
  const by = PEOPLE[step.by];
  const view = projectView(state);
  const approved = view?.approvedFundingVnd ?? 0;
  const net = view?.netDisbursedVnd ?? 0;
  const { intent: i } = step;
  switch (i.kind) {
    case 'next':
      return nextStep(state);
    case 'register':
      return {
        command: cmd.register({
          activityType: i.activityType,
          requestedFundingVnd: i.requested,
          counterpartFundingVnd: i.counterpart,
        }),
        by,
      };
    case 'startAppraisal':
      return { command: cmd.startAppraisal(), by };
    case 'appraisal': {
      const max = Math.min(view?.requestedFundingVnd ?? 0, normCap(state));
      const data = {
        outcome: i.outcome,
        notes: 'Ý kiến hội đồng',
        appraisedFundingVnd: resolve(i.amount, max),
      };
      return { command: { type: 'RecordAppraisalResult', data }, by };
    }
    case 'resubmit':
      return {
        command: cmd.resubmit(
          i.requested === undefined ? {} : { requestedFundingVnd: i.requested },
        ),
        by,
      };
    case 'approve':
      return {
        command: cmd.approve(resolve(i.amount, view?.appraisedFundingVnd ?? 0), i.date),
        by,
      };
    case 'reject':
      return { command: cmd.reject(), by };
    case 'startExecution':
      return { command: cmd.startExecution(i.date), by };
    case 'report':
      return {
        command: cmd.report(i.period, i.date, [
          { indicator: 'establishments_supported', value: i.value },
        ]),
        by,
      };
    case 'disburse': {
      const kind = i.disbursement === 'fitting' ? fittingKind(state) : i.disbursement;
      const room = {
        advance: percentOfFloor(approved, capPct) - (view?.advancesVnd ?? 0),
        payment: approved - net,
        recovery: net,
      }[kind];
      return { command: cmd.disburse(kind, resolve(i.amount, room), i.date), by };
    }
    case 'inspect':
      return { command: cmd.inspect(i.date), by };
    case 'adjust': {
      // "max" here is the lowest funding an adjustment may set: what has already gone out.
      const lowest = Math.max(net, view?.advancesVnd ?? 0);
      const approvedFundingVnd =
        i.amount === undefined
          ? undefined
          : i.amount === 'over'
            ? lowest - 1
            : resolve(i.amount, lowest);
      return { command: cmd.adjust({ approvedFundingVnd, plannedEnd: i.plannedEnd }), by };
    }
    case 'accept':
      return { command: cmd.accept(i.date), by };
    case 'settle':
      return { command: cmd.settle(resolve(i.amount, net)), by };
    case 'cancel':
      return { command: cmd.cancel(), by };
    case 'reminder':
      return {
        command: {
          type: 'RecordReminderSent',
          data: {
            reminderId: i.reminderId,
            rule: 'appraisal-pending',
            channels: ['webhook'],
            sentAt: '2024-06-15T01:00:00Z',
          },
        },
        by,
      };
  }
}

/** Freezes a value and everything in it, so a decider that mutates its input throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

const MONEY_FIELDS = [
  'requestedFundingVnd',
  'counterpartFundingVnd',
  'advancesVnd',
  'paymentsVnd',
  'recoveredVnd',
  'netDisbursedVnd',
  'settledVnd',
  'amountToRecoverVnd',
] as const;

/** The view without the reminder records, which are the only thing allowed to change after a final status. */
function businessView(view: ProjectView | null): unknown {
  if (view === null) return null;
  const { sentReminderIds: _ignored, ...rest } = view;
  return rest;
}

/** Throws with a readable message when a rule of the domain does not hold after `events`. */
function checkInvariants(
  before: ProjectState,
  after: ProjectState,
  events: readonly ProjectEvent[],
  capPct: number,
): void {
  const view = projectView(after);
  const beforeView = projectView(before);
  if (view === null) {
    if (events.length > 0)
      throw new Error(`events ${events.map((e) => e.type).join()} left the project unregistered`);
    return;
  }
  for (const field of MONEY_FIELDS) {
    if (!isVnd(view[field]))
      throw new Error(`${field} is ${view[field]}, not a whole non-negative VND amount`);
  }
  for (const field of ['appraisedFundingVnd', 'approvedFundingVnd'] as const) {
    if (view[field] !== null && !isVnd(view[field])) throw new Error(`${field} is ${view[field]}`);
  }
  if (view.netDisbursedVnd !== view.advancesVnd + view.paymentsVnd - view.recoveredVnd) {
    throw new Error('net disbursed is not advances + payments − recoveries');
  }
  if (view.approvedFundingVnd !== null && view.netDisbursedVnd > view.approvedFundingVnd) {
    throw new Error(
      `net disbursed ${view.netDisbursedVnd} is above the approved ${view.approvedFundingVnd}`,
    );
  }
  if (
    view.disbursementRate !== null &&
    !(view.disbursementRate >= 0 && view.disbursementRate <= 1)
  ) {
    throw new Error(`disbursement rate ${view.disbursementRate} is outside 0..1`);
  }
  for (const event of events) {
    if (event.type === 'AdvanceDisbursed') {
      const cap = percentOfFloor(view.approvedFundingVnd ?? 0, capPct);
      if (view.advancesVnd > cap)
        throw new Error(`advances ${view.advancesVnd} are above the cap ${cap} (${capPct}%)`);
    }
    if (event.type === 'AppraisalPassed') {
      const appraised = event.data.appraisedFundingVnd;
      if (appraised > view.requestedFundingVnd || appraised > normCap(after))
        throw new Error(`appraised ${appraised} is above the request or the norm`);
    }
    if (event.type === 'ProjectApproved') {
      const approvedNow = event.data.approvedFundingVnd;
      if (approvedNow > (view.appraisedFundingVnd ?? 0) || approvedNow > normCap(after))
        throw new Error(`approved ${approvedNow} is above the appraisal or the norm`);
    }
  }
  if (
    after.status === 'settled' &&
    (view.settledVnd !== view.netDisbursedVnd || view.settledVnd > (view.approvedFundingVnd ?? 0))
  ) {
    throw new Error(
      `settled ${view.settledVnd} differs from net ${view.netDisbursedVnd} or is above approved`,
    );
  }
  if (before.status === 'settled' || before.status === 'rejected') {
    const changed = events.filter((e) => e.type !== 'ReminderSent');
    if (changed.length > 0)
      throw new Error(`${changed[0].type} was accepted after the project was ${before.status}`);
    expect(businessView(view)).toEqual(businessView(beforeView));
  }
  if (before.status === 'cancelled') {
    const changed = events.filter((e) => e.type !== 'ReminderSent' && e.type !== 'FundsRecovered');
    if (changed.length > 0) throw new Error(`${changed[0].type} was accepted after cancellation`);
  }
}

interface RunResult {
  readonly state: ProjectState;
  readonly events: readonly ProjectEvent[];
  readonly statuses: ReadonlySet<string>;
}

/** Decides every step in turn, folding what is accepted; every refusal must be a DomainError. */
function run(sequence: readonly Step[], capPct: number): RunResult {
  let state = projectDecider.initialState();
  const events: ProjectEvent[] = [];
  const statuses = new Set<string>();
  for (const step of sequence) {
    const next = commandFor(step, state, capPct);
    if (next === null) continue;
    const context: ProjectContext = deepFreeze({
      actor: next.by,
      today: TODAY,
      reference: DEFAULT_REFERENCE_DATA,
      rules: { advanceCapPercent: capPct },
    });
    let decided: readonly ProjectEvent[];
    try {
      decided = projectDecider.decide(deepFreeze(next.command), deepFreeze(state), context);
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw new Error(`${next.command.type} threw ${String(error)} instead of a DomainError`);
    }
    const after = decided.reduce(projectDecider.evolve, state);
    checkInvariants(state, after, decided, capPct);
    events.push(...decided);
    state = after;
    statuses.add(state.status);
  }
  return { state, events, statuses };
}

describe('the support project decider under random command sequences', () => {
  it('never breaks a money, cap, settlement or final-status rule over the whole lifecycle, and refuses only with DomainErrors', () => {
    fc.assert(
      fc.property(lifecycleSteps, capPercent, (sequence, capPct) => {
        run(sequence, capPct);
      }),
      { numRuns: 1500 },
    );
  });

  it('never lets net disbursed pass the approved funding nor advances pass the cap, whatever money moves in execution', () => {
    fc.assert(
      fc.property(executionSteps, capPercent, (sequence, capPct) => {
        run(sequence, capPct);
      }),
      { numRuns: 2000 },
    );
  });

  it('ends in the state a replay of its events gives: the events alone carry the project', () => {
    fc.assert(
      fc.property(fc.oneof(lifecycleSteps, executionSteps), capPercent, (sequence, capPct) => {
        const { state, events } = run(sequence, capPct);
        expect(replay(projectDecider, events)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  // Guards the generators: a property that never reaches a status or an event checks nothing there.
  it('reaches every status and records every kind of event, so the properties are checked deep in the lifecycle', () => {
    const statuses = new Set<string>();
    const eventTypes = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(lifecycleSteps, executionSteps), capPercent, (sequence, capPct) => {
        const result = run(sequence, capPct);
        for (const status of result.statuses) statuses.add(status);
        for (const event of result.events) eventTypes.add(event.type);
      }),
      { numRuns: 1000, seed: 20240615 },
    );
    expect([...statuses].sort()).toEqual([...PROJECT_STATUSES].sort());
    expect([...eventTypes].sort()).toEqual(
      [
        'ProjectRegistered',
        'AppraisalStarted',
        'AppraisalPassed',
        'RevisionRequested',
        'AppraisalRejected',
        'ProjectResubmitted',
        'ProjectApproved',
        'ProjectRejected',
        'ExecutionStarted',
        'ProgressReported',
        'AdvanceDisbursed',
        'PaymentDisbursed',
        'FundsRecovered',
        'InspectionRecorded',
        'ProjectAdjusted',
        'ProjectAccepted',
        'ProjectSettled',
        'ProjectCancelled',
        'ReminderSent',
      ].sort(),
    );
  });
});

function onlyFiniteNumbers(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  return Object.values(value).every(onlyFiniteNumbers);
}

const projectAggregate: AggregateSpec<ProjectCommand, ProjectEvent, ProjectState, ProjectContext> =
  {
    decider: projectDecider,
    serde: projectSerde,
    occurredOn: occurredOnOf,
  };

describe('the project through the command loop on a real SQLite event store', () => {
  const STREAM = 'support-project-property';

  /** The same steps, each sent once, or again with the previous command id (a client retry). */
  const withRetries = fc.array(fc.boolean(), { minLength: 60, maxLength: 60 });

  it('keeps version = number of events in the stream: each accepted command appends its events, a refused or repeated one nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(lifecycleSteps, executionSteps),
        withRetries,
        async (sequence, retries) => {
          const store = new SqliteEventStore(':memory:');
          try {
            let state = projectDecider.initialState();
            let version = 0;
            let previous:
              | {
                  commandId: string;
                  command: ProjectCommand;
                  by: Actor;
                  version: number;
                  appended: boolean;
                }
              | undefined;
            for (const [index, step] of sequence.entries()) {
              const retry = retries[index % retries.length] && previous !== undefined;
              const next = retry ? previous : commandFor(step, state, 70);
              // Commands reach the loop from JSON, which has no NaN: the decider's own refusal of
              // NaN is checked above; the loop hashes the command first and cannot hash it.
              if (!next || !onlyFiniteNumbers(next.command)) continue;
              const commandId = retry && previous ? previous.commandId : `command-${index}`;
              const head = await store.headPosition();
              try {
                const outcome = await handleCommand(
                  store,
                  projectAggregate,
                  {
                    streamId: STREAM,
                    command: next.command,
                    commandId,
                    actor: next.by,
                    today: TODAY,
                  },
                  {
                    context: () => ({
                      actor: next.by,
                      today: TODAY,
                      reference: DEFAULT_REFERENCE_DATA,
                      rules: { advanceCapPercent: 70 },
                    }),
                  },
                );
                const stored = await store.readStream(STREAM);
                if (retry && previous) {
                  // A command that decided nothing (a reminder already recorded) left no trace to recognise.
                  expect({ repeated: outcome.repeated, version: outcome.version }).toEqual({
                    repeated: previous.appended,
                    version: previous.version,
                  });
                  expect(stored).toHaveLength(version);
                  continue;
                }
                expect(outcome.version).toBe(stored.length);
                expect(outcome.repeated).toBe(false);
                expect(stored.map((e) => e.version)).toEqual(stored.map((_, i) => i + 1));
                const appended = stored.length > version;
                version = stored.length;
                state = outcome.state;
                previous = { commandId, command: next.command, by: next.by, version, appended };
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
                expect(await store.headPosition()).toBe(head);
                expect(await store.readStream(STREAM)).toHaveLength(version);
              }
            }
            const stored = await store.readStream(STREAM);
            expect(verifyChain(stored).valid).toBe(true);
            expect(
              replay(
                projectDecider,
                stored.map((e) => projectSerde.deserialize(e)),
              ),
            ).toEqual(state);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('money that would leave the safe integer range', () => {
  // A total beyond the safe integers is refused as a broken rule (422), never a crash (500).
  const inExecution = run(
    Array.from({ length: 5 }, (): Step => ({ intent: { kind: 'next' }, by: 0 })),
    70,
  ).state;
  const refuses = (state: ProjectState, command: ProjectCommand) => () =>
    expect(() =>
      projectDecider.decide(command, state, {
        actor: financeOfficer,
        today: TODAY,
        reference: DEFAULT_REFERENCE_DATA,
        rules: { advanceCapPercent: 70 },
      }),
    ).toThrow(DomainError);

  it('is in execution for these checks', () => expect(inExecution.status).toBe('in_execution'));

  const afterAdvance = projectDecider.evolve(inExecution, {
    type: 'AdvanceDisbursed',
    data: { amountVnd: 1, paidOn: '2024-04-01', voucherNo: 'PC-1', recordedBy: 'u-finance' },
  });
  const acceptedAfterAdvance = projectDecider.evolve(afterAdvance, {
    type: 'ProjectAccepted',
    data: { acceptedOn: ACCEPTED_ON, notes: 'Đạt', acceptedBy: 'u-center' },
  });

  it('refuses an advance of Number.MAX_SAFE_INTEGER after a first advance with a DomainError', () =>
    refuses(afterAdvance, cmd.disburse('advance', Number.MAX_SAFE_INTEGER, '2024-04-02'))());

  it('refuses a payment of Number.MAX_SAFE_INTEGER after money went out with a DomainError', () =>
    refuses(acceptedAfterAdvance, cmd.disburse('payment', Number.MAX_SAFE_INTEGER, TODAY))());

  // With the approved funding adjusted to Number.MAX_SAFE_INTEGER (no norm caps training),
  // payments of that much, a recovery of 1 and a payment of 1 keep the NET disbursed within the
  // approved funding, but the GROSS payments would leave the safe integers: decide refuses it.
  const grossAtTheLimit = [
    {
      type: 'ProjectAdjusted',
      data: {
        decisionNo: '9/QĐ',
        reason: 'x',
        approvedFundingVnd: Number.MAX_SAFE_INTEGER,
        adjustedBy: 'u-approver',
      },
    },
    {
      type: 'ProjectAccepted',
      data: { acceptedOn: ACCEPTED_ON, notes: 'Đạt', acceptedBy: 'u-center' },
    },
    {
      type: 'PaymentDisbursed',
      data: {
        amountVnd: Number.MAX_SAFE_INTEGER,
        paidOn: TODAY,
        voucherNo: 'PC-2',
        recordedBy: 'u-finance',
      },
    },
    {
      type: 'FundsRecovered',
      data: { amountVnd: 1, paidOn: TODAY, voucherNo: 'PT-1', recordedBy: 'u-finance' },
    },
  ].reduce((s, e) => projectDecider.evolve(s, e as ProjectEvent), inExecution);

  it('refuses a payment whose gross total would leave the safe integers, though the net stays within the approved funding', () =>
    refuses(grossAtTheLimit, cmd.disburse('payment', 1, TODAY))());
});
