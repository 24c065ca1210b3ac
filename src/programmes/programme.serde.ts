import { createSerde, type EventSchemas } from '../event-store/serde/event-serde';
import type { ProgrammeEvent, ProgrammeEventType } from './domain/programme.events';

/**
 * Schema versions of the programme's events (a Record, so a new event type cannot be
 * forgotten). All are at version 1; when one changes shape, raise `current` and add the
 * upcaster from the old version, with its test.
 */
const schemas: Record<ProgrammeEventType, EventSchemas[string]> = {
  ProgrammeCreated: { current: 1 },
  ProgrammeBudgetChanged: { current: 1 },
  ProgrammeTargetsSet: { current: 1 },
  ContextIndicatorRecorded: { current: 1 },
};

export const programmeSerde = createSerde<ProgrammeEvent>(schemas);
