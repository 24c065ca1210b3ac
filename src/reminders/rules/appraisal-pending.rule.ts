import type { BusinessDate } from '../../shared/business-date';
import type { ProjectReminderFacts } from './reminder-facts';
import type { ReminderSettings } from './reminder-settings';
import { waitedTooLongDueDate, waitedTooLongRule, type WaitedTooLong } from './waited-too-long';
import { appraisalPendingText } from './messages.vi';

/**
 * A project registered (or resubmitted) more than 15 days ago whose appraisal has not started
 * reminds the Center, once per registration: the registration date is in the id, so a
 * resubmission that waits too long is reminded again.
 *
 * Id: `appraisal-pending.<projectId>.<YYYY-MM-DD of the registration>`.
 */
const APPRAISAL_PENDING: WaitedTooLong = {
  rule: 'appraisal_pending',
  afterDays: (settings) => settings.appraisalPending.afterDays,
  waitingSince: (project) => (project.status === 'registered' ? project.registeredOn : undefined),
  recipients: 'center',
  message: ({ since, ...p }) => appraisalPendingText({ ...p, registeredOn: since }),
};

export const appraisalPendingReminders = waitedTooLongRule(APPRAISAL_PENDING);

/** When the rule starts reminding about the project's wait; undefined when it is not waiting. */
export const appraisalPendingDueDate = (
  project: ProjectReminderFacts,
  settings: ReminderSettings,
): BusinessDate | undefined => waitedTooLongDueDate(APPRAISAL_PENDING, project, settings);
