import { DEFAULT_REFERENCE_DATA } from '../../reference-data/default-reference-data';
import { planStatusReport } from '../../reports/plan-status-report';
import { approver, center, planLog } from '../../../test/support/plans/plan-log';
import {
  itRebuildsTheSameRows,
  rowsOf,
  useReadModelLog,
} from '../../../test/support/read-models/replay-log';
import { PlanProjection } from './plan.projection';

const DISTRICTS = Object.keys(DEFAULT_REFERENCE_DATA.districts);
const TABLES = ['plan_summary', 'plan_registrations'];

describe('the yearly plan read model', () => {
  const { plan, openPlan, submit } = planLog(() => fixture.log);
  const fixture = useReadModelLog(
    () => [new PlanProjection()],
    async () => {
      await openPlan(2022, '2021-05-20', '2021-04-01');
      await submit(2022, 'xuan-loc', '2021-05-10');
      await submit(2022, 'tan-phu', '2021-05-20'); // the deadline day itself is on time
      await submit(2022, 'cam-my', '2021-05-27'); // late
      await submit(2022, 'xuan-loc', '2021-05-28'); // a later submission replaces the first, and is late
      await plan(2022, { type: 'CompilePlan', data: {} }, center, '2021-06-01');
      await plan(
        2022,
        { type: 'ApprovePlan', data: { decisionNo: '1402/QĐ-UBND', decisionDate: '2021-06-15' } },
        approver,
        '2021-06-20',
      );
      await openPlan(2023, '2022-05-20', '2022-04-01');
      await submit(2023, 'bien-hoa', '2022-05-02');
    },
  );

  it('holds each plan with its programme and status, and each district that registered', () => {
    const rows = rowsOf(fixture.live.db, TABLES);
    expect(rows.plan_summary).toEqual([
      expect.objectContaining({
        year: 2022,
        program_code: 'DN-2021-2025',
        status: 'approved',
        compiled_on: '2021-06-01',
        decision_no: '1402/QĐ-UBND',
        version: 7,
      }),
      expect.objectContaining({
        year: 2023,
        program_code: 'DN-2021-2025',
        status: 'open',
        compiled_on: null,
        version: 2,
      }),
    ]);
    expect(rows.plan_registrations).toEqual([
      {
        year: 2022,
        district: 'cam-my',
        late: 1,
        submitted_on: '2021-05-27',
        submissions: 1,
        project_count: 0,
      },
      {
        year: 2022,
        district: 'tan-phu',
        late: 0,
        submitted_on: '2021-05-20',
        submissions: 1,
        project_count: 0,
      },
      {
        year: 2022,
        district: 'xuan-loc',
        late: 1,
        submitted_on: '2021-05-28',
        submissions: 2,
        project_count: 0,
      },
      {
        year: 2023,
        district: 'bien-hoa',
        late: 0,
        submitted_on: '2022-05-02',
        submissions: 1,
        project_count: 0,
      },
    ]);
  });

  it('reports every known district as submitted, late or missing', () => {
    const { rows } = planStatusReport(fixture.live.db, { year: 2022 }, () => DISTRICTS);
    expect(rows).toHaveLength(DISTRICTS.length);
    const status = Object.fromEntries(rows.map((r) => [r.district, r.status]));
    expect(status).toEqual({
      ...Object.fromEntries(DISTRICTS.map((d) => [d, 'missing'])),
      'xuan-loc': 'late',
      'tan-phu': 'submitted',
      'cam-my': 'late',
    });
    expect(
      planStatusReport(fixture.live.db, { district: 'bien-hoa' }, () => DISTRICTS).rows,
    ).toEqual([
      expect.objectContaining({
        year: 2022,
        district: 'bien-hoa',
        status: 'missing',
        submittedOn: null,
      }),
      expect.objectContaining({
        year: 2023,
        district: 'bien-hoa',
        status: 'submitted',
        submittedOn: '2022-05-02',
        planStatus: 'open',
      }),
    ]);
  });

  itRebuildsTheSameRows(fixture, TABLES);
});
