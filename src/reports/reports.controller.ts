import { Controller, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { CurrentActor } from '../auth/auth.decorators';
import { boundDistrict } from '../auth/district-scope';
import { Clock } from '../platform/clock';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB } from '../projections/projection';
import { disbursementByUnitRolledUp, disbursementReport } from './disbursement-report';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { registeringKeysIn, rollUpUnit, unitCodeOf } from '../reference-data/registering-units';
import type { Actor } from '../shared/actor';
import {
  DisbursementReportResponse,
  PlanStatusReportResponse,
  ProgressReportResponse,
} from './dto/report.response';
import { planStatusReport } from './plan-status-report';
import { progressReport } from './progress-report';
import {
  DISBURSEMENT_BY_UNIT_CSV,
  DISBURSEMENT_CSV,
  PLAN_STATUS_CSV,
  PROGRESS_BY_UNIT_CSV,
  PROGRESS_CSV,
} from './report-columns';
import type { ReferenceData } from '../reference-data/reference-data';
import {
  DisbursementReportQuery,
  PlanStatusQuery,
  ProgressReportQuery,
} from './report-queries.dto';
import { answerReport, ReportOutputParam, ReportRoute, type ReportOutput } from './report-response';

/** Reports from the read models, as JSON or (Accept: text/csv) as CSV. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
    @Inject(READ_MODEL_DB) private readonly db: Database,
  ) {}

  @ReportRoute(
    'disbursement',
    'Approved, disbursed and settled VND with the disbursement rate, by year, district, activity type, funding source or programme',
    DisbursementReportResponse,
  )
  disbursement(
    @Query() query: DisbursementReportQuery,
    @CurrentActor() actor: Actor,
    @ReportOutputParam() output: ReportOutput,
  ) {
    const filter = {
      planYear: query.planYear,
      programCode: query.programCode,
      district: boundDistrict(actor),
    };
    const groupBy = query.groupBy ?? 'year';
    if (!byUnit(groupBy))
      return answerReport(this.readYourWrites, query.minPosition, output, DISBURSEMENT_CSV, () =>
        disbursementReport(this.db, groupBy, filter),
      );
    const reference = this.referenceData.current();
    return answerReport(
      this.readYourWrites,
      query.minPosition,
      output,
      DISBURSEMENT_BY_UNIT_CSV,
      () => {
        const today = this.clock.today();
        const report =
          groupBy === 'unit' && query.rollUp === 'true'
            ? disbursementByUnitRolledUp(this.db, filter, (key, year) =>
                rollUpUnit(reference, key, year, today),
              )
            : disbursementReport(this.db, groupBy, filter);
        return { ...report, rows: withUnitCodes(reference, report.rows) };
      },
    );
  }

  @ReportRoute(
    'progress',
    "Indicator targets against achievements by indicator, district or year (live projects; a programme's own targets by indicator)",
    ProgressReportResponse,
  )
  progress(
    @Query() query: ProgressReportQuery,
    @CurrentActor() actor: Actor,
    @ReportOutputParam() output: ReportOutput,
  ) {
    const groupBy = query.groupBy ?? 'indicator';
    const filter = {
      planYear: query.planYear,
      programCode: query.programCode,
      district: boundDistrict(actor),
    };
    if (!byUnit(groupBy))
      return answerReport(this.readYourWrites, query.minPosition, output, PROGRESS_CSV, () =>
        progressReport(this.db, groupBy, filter),
      );
    const reference = this.referenceData.current();
    return answerReport(
      this.readYourWrites,
      query.minPosition,
      output,
      PROGRESS_BY_UNIT_CSV,
      () => {
        const report = progressReport(this.db, groupBy, filter);
        return { ...report, rows: withUnitCodes(reference, report.rows) };
      },
    );
  }

  @ReportRoute(
    'plan-status',
    "Each district's registration for each yearly plan: submitted, late or missing",
    PlanStatusReportResponse,
  )
  planStatus(
    @Query() query: PlanStatusQuery,
    @CurrentActor() actor: Actor,
    @ReportOutputParam() output: ReportOutput,
  ) {
    const reference = this.referenceData.current();
    return answerReport(this.readYourWrites, query.minPosition, output, PLAN_STATUS_CSV, () => {
      const { rows } = planStatusReport(
        this.db,
        { year: query.year, programCode: query.programCode, district: boundDistrict(actor) },
        (year) => registeringKeysIn(reference, year),
      );
      // The unit's official code beside the key its registration is recorded under.
      return { rows: rows.map((row) => ({ ...row, unit: unitCodeOf(reference, row.district) })) };
    });
  }
}

/** Rows keyed by registering unit: by `unit`, or by `district`, its older name. */
const byUnit = (groupBy: string): groupBy is 'unit' | 'district' =>
  groupBy === 'unit' || groupBy === 'district';

/** Each row's unit by its official code beside the key it is recorded under (`bien-hoa`: `731`). */
function withUnitCodes<Row extends { readonly key: string }>(
  reference: ReferenceData,
  rows: readonly Row[],
): (Row & { unit: string })[] {
  return rows.map(
    ({ key, ...rest }) =>
      ({ key, unit: unitCodeOf(reference, key), ...rest }) as Row & { unit: string },
  );
}
