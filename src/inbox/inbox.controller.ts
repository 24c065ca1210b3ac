import { Controller, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SETTINGS, type Settings } from '../config/settings';
import { Clock } from '../platform/clock';
import { ReadYourWrites } from '../platform/read-your-writes';
import { READ_MODEL_DB } from '../projections/projection';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import type { CsvColumn } from '../reports/csv';
import {
  answerReport,
  ReportOutputParam,
  ReportRoute,
  type ReportCsv,
  type ReportOutput,
} from '../reports/report-response';
import { InboxResponse } from './dto/inbox.response';
import { inboxFor, type InboxItem } from './inbox';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { registeringUnits, unitCodeOf } from '../reference-data/registering-units';

/** An inbox item as answered: with its unit's official code beside the key it is recorded under. */
type AnsweredItem = InboxItem & { readonly unit: string | null };

const COLUMNS: readonly CsvColumn<AnsweredItem>[] = [
  { header: 'role', value: (i) => i.role },
  { header: 'action', value: (i) => i.action },
  { header: 'subject', value: (i) => i.subject },
  { header: 'id', value: (i) => i.id },
  { header: 'planYear', value: (i) => i.planYear },
  { header: 'district', value: (i) => i.district },
  { header: 'unit', value: (i) => i.unit },
  { header: 'status', value: (i) => i.status },
  { header: 'title', value: (i) => i.title },
  { header: 'updatedAt', value: (i) => i.updatedAt },
  { header: 'dueDate', value: (i) => i.dueDate },
  { header: 'overdue', value: (i) => i.overdue },
];

const INBOX_CSV: ReportCsv<{ readonly items: readonly AnsweredItem[] }, AnsweredItem> = {
  filename: 'inbox.csv',
  columns: COLUMNS,
  rows: (inbox) => inbox.items,
};

/** The work list: every step waiting for one of the caller's roles (and its district). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly readYourWrites: ReadYourWrites,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(READ_MODEL_DB) private readonly db: Database,
  ) {}

  @ReportRoute(
    '',
    "The steps waiting for the caller's roles (a district officer: its own district's)",
    InboxResponse,
  )
  inbox(
    @Query() query: MinPositionQuery,
    @CurrentPrincipal() principal: Principal,
    @ReportOutputParam() output: ReportOutput,
  ) {
    const reference = this.referenceData.current();
    return answerReport(this.readYourWrites, query.minPosition, output, INBOX_CSV, () => {
      const items = inboxFor(this.db, {
        roles: principal.roles,
        district: principal.district,
        units: registeringUnits(reference),
        settings: this.settings.reminders.rules,
        today: this.clock.today(),
      }).map((item) => ({
        ...item,
        // The unit's official code beside the key it is recorded under.
        unit: item.district === null ? null : unitCodeOf(reference, item.district),
      }));
      return { items, total: items.length };
    });
  }
}
