import type { Database } from 'better-sqlite3';
import type { ProjectCommands } from './kernel/command-world';
import type { CommandMeta } from '../../src/kernel/command-meta';
import type { Actor, Role } from '../../src/shared/actor';

/**
 * Projects driven through the real command loop to different ends of the lifecycle, for specs
 * that compare read models built in different ways from the same log.
 */
const DISTRICTS = ['tan-phu', 'xuan-loc', 'bien-hoa'];
let commandCount = 0;

export function meta(role: Role, sub: string, district?: string): CommandMeta {
  const actor: Actor = { sub, name: `Người dùng ${sub}`, role, ...(district ? { district } : {}) };
  return { commandId: `cmd-${++commandCount}`, actor };
}

/** Drives `count` projects to different ends of the lifecycle through the real command loop. */
export async function driveProjects(service: ProjectCommands, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const district = DISTRICTS[i % DISTRICTS.length];
    const { id } = await service.register(
      {
        planYear: 2024,
        district,
        title: `Đề án số ${i}`,
        activityType: i % 2 ? 'machinery' : 'training',
        beneficiary: { name: `Cơ sở ${i}` },
        requestedFundingVnd: 100_000_000 + i * 1_000_003,
        counterpartFundingVnd: 200_000_000,
        fundingSource: i % 3 ? 'local' : 'national',
        targets: [{ indicator: 'trainees', target: 20 + i }],
        plannedStart: '2024-02-01',
        plannedEnd: '2024-11-30',
      },
      meta('district_officer', `d-${district}`, district),
    );
    const end = i % 5; // 0 registered, 1 cancelled, 2 in execution, 3 accepted, 4 settled
    if (end === 0) continue;
    if (end === 1) {
      await service.execute(
        id,
        { type: 'CancelProject', data: { reason: 'Không đủ điều kiện' } },
        meta('approver', 'a1'),
      );
      continue;
    }
    const funding = 90_000_000 + i * 7;
    await service.execute(id, { type: 'StartAppraisal', data: {} }, meta('center_officer', 'c1'));
    await service.execute(
      id,
      {
        type: 'RecordAppraisalResult',
        data: { outcome: 'passed', notes: 'Đạt', appraisedFundingVnd: funding },
      },
      meta('center_officer', 'c1'),
    );
    await service.execute(
      id,
      {
        type: 'ApproveProject',
        data: { decisionNo: `QĐ-${i}`, decisionDate: '2024-03-01', approvedFundingVnd: funding },
      },
      meta('approver', 'a1'),
    );
    await service.execute(
      id,
      { type: 'StartExecution', data: { startedOn: '2024-03-05' } },
      meta('center_officer', 'c1'),
    );
    await service.execute(
      id,
      {
        type: 'ReportProgress',
        data: {
          period: '2024-03',
          reportedOn: '2024-03-25',
          achievements: [{ indicator: 'trainees', value: i }],
        },
      },
      meta('center_officer', 'c1'),
    );
    await service.execute(
      id,
      {
        type: 'RecordDisbursement',
        data: {
          kind: 'advance',
          amountVnd: 50_000_000,
          paidOn: '2024-03-10',
          voucherNo: `TU-${i}`,
        },
      },
      meta('finance_officer', 'f1'),
    );
    if (end === 2) continue;
    await service.execute(
      id,
      { type: 'AcceptProject', data: { acceptedOn: '2024-10-01', notes: 'Đạt' } },
      meta('center_officer', 'c1'),
    );
    await service.execute(
      id,
      {
        type: 'RecordDisbursement',
        data: {
          kind: 'payment',
          amountVnd: funding - 50_000_000,
          paidOn: '2024-10-05',
          voucherNo: `TT-${i}`,
        },
      },
      meta('finance_officer', 'f1'),
    );
    if (end === 3) continue;
    await service.execute(
      id,
      {
        type: 'SettleProject',
        data: { settledAmountVnd: funding, settledOn: '2024-10-20', decisionNo: `QT-${i}` },
      },
      meta('finance_officer', 'f1'),
    );
  }
}

/** Every read-model row, in a stable order, as text. */
export function dumpReadModels(db: Database): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('events', 'streams', 'projection_checkpoints') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return tables
    .map(
      ({ name }) =>
        `${name}\n${JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all())}`,
    )
    .join('\n');
}
