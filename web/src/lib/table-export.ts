/**
 * Downloads a table as CSV (UTF-8 with BOM, so Excel reads the diacritics) or XLSX (exceljs,
 * loaded only when asked for): Vietnamese headers, money as numbers with the đồng format.
 */

export interface ExportColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | null;
  /** Money: a number cell formatted #,##0 "đ". */
  readonly money?: boolean;
  readonly width?: number;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function downloadCsv<T>(
  fileName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): void {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  save(
    new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' }),
    `${fileName}.csv`,
  );
}

export async function downloadXlsx<T>(
  fileName: string,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khuyến công';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? (c.money ? 20 : 24),
    ...(c.money && { style: { numFmt: '#,##0 "đ"' } }),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  const buffer = await workbook.xlsx.writeBuffer();
  save(
    new Blob([buffer], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    `${fileName}.xlsx`,
  );
}
