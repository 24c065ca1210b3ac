import type { FastifyReply } from 'fastify';
import { CSV_CONTENT_TYPE, toCsv, type CsvColumn } from './csv';
import { negotiate } from './content-negotiation';

/**
 * A report as JSON, or as CSV when the Accept header asks for text/csv. The CSV holds the
 * report's rows (and the total row, when there is one) under a header row.
 */
export function jsonOrCsv<T, R>(
  accept: string | undefined,
  reply: FastifyReply,
  report: R,
  csv: {
    readonly filename: string;
    readonly columns: readonly CsvColumn<T>[];
    readonly rows: (report: R) => readonly T[];
  },
): R | string {
  if (negotiate(accept, ['application/json', 'text/csv']) !== 'text/csv') return report;
  void reply.header('content-type', CSV_CONTENT_TYPE);
  void reply.header('content-disposition', `attachment; filename="${csv.filename}"`);
  return toCsv(csv.columns, csv.rows(report));
}
