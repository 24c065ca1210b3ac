import type { Role } from '../../src/shared/actor';
import {
  registrationBody,
  type ApiClient,
  type HttpResponse,
  type Json,
  type RegistrationBody,
} from './http';
import type { TestServer } from './test-server';

/**
 * Drives projects through the lifecycle over HTTP, each step by the role API.md gives it,
 * so a test can get a fresh project to the state it is about and then check one thing.
 * Every step fails loudly (status and body) when the server does not answer as expected.
 */

/** One person per role; the district officer belongs to `district`. */
export interface People {
  readonly district: string;
  /** The token subject of each person, as events record it. */
  readonly subs: Readonly<Record<Role, string>>;
  readonly districtOfficer: string;
  readonly center: string;
  readonly approver: string;
  readonly finance: string;
  readonly auditor: string;
  readonly admin: string;
}

/** The display name each role's person carries in its token (and events record). */
export const NAMES: Readonly<Record<Role, string>> = {
  district_officer: 'Nguyễn Văn Huyện',
  center_officer: 'Trần Thị Trung Tâm',
  approver: 'Lê Văn Duyệt',
  finance_officer: 'Phạm Thị Kế Toán',
  auditor: 'Võ Văn Kiểm Toán',
  admin: 'Quản Trị',
};

let peopleCounter = 0;

export async function peopleOf(server: TestServer, district = 'tan-phu'): Promise<People> {
  peopleCounter += 1;
  const subOf = (role: Role) => `${role}-${district}-${process.pid}-${peopleCounter}`;
  const subs: Record<Role, string> = {
    district_officer: subOf('district_officer'),
    center_officer: subOf('center_officer'),
    approver: subOf('approver'),
    finance_officer: subOf('finance_officer'),
    auditor: subOf('auditor'),
    admin: subOf('admin'),
  };
  const tokenFor = (role: Role) =>
    server.token(role, {
      sub: subs[role],
      name: NAMES[role],
      ...(role === 'district_officer' && { district }),
    });
  const [districtOfficer, center, approver, finance, auditor, admin] = await Promise.all([
    tokenFor('district_officer'),
    tokenFor('center_officer'),
    tokenFor('approver'),
    tokenFor('finance_officer'),
    tokenFor('auditor'),
    tokenFor('admin'),
  ]);
  return { district, subs, districtOfficer, center, approver, finance, auditor, admin };
}

/** The token of `role` among `people`. */
export function tokenOf(people: People, role: Role): string {
  const byRole: Record<Role, string> = {
    district_officer: people.districtOfficer,
    center_officer: people.center,
    approver: people.approver,
    finance_officer: people.finance,
    auditor: people.auditor,
    admin: people.admin,
  };
  return byRole[role];
}

/** Business dates of the steps, in order, all in the past (steps may not be dated ahead). */
export const DAY = {
  decision: '2024-04-10',
  started: '2024-04-15',
  advance: '2024-05-02',
  inspected: '2024-07-03',
  accepted: '2024-11-28',
  payment: '2024-12-05',
  settled: '2024-12-15',
} as const;

export interface CommandResult {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly position: string;
}

export class UnexpectedResponse extends Error {
  constructor(what: string, expected: number, response: HttpResponse) {
    super(`${what}: expected HTTP ${expected}, got ${response.status} ${response.text}`);
    this.name = 'UnexpectedResponse';
  }
}

export function expectStatus(what: string, response: HttpResponse, expected: number): Json {
  if (response.status !== expected) throw new UnexpectedResponse(what, expected, response);
  return response.body;
}

/** The statuses a fresh project can be driven to by `ProjectSteps.fresh`. */
export type ReachableStatus =
  'registered' | 'under_appraisal' | 'appraised' | 'approved' | 'in_execution' | 'accepted';

const ORDER: readonly ReachableStatus[] = [
  'registered',
  'under_appraisal',
  'appraised',
  'approved',
  'in_execution',
  'accepted',
];

export class ProjectSteps {
  constructor(
    private readonly api: ApiClient,
    private readonly people: People,
  ) {}

  async register(
    overrides: Partial<RegistrationBody> = {},
    token = this.people.districtOfficer,
  ): Promise<CommandResult> {
    const body = registrationBody(this.people.district, overrides);
    return expectStatus('register', await this.api.post('/projects', body, { token }), 201);
  }

  async startAppraisal(id: string): Promise<CommandResult> {
    return this.step('start appraisal', id, 'appraisal/start', undefined, this.people.center);
  }

  async passAppraisal(id: string, appraisedFundingVnd: number): Promise<CommandResult> {
    const body = { outcome: 'passed', notes: 'Hội đồng thẩm định thống nhất', appraisedFundingVnd };
    return this.step('pass appraisal', id, 'appraisal/result', body, this.people.center);
  }

  async approve(
    id: string,
    approvedFundingVnd: number,
    token = this.people.approver,
  ): Promise<CommandResult> {
    const body = { decisionNo: '1234/QĐ-UBND', decisionDate: DAY.decision, approvedFundingVnd };
    return this.step('approve', id, 'approval', body, token);
  }

  async startExecution(id: string): Promise<CommandResult> {
    return this.step(
      'start execution',
      id,
      'execution/start',
      { startedOn: DAY.started },
      this.people.center,
    );
  }

  /** A monthly report, sent on the 24th of its month. */
  async reportProgress(
    id: string,
    period: string,
    achievements: { indicator: string; value: number }[],
  ): Promise<CommandResult> {
    const body = { period, reportedOn: `${period}-24`, achievements };
    return this.step('report progress', id, 'progress-reports', body, this.people.districtOfficer);
  }

  async disburse(
    id: string,
    kind: 'advance' | 'payment' | 'recovery',
    amountVnd: number,
    paidOn: string,
  ): Promise<CommandResult> {
    const body = { kind, amountVnd, paidOn, voucherNo: `UNC-${kind}-${amountVnd}` };
    return this.step(`record ${kind}`, id, 'disbursements', body, this.people.finance);
  }

  async inspect(id: string): Promise<CommandResult> {
    const body = {
      inspectedOn: DAY.inspected,
      findings: 'Lớp học đúng kế hoạch',
      outcome: 'satisfactory',
    };
    return this.step('inspect', id, 'inspections', body, this.people.center);
  }

  async adjust(id: string, changes: Json): Promise<CommandResult> {
    const body = { decisionNo: '88/QĐ-SCT', reason: 'Điều chỉnh theo thực tế', ...changes };
    return this.step('adjust', id, 'adjustments', body, this.people.approver);
  }

  async accept(id: string): Promise<CommandResult> {
    const body = { acceptedOn: DAY.accepted, notes: 'Nghiệm thu đạt yêu cầu' };
    return this.step('accept', id, 'acceptance', body, this.people.center);
  }

  async settle(id: string, settledAmountVnd: number): Promise<CommandResult> {
    const body = { settledAmountVnd, settledOn: DAY.settled, decisionNo: '15/QĐ-TTKC' };
    return this.step('settle', id, 'settlement', body, this.people.finance);
  }

  async cancel(id: string, reason = 'Không còn đối tượng đủ điều kiện'): Promise<CommandResult> {
    return this.step('cancel', id, 'cancellation', { reason }, this.people.approver);
  }

  /**
   * A new project driven to `status` with `fundingVnd` appraised and approved. Returns the
   * last command's result (its version and position).
   */
  async fresh(
    status: ReachableStatus,
    fundingVnd = 180_000_000,
    overrides: Partial<RegistrationBody> = {},
  ): Promise<CommandResult> {
    const upTo = ORDER.indexOf(status);
    let last = await this.register(overrides);
    const { id } = last;
    const steps: (() => Promise<CommandResult>)[] = [
      () => this.startAppraisal(id),
      () => this.passAppraisal(id, fundingVnd),
      () => this.approve(id, fundingVnd),
      () => this.startExecution(id),
      () => this.accept(id),
    ];
    for (const step of steps.slice(0, upTo)) last = await step();
    if (last.status !== status)
      throw new Error(`Project ${id} reached ${last.status}, not ${status}`);
    return last;
  }

  private async step(
    what: string,
    id: string,
    path: string,
    body: unknown,
    token: string,
  ): Promise<CommandResult> {
    return expectStatus(what, await this.api.post(`/projects/${id}/${path}`, body, { token }), 200);
  }
}
