import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../logging/logger';

/**
 * Serves the web console (web/dist, built by `npm run build:web`) at `/`: its files as they
 * are, and index.html for any other GET outside the API, so a client route such as
 * /de-an/<id> opened directly or reloaded still starts the console. Without a build the
 * server runs the API alone and says so.
 */

/** Where Vite writes the console: the same from src/ (tests) and dist/ (npm start). */
export const CONSOLE_DIST = resolve(__dirname, '..', '..', 'web', 'dist');

/**
 * The console's client routes (web/src/routes.tsx): only these fall back to index.html, so
 * every other path (the API above all) is answered as before, 404 and 414 included.
 */
export const CONSOLE_ROUTES = [
  'dang-nhap',
  'viec-can-lam',
  'de-an',
  'ke-hoach',
  'chuong-trinh',
  'bao-cao',
  'quan-tri',
] as const;

export async function serveConsole(
  app: NestFastifyApplication,
  logger: Logger,
  root: string = CONSOLE_DIST,
): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    logger.warn(
      `No web console build in ${root}: serving the API only (npm run build:web builds the console)`,
    );
    return;
  }
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file found now (the build is made before start): the fallback below
    // then answers the client routes.
    wildcard: false,
    index: false,
    setHeaders: (response, path) => {
      // Vite names assets by their content hash, so they never change; index.html does.
      response.header(
        'cache-control',
        path.includes(`${join(root, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  fastify.get('/', sendIndex);
  for (const route of CONSOLE_ROUTES) {
    fastify.get(`/${route}`, sendIndex);
    fastify.get(`/${route}/*`, sendIndex);
  }
  logger.info(`Web console served at / from ${root}`);
}
