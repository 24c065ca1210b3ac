import type { LoggerService } from '@nestjs/common';
import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/settings';
import { genReqId } from '../http/request-id';

/**
 * Structured JSON logs (pino). Every line of a request carries `requestId`, and `actorSub` and
 * `commandId` once they are known. Tokens and personal data are never logged:
 * - requests are logged as method, path and id only (no headers, no query, no body, no IP);
 * - any key that looks like a credential (token, password, secret, authorization, cookie,
 *   api key) is replaced by REDACTED at any depth of a logged plain object.
 */
export type { Logger } from 'pino';

export const REDACTED = '[redacted]';

const SENSITIVE_KEY = /token|passw|secret|authori[sz]ation|cookie|api[-_]?key|credential/i;
const MAX_DEPTH = 8;

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Copies plain objects and arrays with sensitive keys redacted. Class instances (requests,
 * errors) are left to their serializers, which pick safe fields.
 */
export function redactSensitive(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value))
    return value;
  if (Array.isArray(value)) {
    seen.add(value);
    return value.map((item) => redactSensitive(item, depth + 1, seen));
  }
  if (!isPlain(value)) return value;
  seen.add(value);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEY.test(key) ? REDACTED : redactSensitive(item, depth + 1, seen);
  }
  return copy;
}

interface RequestLike {
  readonly id?: unknown;
  readonly method?: unknown;
  readonly url?: unknown;
}

const serializers = {
  req: (req: RequestLike) => ({
    id: req.id,
    method: req.method,
    // The query string may carry values we must not keep (a token, a name): the path only.
    path: typeof req.url === 'string' ? req.url.split('?', 1)[0] : undefined,
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: pino.stdSerializers.err,
};

export interface CreateLoggerOptions {
  readonly level: LogLevel;
  /** Where lines go; stdout when omitted (tests pass a stream to read them back). */
  readonly destination?: DestinationStream;
}

/** The application's root logger. */
export function createLogger({ level, destination }: CreateLoggerOptions): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSensitive(object) as Record<string, unknown>,
        bindings: (bindings) => redactSensitive(bindings) as Record<string, unknown>,
      },
      // Second line of defence for shapes the serializers above would not produce.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          'res.headers["set-cookie"]',
        ],
        censor: REDACTED,
      },
    },
    destination,
  );
}

/**
 * The logging part of the Fastify options for main.ts:
 * `new FastifyAdapter({ ...fastifyLoggingOptions(logger), bodyLimit: settings.bodyLimitBytes })`.
 */
export interface FastifyLoggingOptions {
  readonly loggerInstance: FastifyBaseLogger;
  readonly genReqId: typeof genReqId;
  readonly requestIdHeader: false;
  readonly logController: LogController;
}

export function fastifyLoggingOptions(logger: Logger): FastifyLoggingOptions {
  return {
    loggerInstance: logger,
    genReqId,
    // genReqId reads and checks X-Request-Id itself; Fastify would take any value.
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  };
}

/** What becomes known about a request after it arrives. */
export interface LogContext {
  readonly actorSub?: string;
  readonly commandId?: string;
}

/** Adds fields to every later log line of this request (Fastify's request and reply loggers). */
export function bindLogContext(
  request: FastifyRequest,
  reply: FastifyReply | undefined,
  context: LogContext,
): void {
  const fields = Object.fromEntries(
    Object.entries(context).filter(([, value]) => value !== undefined),
  );
  request.log = request.log.child(fields);
  if (reply) reply.log = request.log;
}

const isStack = (text: string): boolean => /\n\s+at /.test(text);

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
const PINO_LEVEL: Readonly<Record<NestLevel, pino.Level>> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

/**
 * Nest's own logs (start-up, module wiring, Logger instances) through pino:
 * `NestFactory.create(AppModule, adapter, { logger: new PinoLoggerService(logger) })`.
 * Nest calls `log(message, context?)` and `error(message, stack?, context?)`.
 */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  // Nest calls each level by name; all go through write().
  log = (message: unknown, ...params: unknown[]): void => this.write('log', message, params);
  error = (message: unknown, ...params: unknown[]): void => this.write('error', message, params);
  warn = (message: unknown, ...params: unknown[]): void => this.write('warn', message, params);
  debug = (message: unknown, ...params: unknown[]): void => this.write('debug', message, params);
  verbose = (message: unknown, ...params: unknown[]): void =>
    this.write('verbose', message, params);
  fatal = (message: unknown, ...params: unknown[]): void => this.write('fatal', message, params);

  private write(level: NestLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' && !isStack(last) ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = {
      ...(context !== undefined && { context }),
      ...(stack !== undefined && { stack }),
    };
    const log = this.logger[PINO_LEVEL[level]].bind(this.logger);
    if (message instanceof Error) log({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) log({ ...fields, data: message });
    else log(fields, String(message));
  }
}
