import {
  applyDecorators,
  createParamDecorator,
  Get,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ApiNegotiated, ApiProblems, QUERY_PROBLEMS } from '../http/openapi/api-problems.decorator';
import type { ReadYourWrites } from '../platform/read-your-writes';
import { ROLES } from '../shared/actor';
import { CSV_CONTENT_TYPE, toCsv, type CsvColumn } from './csv';

const CSV_MEDIA_TYPE = 'text/csv';
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

/**
 * A report every role may read (each sees what its scope allows), as JSON (`type`) or, when
 * the Accept header prefers text/csv, as CSV: a header row, then the rows (and the total row).
 */
export function ReportRoute(path: string, summary: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    Get(path),
    Roles(...ROLES),
    ApiOperation({ summary }),
    ApiNegotiated(
      type,
      'The report, as JSON or (Accept: text/csv) as CSV',
      {
        [CSV_MEDIA_TYPE]: {
          description:
            'UTF-8 with a byte-order mark, RFC 4180: a header row of the JSON field names, then one line per row',
        },
      },
      {
        'Content-Disposition': {
          description: 'With CSV: `attachment; filename="<report>.csv"`',
          schema: { type: 'string' },
        },
      },
    ),
    ApiProblems(...QUERY_PROBLEMS),
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
