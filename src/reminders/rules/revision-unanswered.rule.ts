import type { BusinessDate } from '../../shared/business-date';
import type { ProjectReminderFacts } from './reminder-facts';
import type { ReminderSettings } from './reminder-settings';
import { waitedTooLongDueDate, waitedTooLongRule, type WaitedTooLong } from './waited-too-long';
import { revisionUnansweredText } from './messages.vi';

/**
 * A revision request left unanswered for more than 15 days reminds the district, once per
 * request: the request date is in the id, so a later request after a resubmission is new.
 *
 * Id: `revision-unanswered.<projectId>.<YYYY-MM-DD of the request>`.
 */
const REVISION_UNANSWERED: WaitedTooLong = {
  rule: 'revision_unanswered',
  afterDays: (settings) => settings.revisionUnanswered.afterDays,
  waitingSince: (project) =>
    project.status === 'revision_requested' ? project.revisionRequestedOn : undefined,
  recipients: 'district',
  message: ({ since, ...p }) => revisionUnansweredText({ ...p, requestedOn: since }),
};

export const revisionUnansweredReminders = waitedTooLongRule(REVISION_UNANSWERED);

/** When the rule starts reminding about the project's wait; undefined when it is not waiting. */
export const revisionUnansweredDueDate = (
  project: ProjectReminderFacts,
  settings: ReminderSettings,
): BusinessDate | undefined => waitedTooLongDueDate(REVISION_UNANSWERED, project, settings);
