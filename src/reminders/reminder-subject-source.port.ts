import { DiscoveryService } from '@nestjs/core';
import type { ReminderSentData } from '../shared/reminder-sent';
import type { ReminderSubject } from './reminder-subject';
import type { PlanReminderFacts, ProjectReminderFacts } from './rules/reminder-facts';

/**
 * The port through which the reminders talk to the features whose histories they read and
 * write: the reminders never fold another feature's decider nor run another feature's commands themselves.
 * A feature that keeps reminders in its streams (projects, yearly plans) implements it for
 * its kind of subject and lists the implementation among its module's providers, decorated
 * with `@ReminderSubjectSourceProvider()`; the reminders module collects every such provider
 * at start (ReminderSubjectSources) and refuses to start without one for each kind.
 */
export interface ReminderSubjectSource<
  K extends ReminderSubject['kind'] = ReminderSubject['kind'],
> {
  readonly kind: K;
  /**
   * What the subject's history says now: its reminder facts, sent ids included, from its
   * stream (never a read model, which may lag). Undefined when the stream holds no such subject.
   */
  historyOf(subject: SubjectOfKind<K>): Promise<FactsOfKind<K> | undefined>;
  /**
   * Records in the subject's history that `record` was sent. Recording the same reminder again
   * appends nothing (the command id comes from the record: reminder-identity.ts).
   */
  recordSent(subject: SubjectOfKind<K>, record: ReminderSentData): Promise<void>;
}

export type SubjectOfKind<K extends ReminderSubject['kind']> = Extract<
  ReminderSubject,
  { kind: K }
>;

export type FactsOfKind<K extends ReminderSubject['kind']> = K extends 'project'
  ? ProjectReminderFacts
  : PlanReminderFacts;

/** Marks a provider as a ReminderSubjectSource for the reminders module to collect. */
export const ReminderSubjectSourceProvider = DiscoveryService.createDecorator<void>();

/** Every provider marked @ReminderSubjectSourceProvider(), in whichever module it is listed. */
export function discoveredReminderSubjectSources(
  discovery: DiscoveryService,
): ReminderSubjectSource[] {
  return discovery
    .getProviders({ metadataKey: ReminderSubjectSourceProvider.KEY })
    .map((wrapper) => wrapper.instance as ReminderSubjectSource);
}
