import { createSerde, type EventSchemas } from '../event-store/serde/event-serde';
import type { ReferenceEvent, ReferenceEventType } from './domain/reference.events';

/**
 * Schema versions of the reference data's events (a Record, so a new event type cannot be
 * forgotten). All are at version 1; when one changes shape, raise `current` and add the
 * upcaster from the old version, with its test.
 */
const schemas: Record<ReferenceEventType, EventSchemas[string]> = {
  ReferenceDataLoaded: { current: 1 },
  UnitEstablished: { current: 1 },
  UnitEnded: { current: 1 },
  CatalogueEntryRecorded: { current: 1 },
  CatalogueEntryEnded: { current: 1 },
  NormSetRecorded: { current: 1 },
  AdvanceCapSet: { current: 1 },
};

export const referenceSerde = createSerde<ReferenceEvent>(schemas);
