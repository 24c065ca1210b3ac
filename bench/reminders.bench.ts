import Database from 'better-sqlite3';
import type { EventToAppend, RecordedEvent } from '../src/event-store/event-store.port';
import { projectStreamId } from '../src/projects/application/project-stream';
import type { ProjectCommand } from '../src/projects/domain/project.commands';
import { DEFAULT_REFERENCE_DATA } from '../src/reference-data/default-reference-data';
import { ProjectFoldProjection } from '../src/projects/read-models/project-fold.projection';
import { reminderProjectFactsFeed } from '../src/projects/read-models/reminder-facts.feed';
import {
  ReminderPlanFactsRows,
  ReminderProjectFactsRows,
} from '../src/reminders/reminder-facts.read-model';
import { ReminderFactsReader } from '../src/reminders/reminder-facts.reader';
import { scanReminders } from '../src/reminders/rules/all-rules';
import { DEFAULT_REMINDER_SETTINGS } from '../src/reminders/rules/reminder-settings';
import { machineLoad } from './lib/machine';
import { ACTORS, DISTRICTS, eventsOf, projectInExecution } from './lib/project-script';
import type { BenchmarkOutcome, Figure } from './lib/report';
import { median, nowMs, round } from './lib/stats';

/**
 * The reminder scan as the scheduler runs it: the facts loaded from the reminder read model
 * (ReminderFactsReader over reminder_project_facts, fed by the project fold from the
 * projects' events) and the pure rules over them (scanReminders). 10,000 and 100,000 projects
 * in execution with 1% due (June's progress report missing), and 100,000 with the same 100 due
 * as the small case: a scan that grows with the due items keeps that last figure near the
 * first; one that reads every project does not.
 */

export interface RemindersOptions {
  readonly runs: number;
}

const AS_OF = '2024-07-10';
const TEMPLATE_ID = '00000000-0000-4000-8000-000000000000';

function report(period: string): { actor: typeof ACTORS.center; command: ProjectCommand } {
  return {
    actor: ACTORS.center,
    command: {
      type: 'ReportProgress',
      data: {
        period,
        reportedOn: `${period}-24`,
        achievements: [{ indicator: 'trainees', value: 5 }],
      },
    },
  };
}

/** The events of a project under way, with (on time) or without (due) June's report. */
function template(due: boolean): EventToAppend[] {
  const steps = [
    ...projectInExecution(TEMPLATE_ID, 0),
    report('2024-05'),
    ...(due ? [] : [report('2024-06')]),
  ];
  return eventsOf(TEMPLATE_ID, steps, 'facts', () => TEMPLATE_ID).flat();
}

/** The read model of `projects` projects, `due` of them due, built by its own projection. */
function readModel(projects: number, due: number): Database.Database {
  const db = new Database(':memory:');
  const projection = new ProjectFoldProjection([
    reminderProjectFactsFeed(new ReminderProjectFactsRows()),
  ]);
  projection.setup(db);
  new ReminderPlanFactsRows().setup(db); // no plans here, but the reader reads the table
  const templates = { due: template(true), onTime: template(false) };
  const every = Math.floor(projects / due);
  let position = 0n;
  for (let start = 0; start < projects; start += 2000) {
    const batch: RecordedEvent[] = [];
    for (let n = start; n < Math.min(projects, start + 2000); n++) {
      const projectId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const events = n % every === 0 ? templates.due : templates.onTime;
      events.forEach((event, index) => {
        const data = event.data as { projectId?: string; district?: string };
        batch.push({
          eventId: `${projectId}-${index}`,
          streamId: projectStreamId(projectId),
          version: index + 1,
          position: ++position,
          type: event.type,
          data:
            data.projectId === TEMPLATE_ID
              ? { ...data, projectId, district: DISTRICTS[n % DISTRICTS.length] }
              : data,
          metadata: {
            ...event.metadata,
            recordedAt: '2024-06-30T01:00:00.000Z',
            prevHash: '',
            hash: '',
          },
        });
      });
    }
    db.transaction(() => projection.apply(db, batch))();
  }
  return db;
}

interface ScanTiming {
  readonly projects: number;
  readonly due: number;
  readonly loadMs: number[];
  readonly scanMs: number[];
}

function timeScans(projects: number, due: number, runs: number): ScanTiming {
  const db = readModel(projects, due);
  const reader = new ReminderFactsReader(db);
  const loadMs: number[] = [];
  const scanMs: number[] = [];
  try {
    for (let run = -2; run < runs; run++) {
      const t0 = nowMs();
      const facts = reader.load(AS_OF, DEFAULT_REMINDER_SETTINGS, DEFAULT_REFERENCE_DATA.districts);
      const t1 = nowMs();
      const reminders = scanReminders(facts, AS_OF, DEFAULT_REMINDER_SETTINGS);
      const t2 = nowMs();
      if (reminders.length !== due)
        throw new Error(`the scan found ${reminders.length} reminders, expected ${due}`);
      if (run < 0) continue; // warm-up
      loadMs.push(t1 - t0);
      scanMs.push(t2 - t1);
    }
  } finally {
    db.close();
  }
  return { projects, due, loadMs, scanMs };
}

export async function remindersBenchmark(options: RemindersOptions): Promise<BenchmarkOutcome> {
  const started = nowMs();
  const loadBefore = machineLoad();
  const timings = [
    timeScans(10_000, 100, options.runs),
    timeScans(100_000, 1_000, options.runs),
    timeScans(100_000, 100, options.runs),
  ];
  const total = (t: ScanTiming) => median(t.loadMs.map((ms, i) => ms + t.scanMs[i]));
  const [small, large, largeFewDue] = timings.map(total);
  const figures: Figure[] = timings.map((t, i) => ({
    benchmark: 'reminder scan (read model + rules)',
    case: `${t.projects.toLocaleString('en-US')} projects, ${t.due.toLocaleString('en-US')} due`,
    value: round(total(t), 1),
    unit: 'ms',
    runs: t.loadMs.map((ms, run) => round(ms + t.scanMs[run], 1)),
    note: `facts query ${round(median(t.loadMs), 1)} ms + rules ${round(median(t.scanMs), 1)} ms`,
    ...(i === 2
      ? {
          target: 'grows with due items',
          met: largeFewDue < small * 2,
          note: `facts query ${round(median(t.loadMs), 1)} ms + rules ${round(median(t.scanMs), 1)} ms; x${round(large / small, 1)} from 10k to 100k at 1% due, x${round(largeFewDue / small, 1)} with 100 due in both: every project under way is read`,
        }
      : {}),
  }));
  return {
    name: 'reminders',
    figures,
    details: {
      loadBefore,
      loadAfter: machineLoad(),
      asOf: AS_OF,
      timings,
      source:
        'ReminderFactsReader.load over the reminder_project_facts read model (fed by the project fold), then scanReminders',
    },
    seconds: round((nowMs() - started) / 1000, 1),
  };
}
