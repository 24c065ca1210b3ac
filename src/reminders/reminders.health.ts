import type { HealthProbe } from '../health/health-probe';
import type { ReminderQueue } from './reminder-queue';

export const REMINDER_HEALTH_PROBES = Symbol('REMINDER_HEALTH_PROBES');

/** `redis` (the connection) and `reminders` (the queue: counts, failed jobs, scheduler, worker). */
export function reminderHealthProbes(queue: ReminderQueue): HealthProbe[] {
  return [
    {
      name: 'redis',
      check: () => Promise.resolve({ status: queue.isUp() ? 'up' : 'down' }),
    },
    { name: 'reminders', check: () => queue.status() },
  ];
}
