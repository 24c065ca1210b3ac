import {
  BusinessDate,
  Choice,
  Flag,
  Instant,
  Nested,
  Text,
  Whole,
} from '../../http/openapi/response-fields';
import { ROLES } from '../../shared/actor';
import type { InboxAction } from '../inbox';

const ACTIONS: Readonly<Record<InboxAction, true>> = {
  start_appraisal: true,
  record_appraisal_result: true,
  resubmit: true,
  decide_approval: true,
  start_execution: true,
  accept: true,
  settle: true,
  recover_funds: true,
  submit_registration: true,
  compile_plan: true,
  approve_plan: true,
};

/** inbox.ts `InboxItem`, with the unit's official code. */
export class InboxItemResponse {
  @Choice(ROLES, { description: 'The role the step waits on' })
  role!: string;

  @Choice(Object.keys(ACTIONS))
  action!: string;

  @Choice(['project', 'plan'])
  subject!: string;

  @Text({ description: 'The project id, or the plan year' })
  id!: string;

  @Whole()
  planYear!: number;

  @Text({
    nullable: true,
    description: 'The registering unit by its recorded key; null for a step on the whole plan',
  })
  district!: string | null;

  @Text({ nullable: true, description: "That unit's official code" })
  unit!: string | null;

  @Text()
  status!: string;

  @Text()
  title!: string;

  @Instant({ description: 'When the subject last changed: the oldest waits longest' })
  updatedAt!: string;

  @BusinessDate({
    nullable: true,
    description:
      'The day the reminder rules start reminding about this step (from it the step is late): registered more than the appraisal-pending days ago, a revision request unanswered as long, the planned end plus the grace days passed, the settlement dossier or year-end deadline, the day after the registration deadline. Null where no rule watches the step.',
  })
  dueDate!: string | null;

  @Flag({ description: 'Today (Asia/Ho_Chi_Minh) is on or after `dueDate`' })
  overdue!: boolean;
}

export class InboxResponse {
  @Nested(() => InboxItemResponse, { isArray: true })
  items!: InboxItemResponse[];

  @Whole({ minimum: 0 })
  total!: number;
}
