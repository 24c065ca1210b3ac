import { projectAccess } from './project.access';
import { PATH_METADATA } from '@nestjs/common/constants';
import fc from 'fast-check';
import { RouteRoles } from '../../auth/auth.decorators';
import type { Actor, Role } from '../../shared/actor';
import { DomainError } from '../../shared/domain-error';
import { periodOf } from '../../shared/business-date';
import { ProjectsController } from '../projects.controller';
import {
  approver,
  centerOfficer,
  contextFor,
  districtOfficer,
  ev,
  financeOfficer,
  historyOf,
  TODAY,
} from '../../../test/support/projects/project-fixtures';
import {
  ACTION_PATHS,
  ACTION_ROLES,
  COMMAND_OF,
  availableProjectActions,
  type ActionField,
  type AvailableAction,
  type ProjectActionName,
} from './project.actions';
import type { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent } from './project.events';
import { netDisbursedVnd } from './project.money-rules';
import { type ProjectState } from './project.state';

/**
 * The actions offered are exactly the steps the decider accepts: for every state and every
 * caller below, each action offered, posted with values within its limits, is decided without
 * a refusal, and each step not offered is refused (by the route's roles, the unit's scope, or
 * the decider).
 */

const context = contextFor(centerOfficer);
const fold = (events: readonly ProjectEvent[]): ProjectState =>
  events.reduce(projectDecider.evolve, projectDecider.initialState());

const advanced = (amount: number, recordedBy = financeOfficer.sub) =>
  ev.advance(amount, '2024-04-01', 'PC-001', recordedBy);

/** The states: every status by the usual road, and the money cases where limits bind. */
const HISTORIES: Readonly<Record<string, readonly ProjectEvent[]>> = {
  ...historyOf,
  'in execution, part advanced': [...historyOf.in_execution, advanced(100_000_000)],
  'in execution, advanced to the cap': [...historyOf.in_execution, advanced(140_000_000)],
  'in execution, advanced by a center officer': [
    ...historyOf.in_execution,
    advanced(10_000_000, centerOfficer.sub),
  ],
  'accepted after an advance': [...historyOf.in_execution, advanced(140_000_000), ev.accepted()],
  'accepted and paid in full': [
    ...historyOf.in_execution,
    advanced(140_000_000),
    ev.accepted(),
    ev.payment(60_000_000),
  ],
  'cancelled after an advance': [
    ...historyOf.in_execution,
    advanced(50_000_000),
    ev.cancelled(50_000_000),
  ],
  'adjusted by the approver': [
    ...historyOf.in_execution,
    ev.adjusted({ approvedFundingVnd: 180_000_000 }),
  ],
};

const otherUnitOfficer: Actor = {
  sub: 'u-long-khanh',
  name: 'Officer',
  role: 'district_officer',
  district: 'long-khanh',
};
const as = (actor: Actor, role: Role): Actor => ({ sub: actor.sub, name: actor.name, role });

/** Callers: one per role, a second Center officer, and people holding two roles. */
const CALLERS: Readonly<Record<string, readonly Actor[]>> = {
  'the unit officer': [districtOfficer],
  "another unit's officer": [otherUnitOfficer],
  'the Center officer': [centerOfficer],
  'another Center officer': [{ ...centerOfficer, sub: 'u-center-2' }],
  'the approver': [approver],
  'the finance officer': [financeOfficer],
  'an auditor': [{ sub: 'u-auditor', name: 'Auditor', role: 'auditor' }],
  'an admin': [{ sub: 'u-admin', name: 'Admin', role: 'admin' }],
  'the appraiser, also an approver': [centerOfficer, as(centerOfficer, 'approver')],
  'the appraiser, also in finance': [centerOfficer, as(centerOfficer, 'finance_officer')],
  'an approver, also at the Center': [approver, as(approver, 'center_officer')],
};

const ACTIONS = Object.keys(COMMAND_OF) as ProjectActionName[];

/** The command an action's form posts, as the route hands it to the decider. */
function commandOf(action: ProjectActionName, data: Record<string, unknown>): ProjectCommand {
  const type = COMMAND_OF[action];
  return (
    type === 'ResubmitProject' ? { type, data: { changes: data } } : { type, data }
  ) as ProjectCommand;
}

/** Values a person would type within a field's limits: dates today, amounts anywhere allowed. */
function valueOf(field: ActionField): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'vnd':
    case 'integer': {
      // The limits themselves, always, and anything between them.
      const min = Number(field.min ?? 0);
      const max = Number(field.max ?? min + 1_000_000_000);
      return fc.oneof(fc.constant(min), fc.constant(max), fc.integer({ min, max }));
    }
    case 'text':
      return fc.constantFrom('Số 12/QĐ-SCT', 'Đạt yêu cầu', 'x'.repeat(field.maxLength ?? 10));
    case 'date':
      return fc.constant(field.max ?? TODAY);
    case 'period':
      return fc.constantFrom(field.min, field.max).filter((p) => p !== undefined);
    case 'choice':
      return fc.constantFrom(...(field.choices ?? []).map((c) => c.value));
    case 'achievements':
      return fc.tuple(
        ...(field.choices ?? []).map((c) =>
          fc.integer({ min: 0, max: 1000 }).map((value) => ({ indicator: c.value, value })),
        ),
      );
    case 'boolean':
      return fc.boolean();
  }
}

/** The body of a form filled in: the required fields, and an adjustment's new amount. */
function formOf(offered: AvailableAction): fc.Arbitrary<Record<string, unknown>> {
  const filled = offered.fields.filter(
    (f) =>
      f.required ||
      (offered.action === 'adjust' &&
        f.name === 'approvedFundingVnd' &&
        Number(f.min) <= Number(f.max)),
  );
  if (offered.action === 'adjust' && !filled.some((f) => f.name === 'approvedFundingVnd'))
    filled.push(offered.fields.find((f) => f.name === 'plannedEnd')!);
  return fc
    .record(Object.fromEntries(filled.map((f) => [f.name, valueOf(f)])))
    .map((values) => ({ ...offered.body, ...values }));
}

/** The least a caller could post for a step it is not offered: it must still be refused. */
function leastOf(action: ProjectActionName, state: ProjectState): Record<string, unknown> {
  const net = 'disbursed' in state ? netDisbursedVnd(state.disbursed) : 0;
  const voucher = { paidOn: TODAY, voucherNo: 'PC-9' };
  const least: Record<ProjectActionName, Record<string, unknown>> = {
    start_appraisal: {},
    pass_appraisal: { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: 1 },
    request_revision: { outcome: 'revision_requested', notes: 'Bổ sung' },
    reject_appraisal: { outcome: 'rejected', notes: 'Không đạt' },
    resubmit: {},
    approve: { decisionNo: '1/QĐ', decisionDate: TODAY, approvedFundingVnd: 1 },
    reject: { reason: 'Không phù hợp' },
    start_execution: { startedOn: TODAY },
    report_progress: { period: periodOf(TODAY), reportedOn: TODAY, achievements: [] },
    record_advance: { kind: 'advance', amountVnd: 1, ...voucher },
    record_payment: { kind: 'payment', amountVnd: 1, ...voucher },
    record_recovery: { kind: 'recovery', amountVnd: 1, ...voucher },
    inspect: { inspectedOn: TODAY, findings: 'Đạt', outcome: 'satisfactory' },
    adjust: { decisionNo: '2/QĐ', reason: 'Điều chỉnh', plannedEnd: '2024-12-31' },
    accept: { acceptedOn: TODAY, notes: 'Đạt' },
    settle: { settledAmountVnd: net, settledOn: TODAY, decisionNo: '3/QĐ' },
    cancel: { reason: 'Không còn phù hợp' },
  };
  return least[action];
}

/** Why a step would be refused over HTTP, or undefined when it would be accepted. */
function refusal(
  state: ProjectState,
  callers: readonly Actor[],
  action: ProjectActionName,
  data: Record<string, unknown>,
): string | undefined {
  const actor = callers.find((c) => ACTION_ROLES[action].includes(c.role));
  if (actor === undefined) return '403 role_not_allowed';
  // What ProjectAggregate.authorize refuses before the decider is asked.
  const access = projectAccess(state, commandOf(action, data), actor, context.reference);
  if (access !== 'allowed') return access;
  try {
    projectDecider.decide(commandOf(action, data), state, { ...context, actor });
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

describe('the actions a caller is offered', () => {
  const cases = Object.entries(HISTORIES).flatMap(([stateName, history]) =>
    Object.entries(CALLERS).map(([callerName, callers]) => ({
      stateName,
      callerName,
      state: fold(history),
      callers,
    })),
  );

  it.each(cases)(
    '$stateName, for $callerName: each offered is accepted within its limits, the others refused',
    ({ state, callers }) => {
      const offered = availableProjectActions(state, callers, context);
      for (const action of offered) {
        fc.assert(
          fc.property(formOf(action), (body) => {
            expect({
              action: action.action,
              body,
              refusal: refusal(state, callers, action.action, body),
            }).toEqual({
              action: action.action,
              body,
              refusal: undefined,
            });
          }),
          { numRuns: 15 },
        );
      }
      const names = new Set(offered.map((a) => a.action));
      for (const action of ACTIONS.filter((a) => !names.has(a))) {
        const why = refusal(state, callers, action, leastOf(action, state));
        expect({ action, refused: why !== undefined }).toEqual({ action, refused: true });
      }
    },
  );

  it('offers the limits the server knows: appraisal within request and norm, advance within the cap left, settlement the net', () => {
    const underAppraisal = availableProjectActions(
      fold(historyOf.under_appraisal),
      [centerOfficer],
      context,
    );
    expect(underAppraisal.find((a) => a.action === 'pass_appraisal')).toMatchObject({
      label: 'Thông qua thẩm định',
      method: 'POST',
      body: { outcome: 'passed' },
      fields: [
        { name: 'appraisedFundingVnd', type: 'vnd', required: true, min: 1, max: 200_000_000 },
        { name: 'notes', type: 'text', required: true, maxLength: 5000 },
      ],
    });
    const partAdvanced = fold(HISTORIES['in execution, part advanced']);
    const advance = availableProjectActions(partAdvanced, [financeOfficer], context).find(
      (a) => a.action === 'record_advance',
    );
    expect(advance?.fields[0]).toMatchObject({ name: 'amountVnd', min: 1, max: 40_000_000 });
    const accepted = fold(HISTORIES['accepted after an advance']);
    const finance = availableProjectActions(accepted, [financeOfficer], context);
    expect(finance.map((a) => a.action)).toEqual(['record_payment', 'record_recovery', 'settle']);
    expect(finance[0].fields[0]).toMatchObject({ min: 1, max: 60_000_000 });
    expect(finance[2].fields[0]).toMatchObject({ min: 140_000_000, max: 140_000_000 });
    expect(finance[2].path).toBe(
      `/projects/${accepted.status !== 'unregistered' && accepted.dossier.projectId}/settlement`,
    );
  });

  it('offers the appraiser no decision segregation of duties bars, whatever roles it holds', () => {
    const appraised = fold(historyOf.appraised);
    expect(
      availableProjectActions(appraised, CALLERS['the appraiser, also an approver'], context).map(
        (a) => a.action,
      ),
    ).toEqual(['cancel']);
    expect(availableProjectActions(appraised, [approver], context).map((a) => a.action)).toEqual([
      'approve',
      'reject',
      'cancel',
    ]);
  });

  it('takes its roles and paths from the routes themselves', () => {
    const METHOD_OF: Readonly<Record<ProjectActionName, keyof ProjectsController>> = {
      start_appraisal: 'startAppraisal',
      pass_appraisal: 'appraisalResult',
      request_revision: 'appraisalResult',
      reject_appraisal: 'appraisalResult',
      resubmit: 'resubmit',
      approve: 'approve',
      reject: 'reject',
      start_execution: 'startExecution',
      report_progress: 'reportProgress',
      record_advance: 'disburse',
      record_payment: 'disburse',
      record_recovery: 'disburse',
      inspect: 'inspect',
      adjust: 'adjust',
      accept: 'accept',
      settle: 'settle',
      cancel: 'cancel',
    };
    for (const action of ACTIONS) {
      const handler = ProjectsController.prototype[METHOD_OF[action]] as object;
      expect({ action, roles: Reflect.getMetadata(RouteRoles.KEY, handler) }).toEqual({
        action,
        roles: ACTION_ROLES[action],
      });
      expect({ action, path: Reflect.getMetadata(PATH_METADATA, handler) }).toEqual({
        action,
        path: `:id/${ACTION_PATHS[action]}`,
      });
    }
  });
});
