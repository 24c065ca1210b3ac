import type { PlanReminderFacts } from '../../reminders/rules/reminder-facts';
import type { PlanState } from '../domain/plan.state';

/**
 * The facts the reminder rules read about a yearly plan; undefined before it is opened. The
 * plan projection (for the reminders' read model) and the plan's reminder source (for the
 * delivery worker's re-check, from the stream) both use this one mapping.
 */
export function planReminderFacts(state: PlanState): PlanReminderFacts | undefined {
  if (state.status === 'none') return undefined;
  return {
    year: state.year,
    registrationDeadline: state.registrationDeadline,
    status: state.status,
    districtsSubmitted: state.registrations.map((r) => r.district),
    // A state folded before the list existed has none.
    sentReminderIds: state.sentReminderIds ?? [],
  };
}
