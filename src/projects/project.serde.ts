import { createSerde, type EventSchemas, type Upcaster } from '../event-store/serde/event-serde';
import type { ProjectEvent, ProjectEventType } from './domain/project.events';

/**
 * Version 2 of the events whose author segregation of duties asks about later adds that
 * author to `data` (approvedBy, adjustedBy, acceptedBy, recordedBy). A version 1 event was
 * written by the same decider for the actor its metadata records, so that actor is its author:
 * the upcaster lifts it from there, and the stored, hash-chained event is never rewritten.
 */
const authorFromMetadata =
  (field: string): Upcaster =>
  (data, metadata) => ({ ...(data as object), [field]: metadata.actor.sub });

/**
 * Schema versions of the project's events (a Record, so a new event type cannot be forgotten).
 * When one changes shape, raise `current` and add the upcaster from the old version, with its
 * test (project.serde.unit.spec.ts).
 */
const schemas: Record<ProjectEventType, EventSchemas[string]> = {
  ProjectRegistered: { current: 1 },
  AppraisalStarted: { current: 1 },
  AppraisalPassed: { current: 1 },
  RevisionRequested: { current: 1 },
  AppraisalRejected: { current: 1 },
  ProjectResubmitted: { current: 1 },
  ProjectApproved: { current: 2, upcasters: { 1: authorFromMetadata('approvedBy') } },
  ProjectRejected: { current: 1 },
  ExecutionStarted: { current: 1 },
  ProgressReported: { current: 1 },
  AdvanceDisbursed: { current: 2, upcasters: { 1: authorFromMetadata('recordedBy') } },
  PaymentDisbursed: { current: 2, upcasters: { 1: authorFromMetadata('recordedBy') } },
  FundsRecovered: { current: 2, upcasters: { 1: authorFromMetadata('recordedBy') } },
  InspectionRecorded: { current: 1 },
  ProjectAdjusted: { current: 2, upcasters: { 1: authorFromMetadata('adjustedBy') } },
  ProjectAccepted: { current: 2, upcasters: { 1: authorFromMetadata('acceptedBy') } },
  ProjectSettled: { current: 1 },
  ProjectCancelled: { current: 1 },
  ReminderSent: { current: 1 },
  PersonalDataErased: { current: 1 },
  BeneficiaryCorrected: { current: 1 },
};

export const projectSerde = createSerde<ProjectEvent>(schemas);
