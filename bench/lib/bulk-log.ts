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
 * verifies. Projects advance in cohorts: every project of a cohort takes its first step, then
 * its second..., so the log interleaves projects as months of work would (a page of 5,000
 * events holds about five events of each of 1,000 projects).
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

/** Appends `projects` whole projects, `cohort` at a time; returns their ids. */
export async function importProjects(
  store: SqliteEventStore,
  projects: number,
  cohort = 1000,
): Promise<string[]> {
  const texts = templates();
  const steps = texts[0].length;
  const ids: string[] = [];
  for (let start = 0; start < projects; start += cohort) {
    const members = Array.from({ length: Math.min(cohort, projects - start) }, () => randomUUID());
    const heads = members.map(() => ({ version: 0, hash: GENESIS_HASH }));
    const recorded: RecordedEvent[] = [];
    for (let step = 0; step < steps; step++) {
      members.forEach((projectId, i) => {
        const streamId = projectStreamId(projectId);
        const events = texts[(start + i) % texts.length][step];
        // Recorded a few days apart per step, a moment apart per project.
        const recordedAt = new Date(
          LOG_START + step * 12 * DAY_MS + (start + i) * 1000,
        ).toISOString();
        for (const event of events) {
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
      });
    }
    await store.importEvents(recorded);
    ids.push(...members);
  }
  return ids;
}
