import helmet from '@fastify/helmet';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { JwtVerifier } from './auth/jwt-verifier';
import { installRateLimit } from './auth/rate-limit';
import { bearerTokenOf } from './auth/request-auth';
import type { Settings } from './config/settings';
import { serveConsole } from './console-static/serve-console';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { frameworkErrorAsProblem, guardJsonBodies } from './http/json-body';
import { serveOpenApi } from './http/openapi/openapi-document';
import { echoRequestId } from './http/request-id';
import { serverLimitOptions } from './http/server-limits';
import { createValidationPipe } from './http/validation';
import { dashboardTokenOf, QUEUE_DASHBOARD_PATH } from './reminders/http/dashboard-session';
import {
  createLogger,
  fastifyLoggingOptions,
  PinoLoggerService,
  type Logger,
} from './logging/logger';

export const API_PREFIX = 'api/v1';

export interface CreateAppOptions {
  readonly logger?: Logger;
}

/** Builds the HTTP application (not yet listening): main.ts and in-process tests share it. */
export async function createApp(
  settings: Settings,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger({ level: settings.logLevel });
  const adapter = new FastifyAdapter({
    ...fastifyLoggingOptions(logger),
    bodyLimit: settings.bodyLimitBytes,
    // X-Forwarded-For / -Proto / -Host are believed only from the proxies TRUST_PROXY names.
    trustProxy: settings.trustProxy === false ? false : [...settings.trustProxy],
    // Reject bodies that are not JSON objects or arrays at the parser (e.g. a bare string).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: frameworkErrorAsProblem,
    ...serverLimitOptions(settings.httpTimeouts),
  });
  adapter.getInstance().addHook('onRequest', echoRequestId);
  // Commands take JSON only: a text/plain body is an unsupported media type (415), not bad JSON.
  adapter.getInstance().removeContentTypeParser('text/plain');
  guardJsonBodies(adapter.getInstance(), settings.jsonLimits);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(settings),
    adapter,
    {
      logger: new PinoLoggerService(logger),
      bufferLogs: true,
      // The JSON parser is ours (guardJsonBodies): Nest must not register its own over it.
      bodyParser: false,
      // A failed start rejects (main.ts says why, e.g. DATA_DIR held by another process) instead of exiting here.
      abortOnError: false,
    },
  );
  await app.register(helmet, { contentSecurityPolicy: false });
  // Before any route exists (Nest's, the dashboard's, the docs'), so every one is limited.
  await installRateLimit(app.getHttpAdapter().getInstance(), {
    perMinute: settings.rateLimitPerMinute,
    verifier: app.get(JwtVerifier),
    tokenOf: (request) =>
      request.url.startsWith(QUEUE_DASHBOARD_PATH)
        ? dashboardTokenOf(request)
        : bearerTokenOf(request),
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  serveOpenApi(app);
  await serveConsole(app, logger);
  return app;
}
