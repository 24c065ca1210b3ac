import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { openSqliteDatabase } from '../../src/event-store/sqlite-database';
import { SqliteEventStore } from '../../src/event-store/sqlite.event-store';
import { FixedClock } from '../../src/platform/clock';
import { allProjections } from '../support/read-models/all-projections';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import {
  commandWorld,
  type CommandWorld,
  type ProjectCommands,
} from '../support/kernel/command-world';
import { DEFAULT_REFERENCE_DATA } from '../../src/reference-data/default-reference-data';
import { openPlans } from '../support/open-plans';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service';
import { registeringUnits } from '../../src/reference-data/registering-units';
import { EmailNotifier } from '../../src/reminders/notifiers/email.notifier';
import type { Notifier } from '../../src/reminders/notifiers/notifier';
import { WebhookNotifier } from '../../src/reminders/notifiers/webhook.notifier';
import { ReminderDelivery } from '../../src/reminders/reminder-delivery';
import { ReminderFactsReader } from '../../src/reminders/reminder-facts.reader';
import { ReminderHistory } from '../../src/reminders/reminder-history';
import { ReminderQueue, type QueueLog } from '../../src/reminders/reminder-queue';
import { ReminderScan } from '../../src/reminders/reminder-scan';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/reminders/rules/reminder-settings';
import type { Actor } from '../../src/shared/actor';
import { PersonalDataVault } from '../../src/personal-data/personal-data-vault';

/** Real Redis, real SQLite, real HTTP and SMTP receivers for the reminder integration specs. */

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const WEBHOOK_SECRET = 'whsec-reminders-integration';

/** A prefix no other test run uses, so queues never meet. */
export function uniquePrefix(): string {
  return `kc-test-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export const silentLog: QueueLog = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const center: Actor = { sub: 'u-center', name: 'Trần Thị B', role: 'center_officer' };
const district: Actor = {
  sub: 'u-bh',
  name: 'Nguyễn Văn A',
  role: 'district_officer',
  district: 'bien-hoa',
};
let commands = 0;
const meta = (actor: Actor) => ({ commandId: `cmd-${process.pid}-${++commands}`, actor });

/** One SQLite store with its projections and the project commands, on a clock that stands still. */
export interface World {
  readonly db: Database;
  readonly store: SqliteEventStore;
  readonly runner: ProjectionRunner;
  readonly clock: FixedClock;
  readonly reference: ReferenceDataService;
  readonly projects: ProjectCommands;
  readonly plans: CommandWorld['plans'];
  readonly commands: CommandWorld;
  /** The reminders' history over the projects' and plans' own sources, as the app wires it. */
  readonly history: ReminderHistory;
  /** A registered project (registered on the clock's day); its id. */
  register(title: string, districtCode?: string): Promise<string>;
  /** A project whose appraisal asked for a revision on the clock's day; its id. */
  revisionRequested(title: string, districtCode?: string): Promise<string>;
  /** Waits until the read models hold every event appended so far. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

export async function openWorld(today = '2024-06-01'): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'kc-reminders-'));
  const db = openSqliteDatabase(join(dir, 'kc.sqlite'));
  const store = new SqliteEventStore(db);
  const runner = new ProjectionRunner(store, db, allProjections());
  runner.start();
  const clock = new FixedClock(new Date(`${today}T03:00:00Z`));
  const reference = new ReferenceDataService();
  reference.replace({
    ...DEFAULT_REFERENCE_DATA,
    districts: {
      ...DEFAULT_REFERENCE_DATA.districts,
      'bien-hoa': { name: 'Thành phố Biên Hòa', email: 'khuyencong@bienhoa.example' },
    },
  });
  const commands = commandWorld({ store, clock, reference, vault: PersonalDataVault.open(dir) });
  await openPlans(commands, [2024]);
  const { projects, plans } = commands;
  const history = new ReminderHistory(() => [
    commands.reminderSources.project,
    commands.reminderSources.plan,
  ]);

  async function register(title: string, districtCode = 'bien-hoa'): Promise<string> {
    const { id } = await projects.register(
      {
        planYear: 2024,
        district: districtCode,
        title,
        activityType: 'training',
        beneficiary: { name: 'Cơ sở Hòa Bình' },
        requestedFundingVnd: 100_000_000,
        counterpartFundingVnd: 200_000_000,
        fundingSource: 'local',
        targets: [{ indicator: 'trainees', target: 20 }],
        plannedStart: '2024-07-01',
        plannedEnd: '2024-11-30',
      },
      meta({ ...district, district: districtCode }),
    );
    return id;
  }

  return {
    db,
    store,
    runner,
    clock,
    reference,
    projects,
    plans,
    commands,
    history,
    register,
    async revisionRequested(title, districtCode) {
      const id = await register(title, districtCode);
      await projects.execute(id, { type: 'StartAppraisal', data: {} }, meta(center));
      await projects.execute(
        id,
        {
          type: 'RecordAppraisalResult',
          data: { outcome: 'revision_requested', notes: 'Bổ sung dự toán' },
        },
        meta(center),
      );
      return id;
    },
    async caughtUp() {
      if (!(await runner.waitFor(await store.headPosition(), 5000)))
        throw new Error('Projections lag');
    },
    async close() {
      await runner.stop();
      await store.close();
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface InstanceOptions {
  readonly prefix: string;
  readonly webhookUrl?: string;
  readonly smtpUrl?: string;
  readonly attempts?: number;
  readonly backoffMs?: number;
  readonly cron?: string;
  readonly worker?: boolean;
  readonly log?: QueueLog;
}

/** One application instance's reminder machinery (its own Redis connections and worker). */
export interface Instance {
  readonly queue: ReminderQueue;
  readonly scan: ReminderScan;
  close(): Promise<void>;
}

export function startInstance(world: World, options: InstanceOptions): Instance {
  const log = options.log ?? silentLog;
  const queue = new ReminderQueue({
    redisUrl: REDIS_URL,
    prefix: options.prefix,
    cron: options.cron ?? '0 7 * * *',
    attempts: options.attempts ?? 5,
    backoffMs: options.backoffMs ?? 50,
    reconnectMaxMs: 200,
    log,
  });
  const notifiers: Notifier[] = [];
  if (options.webhookUrl)
    notifiers.push(
      new WebhookNotifier({ url: options.webhookUrl, secret: WEBHOOK_SECRET, timeoutMs: 2000 }),
    );
  if (options.smtpUrl) {
    notifiers.push(
      new EmailNotifier({
        smtpUrl: options.smtpUrl,
        addressOf: (d) => registeringUnits(world.reference.current())[d]?.email,
      }),
    );
  }
  const { history } = world;
  // As the reminders module feeds them: every registering unit, with its official code.
  const districts = () => registeringUnits(world.reference.current());
  const settings = () => DEFAULT_REMINDER_SETTINGS;
  const scan = new ReminderScan({
    reader: new ReminderFactsReader(world.db),
    queue,
    delivery: new ReminderDelivery({
      history,
      notifiers,
      settings,
      districts,
      now: () => world.clock.now().toISOString(),
    }),
    settings,
    districts,
    today: () => world.clock.today(),
    log,
    caughtUp: async (timeoutMs) =>
      world.runner.waitFor(await world.store.headPosition(), timeoutMs),
  });
  if (options.worker !== false) queue.startWorker(scan.process);
  return {
    queue,
    scan,
    async close() {
      await queue.close();
      for (const notifier of notifiers) await notifier.close?.();
    },
  };
}

export interface ReceivedHook {
  readonly reminderId: string;
  readonly body: Record<string, unknown>;
  readonly raw: Buffer;
  readonly signature: string | undefined;
}

/** A webhook receiver on 127.0.0.1; `answer` picks the status of each request (200 by default). */
export interface Receiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  /** Every request, answered or refused. */
  readonly attempts: number;
  close(): Promise<void>;
}

export async function startReceiver(
  answer: (attempt: number) => number = () => 200,
): Promise<Receiver> {
  const received: ReceivedHook[] = [];
  let attempts = 0;
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      attempts++;
      const status = answer(attempts);
      if (status < 300) {
        const raw = Buffer.concat(chunks);
        const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        const signature = request.headers['x-khuyencong-signature'];
        received.push({
          reminderId: String(body.reminderId),
          body,
          raw,
          signature: typeof signature === 'string' ? signature : undefined,
        });
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/reminders`,
    received,
    get attempts() {
      return attempts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface MailServer {
  readonly url: string;
  readonly mails: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server), plain text on 127.0.0.1, that keeps every message; with
 * `refuseLogins` it offers AUTH and refuses every user and password.
 */
export async function startMailServer(
  options: { refuseLogins?: boolean } = {},
): Promise<MailServer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: options.refuseLogins ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => callback(new Error('Sai tên đăng nhập hoặc mật khẩu')),
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded subject and text of a single-part message (quoted-printable or base64, UTF-8). */
export function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : Buffer.from(body, 'utf8');
  const subject = header('Subject').replace(
    /=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi,
    (_m, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
  );
  return { subject: subject.trim(), text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd() };
}

function quotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Delivery jobs not yet finished (waiting, active, or delayed for a retry). */
export async function pendingDeliveries(instance: Instance): Promise<number> {
  const jobs = await instance.queue.bullQueue.getJobs([
    'waiting',
    'active',
    'delayed',
    'prioritized',
  ]);
  return jobs.filter((job) => job.name === 'deliver').length;
}

/** Removes every key of the instance's queue from Redis (the test's own prefix only). */
export async function dropQueue(instance: Instance): Promise<void> {
  await instance.queue.bullQueue.obliterate({ force: true });
}
