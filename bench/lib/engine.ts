import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { createApp } from '../../src/app.factory';
import { loadSettings, type Settings } from '../../src/config/settings';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port';
import { createLogger } from '../../src/logging/logger';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { openPlanThroughBus } from './plans';

/** Long enough for HS256; the bench signs its own tokens with it. */
export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
/** Production requires an issuer and an audience; the bench's tokens carry these. */
export const BENCH_ISSUER = 'https://bench.khuyencong.invalid';
export const BENCH_AUDIENCE = 'khuyencong-bench';

export function scratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `khuyencong-bench-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The settings a benchmark server runs with: no rate limit, no logging, loopback only. */
export function benchSettings(dataDir: string, port = 0): Settings {
  return loadSettings({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    AUTH_ISSUER: BENCH_ISSUER,
    AUTH_AUDIENCE: BENCH_AUDIENCE,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    HOST: '127.0.0.1',
    PORT: String(port),
  });
}

export interface Engine {
  readonly app: NestFastifyApplication;
  readonly bus: CommandBus;
  readonly store: EventStore;
  readonly runner: ProjectionRunner;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** The whole application as main.ts builds it (projection runner live), without listening; the 2024 plan open. */
export async function startEngine(label: string): Promise<Engine> {
  const dataDir = scratchDir(label);
  const settings = benchSettings(dataDir);
  const app = await createApp(settings, { logger: createLogger({ level: 'silent' }) });
  await app.init();
  await openPlanThroughBus(app.get(CommandBus));
  return {
    app,
    bus: app.get(CommandBus),
    store: app.get<EventStore>(EVENT_STORE),
    runner: app.get(ProjectionRunner),
    dataDir,
    async close() {
      await app.close();
      removeDir(dataDir);
    },
  };
}
