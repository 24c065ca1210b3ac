import type { DomainEventShape } from '../event-store/serde/event-serde';
import type { Aggregate, AggregateState } from '../kernel/aggregate';
import type { CommandKernel } from '../kernel/command-kernel';
import { derivedId } from '../kernel/command-ids';
import { commandHashOf } from '../kernel/command-loop';
import type { Actor } from '../shared/actor';
import type { ReminderSentData } from '../shared/reminder-sent';

/**
 * Who the reminders are when they write: every delivery is recorded in the subject's history
 * by this actor, with a command id derived from the record. Both belong to the reminders, not
 * to the features whose streams they write to.
 */

/** Who records delivered reminders in the history. */
export const REMINDER_SYSTEM_ACTOR: Actor = {
  sub: 'system:reminders',
  name: 'Nhắc việc tự động',
  role: 'admin',
};

/**
 * The command id of recording one delivery: the same record made twice (a worker that ran
 * again) is one command; another record of the same reminder (a later attempt, other
 * channels) is another command, which the decider answers with nothing because the reminder
 * id is already in the history.
 */
export function reminderRecordCommandId(record: ReminderSentData): string {
  return derivedId(`${record.reminderId}\n${commandHashOf(record)}`, 'reminder-sent');
}

/** The command metadata of recording `record`: the reminders' actor, the derived id. */
export function reminderRecordMeta(record: ReminderSentData): {
  readonly commandId: string;
  readonly actor: Actor;
} {
  return { commandId: reminderRecordCommandId(record), actor: REMINDER_SYSTEM_ACTOR };
}

/** The command every subject's aggregate takes to record a delivery in its history. */
export interface RecordReminderSent {
  readonly type: 'RecordReminderSent';
  readonly data: ReminderSentData;
}

/**
 * Records `record` in the history of the subject `key` of `aggregate`, as the reminders (their
 * actor, a command id derived from the record), not as a person.
 */
export async function recordReminderSentIn<
  C,
  E extends DomainEventShape,
  S extends AggregateState,
  Ctx,
>(
  kernel: CommandKernel,
  aggregate: Aggregate<C | RecordReminderSent, E, S, Ctx>,
  key: string,
  record: ReminderSentData,
): Promise<void> {
  const command: RecordReminderSent = { type: 'RecordReminderSent', data: record };
  await kernel.run(aggregate, key, command, reminderRecordMeta(record));
}
