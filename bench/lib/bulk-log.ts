import { randomUUID } from 'node:crypto';
import {
  GENESIS_HASH,
  type EventMetadata,
  type EventToAppend,
  type RecordedEvent,
} from '../../src/event-store/event-store.port';
import { computeEventHash } from '../../src/event-store/hash-chain';
import type { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { projectStreamId } from '../../src/projects/application/project-stream';
import { DISTRICTS, eventsOf, typicalProject } from './project-script';

/**
 * A large log, fast, and shaped like a real one. Whole projects (20 events each, as the
 * decider made them) are moved in with the store's importEvents, the path `store:import` uses,
 * with metadata and the hash chain computed by the engine's own computeEventHash: every stream
 * verifies. Projects start a few at a time and run side by side, like months of work: about
 * 1,000 are under way at any point of the log, so a page of 5,000 events holds about five
 * events of each of 1,000 projects, and no page boundary lines up with whole projects.
 * (importEvents takes whole streams, so the log is written in chunks of `chunk` projects.)
 */

const TEMPLATE_ID = '00000000-0000-4000-8000-000000000000';

export const EVENTS_PER_PROJECT = 20;

/** One template per district: the projects differ by id, district and voucher numbers. */
function templates(): EventToAppend[][][] {
  return DISTRICTS.map((_, n) =>
    eventsOf(TEMPLATE_ID, typicalProject(TEMPLATE_ID, n), 'bulk', () => TEMPLATE_ID),
  );
}

/** The template's data with the project's own id where it names the project. */
function dataFor(event: EventToAppend, projectId: string): unknown {
  const data = event.data as { projectId?: string };
  return data.projectId === TEMPLATE_ID ? { ...data, projectId } : data;
}

const DAY_MS = 86_400_000;
const LOG_START = Date.parse('2024-01-02T01:00:00.000Z');

/** Projects that start in each slot of the schedule; with 20 steps each, 1,000 run at once. */
const STARTS_PER_SLOT = 50;

/** Imports `projects` whole projects, `chunk` at a time; returns their ids. */
export async function importProjects(
  store: SqliteEventStore,
  projects: number,
  chunk = 5000,
): Promise<string[]> {
  const texts = templates();
  const steps = texts[0].length;
  const ids: string[] = [];
  for (let start = 0; start < projects; start += chunk) {
    const members = Array.from({ length: Math.min(chunk, projects - start) }, () => randomUUID());
    const heads = members.map(() => ({ version: 0, hash: GENESIS_HASH }));
    const recorded: RecordedEvent[] = [];
    const slots = Math.ceil(members.length / STARTS_PER_SLOT) + steps;
    for (let slot = 0; slot < slots; slot++) {
      // Every project under way takes its next step in this slot.
      const first = Math.max(0, (slot - steps + 1) * STARTS_PER_SLOT);
      const last = Math.min(members.length, (slot + 1) * STARTS_PER_SLOT);
      for (let i = first; i < last; i++) {
        const step = slot - Math.floor(i / STARTS_PER_SLOT);
        if (step < 0 || step >= steps) continue;
        const projectId = members[i];
        const streamId = projectStreamId(projectId);
        const n = start + i;
        // Recorded a few days apart per step, a moment apart per project.
        const recordedAt = new Date(LOG_START + slot * 12 * DAY_MS + n * 1000).toISOString();
        for (const event of texts[n % texts.length][step]) {
          const head = heads[i];
          const version = head.version + 1;
          const data = dataFor(event, projectId);
          const unsigned = {
            ...event.metadata,
            commandId: `${projectId}-${step}`,
            recordedAt,
            prevHash: head.hash,
          };
          const metadata: EventMetadata = {
            ...unsigned,
            hash: computeEventHash({
              streamId,
              version,
              type: event.type,
              data,
              metadata: unsigned,
            }),
          };
          recorded.push({
            eventId: randomUUID(),
            streamId,
            version,
            position: 0n,
            type: event.type,
            data,
            metadata,
          });
          heads[i] = { version, hash: metadata.hash };
        }
      }
    }
    await store.importEvents(recorded);
    ids.push(...members);
  }
  return ids;
}
