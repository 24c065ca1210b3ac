import { waitedTooLongRule } from './waited-too-long';
import { revisionUnansweredText } from './messages.vi';

/**
 * A revision request left unanswered for more than 15 days reminds the district, once per
 * request: the request date is in the id, so a later request after a resubmission is new.
 *
 * Id: `revision-unanswered.<projectId>.<YYYY-MM-DD of the request>`.
 */
export const revisionUnansweredReminders = waitedTooLongRule({
  rule: 'revision_unanswered',
  afterDays: (settings) => settings.revisionUnanswered.afterDays,
  waitingSince: (project) =>
    project.status === 'revision_requested' ? project.revisionRequestedOn : undefined,
  recipients: 'district',
  message: ({ since, ...p }) => revisionUnansweredText({ ...p, requestedOn: since }),
});
