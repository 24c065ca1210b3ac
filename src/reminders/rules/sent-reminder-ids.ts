import type { ReminderFacts } from './reminder-facts';

/**
 * Every reminder id the history says was sent, from all plans and projects, in one Set built
 * once per scan. One Set for all subjects is safe because every id names its subject.
 */
export function collectSentReminderIds(facts: ReminderFacts): ReadonlySet<string> {
  const sent = new Set<string>();
  for (const plan of facts.plans) for (const id of plan.sentReminderIds) sent.add(id);
  for (const project of facts.projects) for (const id of project.sentReminderIds) sent.add(id);
  return sent;
}
