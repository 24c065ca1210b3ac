import { createSerde, type EventSchemas } from '../event-store/serde/event-serde';
import type { ProjectEvent, ProjectEventType } from './domain/project.events';

/**
 * Schema versions of the project's events (a Record, so a new event type cannot be forgotten).
 * All are at version 1; when one changes shape, raise `current` and add the upcaster from
 * the old version, with its test.
 */
const schemas: Record<ProjectEventType, EventSchemas[string]> = {
  ProjectRegistered: { current: 1 },
  AppraisalStarted: { current: 1 },
  AppraisalPassed: { current: 1 },
  RevisionRequested: { current: 1 },
  AppraisalRejected: { current: 1 },
  ProjectResubmitted: { current: 1 },
  ProjectApproved: { current: 1 },
  ProjectRejected: { current: 1 },
  ExecutionStarted: { current: 1 },
  ProgressReported: { current: 1 },
  AdvanceDisbursed: { current: 1 },
  PaymentDisbursed: { current: 1 },
  FundsRecovered: { current: 1 },
  InspectionRecorded: { current: 1 },
  ProjectAdjusted: { current: 1 },
  ProjectAccepted: { current: 1 },
  ProjectSettled: { current: 1 },
  ProjectCancelled: { current: 1 },
  ReminderSent: { current: 1 },
};

export const projectSerde = createSerde<ProjectEvent>(schemas);
