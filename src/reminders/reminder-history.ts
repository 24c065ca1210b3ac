import type { ReminderSentData } from '../shared/reminder-sent';
import type { ReminderSubject } from './reminder-subject';
import type { ReminderSubjectSource } from './reminder-subject-source.port';
import type { PlanReminderFacts, ProjectReminderFacts } from './rules/reminder-facts';

/** What the history says about one subject now: its facts, sent ids included. */
export type SubjectFacts =
  | { readonly kind: 'project'; readonly facts: ProjectReminderFacts }
  | { readonly kind: 'plan'; readonly facts: PlanReminderFacts };

export type ReminderRecord = ReminderSentData;

type Kind = ReminderSubject['kind'];
const KINDS: readonly Kind[] = ['project', 'plan'];
type SourcesByKind = { readonly [K in Kind]: ReminderSubjectSource<K> };

/**
 * The subject's stream is the authority on what was sent: the worker reads it (not the read
 * model, which may lag) right before sending, and records the delivery in it afterwards. Each
 * kind of subject is read and written through the source its feature provides
 * (reminder-subject-source.port.ts).
 */
export class ReminderHistory {
  private byKind?: SourcesByKind;

  /** `sources` is called once, when first needed: in Nest, after every provider exists. */
  constructor(private readonly sources: () => readonly ReminderSubjectSource[]) {}

  /** The subject's facts from its stream; undefined when the stream holds no such subject. */
  async load(subject: ReminderSubject): Promise<SubjectFacts | undefined> {
    if (subject.kind === 'project') {
      const facts = await this.sourceOf('project').historyOf(subject);
      return facts && { kind: 'project', facts };
    }
    const facts = await this.sourceOf('plan').historyOf(subject);
    return facts && { kind: 'plan', facts };
  }

  /**
   * Appends ReminderSent to the subject's stream. The command id comes from the reminder id,
   * and the deciders record an id once, so calling this again appends nothing.
   */
  recordSent(subject: ReminderSubject, record: ReminderRecord): Promise<void> {
    return subject.kind === 'project'
      ? this.sourceOf('project').recordSent(subject, record)
      : this.sourceOf('plan').recordSent(subject, record);
  }

  /** Throws unless exactly one source serves each kind of subject (checked at start). */
  verify(): void {
    this.sourceOf('project');
  }

  private sourceOf<K extends Kind>(kind: K): ReminderSubjectSource<K> {
    this.byKind ??= byKind(this.sources());
    return this.byKind[kind] as ReminderSubjectSource<K>;
  }
}

function byKind(sources: readonly ReminderSubjectSource[]): SourcesByKind {
  const found = new Map<Kind, ReminderSubjectSource>();
  for (const source of sources) {
    if (found.has(source.kind))
      throw new Error(`Two reminder subject sources serve the subject kind '${source.kind}'`);
    found.set(source.kind, source);
  }
  const missing = KINDS.filter((kind) => !found.has(kind));
  if (missing.length > 0)
    throw new Error(`No reminder subject source serves the subject kind(s) ${missing.join(', ')}`);
  return Object.fromEntries(found) as unknown as SourcesByKind;
}
