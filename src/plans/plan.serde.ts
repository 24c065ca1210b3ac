import { createSerde, type EventSchemas } from '../event-store/serde/event-serde';
import type { PlanEvent, PlanEventType } from './domain/plan.events';

/**
 * Schema versions of the yearly plan's events (a Record, so a new event type cannot be
 * forgotten). All are at version 1; when one changes shape, raise `current` and add the
 * upcaster from the old version, with its test.
 */
const schemas: Record<PlanEventType, EventSchemas[string]> = {
  PlanOpened: { current: 1 },
  DistrictRegistrationSubmitted: { current: 1 },
  PlanCompiled: { current: 1 },
  PlanApproved: { current: 1 },
  ReminderSent: { current: 1 },
};

export const planSerde = createSerde<PlanEvent>(schemas);
