import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSettings } from '../../src/config/settings';

/**
 * No container engine runs here, so the deployment files are checked as text: the compose
 * file is valid YAML with the services the docs name, the app's environment passes our own
 * settings validation, and the Dockerfile builds in stages and runs unprivileged with a
 * healthcheck. Whether the images start is only known with Docker (`docker compose up`).
 */

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[] | string };
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;

/** `${NAME:-default}` as compose would expand it with NAME unset. */
function interpolated(value: string | number | boolean | null): string {
  return String(value ?? '').replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}

describe('docker-compose.yml', () => {
  it('defines the event store, Redis and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'eventstore', 'redis']);
  });

  it('runs a single insecure EventStoreDB node for development, published on 2113, with a healthcheck', () => {
    const eventstore = compose.services.eventstore;
    expect(eventstore.image).toMatch(/^eventstore\/eventstore:\d+\.\d+/);
    expect(eventstore.environment).toMatchObject({
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_INSECURE: 'true',
    });
    expect(eventstore.ports).toContain('2113:2113');
    expect(eventstore.healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringContaining('/health/live')]),
    );
    expect(eventstore.volumes).toContain('eventstore-data:/var/lib/eventstore');
  });

  it('runs Redis with a healthcheck', () => {
    expect(compose.services.redis.image).toMatch(/^redis:/);
    expect(compose.services.redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('builds the app from the Dockerfile and starts it once the event store and Redis are healthy', () => {
    const app = compose.services.app;
    expect(app.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(app.depends_on).toEqual({
      eventstore: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(app.volumes).toContain('app-data:/data');
    expect(Object.keys(compose.volumes ?? {})).toEqual(
      expect.arrayContaining(['eventstore-data', 'app-data']),
    );
  });

  it('configures the app for EventStoreDB with settings our own validation accepts', () => {
    const env = Object.fromEntries(
      Object.entries(compose.services.app.environment ?? {}).map(([name, value]) => [
        name,
        interpolated(value),
      ]),
    );
    const settings = loadSettings(env, {
      devJwtSecret: () => ({ secret: 'd'.repeat(43), created: false }),
    });
    expect(settings.eventStore).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://eventstore:2113?tls=false',
    });
    expect(settings.redisUrl).toBe('redis://redis:6379');
    expect(settings.dataDir).toBe('/data');
    expect(settings.auth).toMatchObject({ kind: 'hs256', secretSource: 'dev-file' });
  });

  it('points the app at hosts that are services of the same file', () => {
    const env = compose.services.app.environment ?? {};
    const hosts = [String(env.EVENTSTORE_CONNECTION_STRING), String(env.REDIS_URL)].map(
      (url) => new URL(url).hostname,
    );
    for (const host of hosts) expect(Object.keys(compose.services)).toContain(host);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages = instructions.reduce<string[][]>((all, line) => {
    if (/^FROM\s/i.test(line)) all.push([]);
    all[all.length - 1]?.push(line);
    return all;
  }, []);
  const runtime = stages[stages.length - 1];

  it('builds in one stage and runs from another that copies only the build output', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0][0]).toMatch(/^FROM node:\S+ AS build$/);
    expect(stages[0]).toContain('RUN npm run build && npm prune --omit=dev');
    const copies = runtime.filter((line) => line.startsWith('COPY'));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy).toMatch(/^COPY --from=build /);
  });

  it('runs as the unprivileged node user', () => {
    const users = runtime.filter((line) => line.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    expect(runtime.indexOf('USER node')).toBeLessThan(
      runtime.findIndex((line) => line.startsWith('CMD')),
    );
  });

  it('checks health through GET /health and starts the compiled server', () => {
    const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK'));
    expect(healthcheck).toMatch(/\/health/);
    expect(runtime).toContain('CMD ["node", "dist/main.js"]');
    expect(runtime).toContain('VOLUME ["/data"]');
  });

  it('keeps data, secrets and local builds out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining([
        'node_modules',
        'dist',
        'data',
        '.env',
        '*.sqlite',
        '*.jsonl',
        '.git',
      ]),
    );
  });
});
