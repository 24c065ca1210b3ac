import { waitedTooLongRule } from './waited-too-long';
import { appraisalPendingText } from './messages.vi';

/**
 * A project registered (or resubmitted) more than 15 days ago whose appraisal has not started
 * reminds the Center, once per registration: the registration date is in the id, so a
 * resubmission that waits too long is reminded again.
 *
 * Id: `appraisal-pending.<projectId>.<YYYY-MM-DD of the registration>`.
 */
export const appraisalPendingReminders = waitedTooLongRule({
  rule: 'appraisal_pending',
  afterDays: (settings) => settings.appraisalPending.afterDays,
  waitingSince: (project) => (project.status === 'registered' ? project.registeredOn : undefined),
  recipients: 'center',
  message: ({ since, ...p }) => appraisalPendingText({ ...p, registeredOn: since }),
});
