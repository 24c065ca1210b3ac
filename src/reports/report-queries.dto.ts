import { ChoiceField, PatternField, QueryWholeField, type FieldDoc } from '../http/dto-fields';
import { PROGRAMME_CODE_PATTERN } from '../programmes/dto/create-programme.dto';
import { MinPositionQuery } from '../projects/dto/list-projects.query';
import { DISBURSEMENT_GROUPINGS, type DisbursementGrouping } from './disbursement-report';
import { PROGRESS_GROUPINGS, type ProgressGrouping } from './progress-report';

const ProgrammeCode = (doc: FieldDoc) =>
  PatternField(PROGRAMME_CODE_PATTERN, 'programCode must be a programme code', {
    ...doc,
    required: false,
  });

/** Filters every project report takes: a plan year and a programme. */
export class ProjectReportQuery extends MinPositionQuery {
  @QueryWholeField(1900, 2999, { example: 2022 })
  planYear?: number;

  @ProgrammeCode({
    example: 'DN-2021-2025',
    description: 'Projects of the plans of this programme',
  })
  programCode?: string;
}

/** What rows by registering unit add (the Center's own tasks on the row 75). */
const UNIT_ROWS =
  "By unit or district (its older name), each row adds unit, the unit's official code, after key; the Center's own tasks are the row 75";

export class DisbursementReportQuery extends ProjectReportQuery {
  @ChoiceField(DISBURSEMENT_GROUPINGS, {
    default: 'year',
    required: false,
    description: UNIT_ROWS,
  })
  groupBy?: DisbursementGrouping;

  @ChoiceField(['true', 'false'], {
    required: false,
    description:
      "With groupBy=unit: roll former units up to today's along their successors (a unit split among several stays itself, marked split)",
  })
  rollUp?: 'true' | 'false';
}

export class ProgressReportQuery extends ProjectReportQuery {
  @ChoiceField(PROGRESS_GROUPINGS, {
    default: 'indicator',
    required: false,
    description: UNIT_ROWS,
  })
  groupBy?: ProgressGrouping;
}

export class PlanStatusQuery extends MinPositionQuery {
  @QueryWholeField(1900, 2999, {
    example: 2022,
    description: 'One plan year; every plan when omitted',
  })
  year?: number;

  @ProgrammeCode({ example: 'DN-2021-2025' })
  programCode?: string;
}
