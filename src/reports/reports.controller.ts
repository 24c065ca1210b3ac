import { Controller, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { CurrentActor } from '../auth/auth.decorators';
import { boundDistrict } from '../auth/district-scope';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB } from '../projections/projection';
import { disbursementReport } from './disbursement-report';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import type { Actor } from '../shared/actor';
import { planStatusReport } from './plan-status-report';
import { progressReport } from './progress-report';
import { DISBURSEMENT_COLUMNS, PLAN_STATUS_COLUMNS, PROGRESS_COLUMNS } from './report-columns';
import {
  DisbursementReportQuery,
  PlanStatusQuery,
  ProgressReportQuery,
} from './report-queries.dto';
import { jsonOrCsv, ReportOutputParam, ReportRoute, type ReportOutput } from './report-response';

/** Reports from the read models, as JSON or (Accept: text/csv) as CSV. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly referenceData: ReferenceDataService,
    @Inject(READ_MODEL_DB) private readonly db: Database,
  ) {}

  @ReportRoute(
    'disbursement',
    'Approved, disbursed and settled VND with the disbursement rate, by year, district, activity type, funding source or programme',
  )
  async disbursement(
    @Query() query: DisbursementReportQuery,
    @CurrentActor() actor: Actor,
    @ReportOutputParam() output: ReportOutput,
  ) {
    await this.readYourWrites.reach(query.minPosition);
    const report = disbursementReport(this.db, query.groupBy ?? 'year', {
      planYear: query.planYear,
      programCode: query.programCode,
      district: boundDistrict(actor),
    });
    return jsonOrCsv(output, report, {
      filename: 'disbursement.csv',
      columns: DISBURSEMENT_COLUMNS,
      rows: (r) => [...r.rows, r.total],
    });
  }

  @ReportRoute(
    'progress',
    "Indicator targets against achievements by indicator, district or year (live projects; a programme's own targets by indicator)",
  )
  async progress(
    @Query() query: ProgressReportQuery,
    @CurrentActor() actor: Actor,
    @ReportOutputParam() output: ReportOutput,
  ) {
    await this.readYourWrites.reach(query.minPosition);
    const report = progressReport(this.db, query.groupBy ?? 'indicator', {
      planYear: query.planYear,
      programCode: query.programCode,
      district: boundDistrict(actor),
    });
    return jsonOrCsv(output, report, {
      filename: 'progress.csv',
      columns: PROGRESS_COLUMNS,
      rows: (r) => r.rows,
    });
  }

  @ReportRoute(
    'plan-status',
    "Each district's registration for each yearly plan: submitted, late or missing",
  )
  async planStatus(
    @Query() query: PlanStatusQuery,
    @CurrentActor() actor: Actor,
    @ReportOutputParam() output: ReportOutput,
  ) {
    await this.readYourWrites.reach(query.minPosition);
    const report = planStatusReport(
      this.db,
      { year: query.year, programCode: query.programCode, district: boundDistrict(actor) },
      Object.keys(this.referenceData.current().districts),
    );
    return jsonOrCsv(output, report, {
      filename: 'plan-status.csv',
      columns: PLAN_STATUS_COLUMNS,
      rows: (r) => r.rows,
    });
  }
}
