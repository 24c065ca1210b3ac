/**
 * One small CSV writer for every report: RFC 4180 (CRLF line ends, a field holding a comma,
 * a quote or a line break is quoted, quotes doubled), UTF-8 with a byte-order mark so Excel
 * opens Vietnamese text as UTF-8 instead of guessing a code page.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvValue;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

// A text cell starting with one of these is run as a formula by spreadsheets (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole CSV document: BOM, the header row, then one row per item. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [
    columns.map((c) => field(c.header)).join(','),
    ...rows.map((row) => columns.map((c) => field(c.value(row))).join(',')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Columns headed with the rows' own field names, each cell the field as it is. */
export function fieldColumns<T extends { readonly [K in keyof T]: CsvValue }>(
  ...fields: readonly (keyof T & string)[]
): CsvColumn<T>[] {
  return fields.map((name) => ({ header: name, value: (row) => row[name] }));
}
