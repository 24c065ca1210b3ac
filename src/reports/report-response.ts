import { applyDecorators, createParamDecorator, Get, type ExecutionContext } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import type { ReadYourWrites } from '../platform/read-your-writes';
import { ROLES } from '../shared/actor';
import { CSV_CONTENT_TYPE, toCsv, type CsvColumn } from './csv';
import { negotiate } from './content-negotiation';

/** What a report needs to answer as JSON or CSV: the caller's Accept header and the reply. */
export interface ReportOutput {
  readonly accept: string | undefined;
  readonly reply: FastifyReply;
}

/**
 * The route's ReportOutput. The reply is only given headers (the handler's return value is
 * still sent by Nest), so the route keeps Nest's own response handling.
 */
export const ReportOutputParam = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ReportOutput => {
    const http = context.switchToHttp();
    return {
      accept: http.getRequest<FastifyRequest>().headers.accept,
      reply: http.getResponse<FastifyReply>(),
    };
  },
);

/** A report every role may read (each sees what its scope allows), as JSON or CSV. */
export function ReportRoute(path: string, summary: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    Roles(...ROLES),
    ApiProduces('application/json', 'text/csv'),
    ApiOperation({ summary }),
  );
}

/** How a report is written as CSV: the file's name, its columns, and the rows it holds. */
export interface ReportCsv<R, T> {
  readonly filename: string;
  readonly columns: readonly CsvColumn<T>[];
  readonly rows: (report: R) => readonly T[];
}

/**
 * A report as JSON, or as CSV when the Accept header asks for text/csv. The CSV holds the
 * report's rows (and the total row, when there is one) under a header row.
 */
export function jsonOrCsv<R, T>(output: ReportOutput, report: R, csv: ReportCsv<R, T>): R | string {
  if (negotiate(output.accept, ['application/json', 'text/csv']) !== 'text/csv') return report;
  void output.reply.header('content-type', CSV_CONTENT_TYPE);
  void output.reply.header('content-disposition', `attachment; filename="${csv.filename}"`);
  return toCsv(csv.columns, csv.rows(report));
}

/**
 * A report read once the read models have reached the caller's `minPosition` (so it sees the
 * caller's own writes), as JSON or CSV.
 */
export async function answerReport<R, T>(
  readYourWrites: ReadYourWrites,
  minPosition: unknown,
  output: ReportOutput,
  csv: ReportCsv<R, T>,
  build: () => R,
): Promise<R | string> {
  await readYourWrites.reach(minPosition);
  return jsonOrCsv(output, build(), csv);
}
