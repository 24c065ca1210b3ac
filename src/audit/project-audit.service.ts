import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store.port';
import { verifyChain, type ChainVerification } from '../event-store/hash-chain';
import type { Actor } from '../shared/actor';
import { replay } from '../shared/decider';
import { projectNotFound } from '../projects/application/project-not-found';
import { projectStreamId } from '../projects/application/project-stream';
import { projectDecider } from '../projects/domain/project.decider';
import type { ProjectRegistered } from '../projects/domain/project.events';
import { projectView, type ProjectView } from '../projects/domain/project.view';
import { projectSerde } from '../projects/project.serde';
import { beneficiaryUnitNameOf } from '../reference-data/beneficiary-units';
import { ReferenceDataService } from '../reference-data/reference-data.service';
import { PersonalDataVault } from '../personal-data/personal-data-vault';
import { beneficiaryInEvent, showBeneficiary, type ShownBeneficiary } from '../personal-data/shown-beneficiary';

export interface HistoryEntry {
  readonly version: number;
  readonly position: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: { sub: string; name: string; role: string };
  readonly commandId: string;
  readonly correlationId?: string;
  readonly hash: string;
  readonly prevHash: string;
  /**
   * The beneficiary the event references, read from the personal-data vault (or shown as
   * erased); `data` itself stays exactly as recorded and hashed.
   */
  readonly beneficiary?: ShownBeneficiary;
}

/** Where a replay stops: after a version, or at an instant (events recorded at or before it). */
export type ReplayPoint = { readonly asOfVersion: number } | { readonly asOf: Date } | Record<string, never>;

export interface ReplayedProject {
  /** The version the replay stopped at (0 if nothing had been recorded by then). */
  readonly version: number;
  readonly recordedAt: string | null;
  readonly state:
    | (Omit<ProjectView, 'beneficiary'> & {
        readonly beneficiary: ShownBeneficiary;
        /** The name of the beneficiary's unit in the plan year (null without one). */
        readonly beneficiaryUnitName: string | null;
      })
    | null;
}

/**
 * What auditors read: a project's stored history as recorded, its state replayed to any
 * point, and the check of its hash chain. Always from the log, never from read models.
 */
@Injectable()
export class ProjectAuditService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async history(projectId: string, actor: Actor): Promise<{ events: HistoryEntry[] }> {
    const events = await this.readVisible(projectId, actor);
    const erased = events.some((e) => e.type === 'PersonalDataErased');
    return {
      events: events.map((event) => {
        const record = beneficiaryInEvent(event.type, event.data);
        const entry = toHistoryEntry(event);
        return record ? { ...entry, beneficiary: showBeneficiary(record, this.vault, erased) } : entry;
      }),
    };
  }

  async replay(projectId: string, actor: Actor, point: ReplayPoint): Promise<ReplayedProject> {
    const events = await this.readVisible(projectId, actor);
    const upTo = eventsUpTo(events, point);
    const state = replay(projectDecider, upTo.map((e) => projectSerde.deserialize(e)));
    const view = projectView(state);
    // An erasure recorded after the replay point still hides the value: it is gone for good.
    const erased = events.some((e) => e.type === 'PersonalDataErased');
    return {
      version: upTo.length,
      recordedAt: upTo.length ? upTo[upTo.length - 1].metadata.recordedAt : null,
      state: view && {
        ...view,
        beneficiary: showBeneficiary(view.beneficiary, this.vault, erased),
        beneficiaryUnitName: beneficiaryUnitNameOf(this.referenceData.current(), view),
      },
    };
  }

  async verify(projectId: string, actor: Actor): Promise<ChainVerification> {
    return verifyChain(await this.readVisible(projectId, actor));
  }

  /** The stream, if it exists and the caller may see it; otherwise as if it did not exist. */
  private async readVisible(projectId: string, actor: Actor): Promise<readonly RecordedEvent[]> {
    const events = await this.store.readStream(projectStreamId(projectId));
    if (events.length === 0) throw projectNotFound();
    if (actor.role === 'district_officer') {
      const registered = events[0] as unknown as ProjectRegistered;
      if (registered.data.district !== actor.district) throw projectNotFound();
    }
    return events;
  }
}

function eventsUpTo(events: readonly RecordedEvent[], point: ReplayPoint): readonly RecordedEvent[] {
  if ('asOfVersion' in point) return events.slice(0, point.asOfVersion);
  if ('asOf' in point) {
    const limit = point.asOf.getTime();
    return events.filter((e) => Date.parse(e.metadata.recordedAt) <= limit);
  }
  return events;
}

function toHistoryEntry(event: RecordedEvent): HistoryEntry {
  const { metadata } = event;
  return {
    version: event.version,
    position: event.position.toString(),
    type: event.type,
    schemaVersion: metadata.schemaVersion,
    data: event.data,
    occurredOn: metadata.occurredOn,
    recordedAt: metadata.recordedAt,
    actor: metadata.actor,
    commandId: metadata.commandId,
    ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
    hash: metadata.hash,
    prevHash: metadata.prevHash,
  };
}
