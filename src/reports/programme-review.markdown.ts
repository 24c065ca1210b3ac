import type { ContextIndicator } from '../programmes/domain/programme.types';
import type { ProgrammeReview } from './programme-review';
import { formatDate, formatInteger, formatPercent, formatVnd } from './vi-format';

export const MARKDOWN_CONTENT_TYPE = 'text/markdown; charset=utf-8';

const CONTEXT_NAMES: Readonly<Record<string, string>> = {
  rural_industrial_production_value_vnd: 'Giá trị sản xuất công nghiệp nông thôn',
  export_value_usd: 'Giá trị xuất khẩu',
  rural_industrial_establishments: 'Số cơ sở công nghiệp nông thôn',
  rural_industrial_establishments_change: 'Tăng, giảm số cơ sở công nghiệp nông thôn',
};

const BILLION = 1_000_000_000;

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/**
 * Text someone typed (a title, a reason, a name), made safe to place anywhere in the report:
 * previews render HTML, so `<`, `>`, `&` and `"` become entities; one line only, so it cannot
 * start a heading or end a table row; and Markdown's inline markers (links, emphasis, code)
 * and the cell separator `|` are backslash-escaped, so it reads exactly as typed.
 */
function userText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c])
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** `align` holds one letter a column: `l`, or `r` for numbers (right-aligned). */
function table(
  headers: readonly string[],
  align: string,
  rows: readonly (readonly string[])[],
): string[] {
  const separators = headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [row(headers), row(separators), ...rows.map(row)];
}

function contextValue(c: { value: number; unit: string }): string {
  if (c.unit === 'VND') {
    const inBillions = Number.isSafeInteger(c.value) && c.value % BILLION === 0;
    return `${formatVnd(c.value)}${inBillions ? ` (${formatInteger(c.value / BILLION)} tỷ đồng)` : ''}`;
  }
  if (c.unit === 'USD') return `${formatInteger(c.value)} USD`;
  return `${formatInteger(c.value)} ${c.unit === 'establishments' ? 'cơ sở' : c.unit}`;
}

function contextNote(c: ContextIndicator): string {
  const parts = [
    ...(c.estimated ? ['ước tính (estimate)'] : []),
    ...(c.asOf ? [`tại ngày ${formatDate(c.asOf)}`] : []),
    ...(c.target !== undefined && c.target !== 0
      ? [`đạt ${formatPercent(c.value, c.target)} mục tiêu`]
      : []),
    ...(c.note ? [c.note] : []),
  ];
  return userText(parts.join('; '));
}

function fundingSection(r: ProgrammeReview): string[] {
  return [
    '## 1. Kinh phí (funding)',
    '',
    ...table(
      [
        'Năm (year)',
        'Kinh phí theo Chương trình (budget), đồng',
        'Giải ngân (disbursed), đồng',
        'Tỷ lệ (rate)',
      ],
      'lrrr',
      [
        ...r.years.map((y) => [
          String(y.year),
          formatInteger(y.budgetVnd),
          formatInteger(y.disbursedVnd),
          formatPercent(y.disbursedVnd, y.budgetVnd),
        ]),
        [
          '**Tổng (total)**',
          `**${formatInteger(r.budgetVnd)}**`,
          `**${formatInteger(r.disbursedVnd)}**`,
          `**${formatPercent(r.disbursedVnd, r.budgetVnd)}**`,
        ],
      ],
    ),
    '',
    `- Tổng kinh phí theo Chương trình giai đoạn ${r.from}–${r.to} (budget): **${formatVnd(r.budgetVnd)}**`,
    `- Thực tế giải ngân (disbursed, net of recoveries): **${formatVnd(r.disbursedVnd)}**, đạt **${formatPercent(r.disbursedVnd, r.budgetVnd)}**`,
    r.shortfallVnd >= 0
      ? `- Chưa giải ngân (shortfall = budget − disbursed, computed from the events): **${formatVnd(r.shortfallVnd)}**`
      : `- Giải ngân vượt kinh phí (disbursed above budget): **${formatVnd(-r.shortfallVnd)}**`,
    `- Kinh phí phê duyệt của các đề án, nhiệm vụ còn hiệu lực (approved, live projects): ${formatVnd(r.approvedVnd)}; đã quyết toán (settled): ${formatVnd(r.settledVnd)}`,
    '',
  ];
}

function indicatorSection(r: ProgrammeReview): string[] {
  return [
    '## 2. Kết quả thực hiện các chỉ tiêu (indicators achieved)',
    '',
    ...table(
      [
        'Chỉ tiêu (indicator)',
        'Đơn vị (unit)',
        'Mục tiêu (target)',
        'Đạt được (achieved)',
        'Tỷ lệ (rate)',
      ],
      'llrrr',
      r.indicators.map((i) => [
        userText(i.name),
        userText(i.unit),
        i.target === null ? '–' : formatInteger(i.target),
        formatInteger(i.achieved),
        i.target === null ? '–' : formatPercent(i.achieved, i.target),
      ]),
    ),
    '',
  ];
}

function cancelledSection(r: ProgrammeReview): string[] {
  if (r.cancelledLines.length === 0) {
    return ['## 3. Nội dung không thể triển khai (cancelled lines)', '', 'Không có (none).', ''];
  }
  return [
    '## 3. Nội dung không thể triển khai (cancelled lines)',
    '',
    `${r.cancelledLines.length} nội dung đã hủy (lines cancelled):`,
    '',
    ...table(
      ['#', 'Nội dung (line)', 'Loại hoạt động (activity)', 'Năm KH (plan year)', 'Lý do (reason)'],
      'rllrl',
      r.cancelledLines.map((c, i) => [
        String(i + 1),
        userText(c.title) + (c.fundingSource === 'national' ? ' (khuyến công quốc gia)' : ''),
        userText(c.activityName),
        String(c.planYear),
        userText(c.reason) +
          (c.amountToRecoverVnd > 0 ? `; phải thu hồi ${formatVnd(c.amountToRecoverVnd)}` : ''),
      ]),
    ),
    '',
  ];
}

function contextSection(r: ProgrammeReview): string[] {
  if (r.contextIndicators.length === 0) return [];
  return [
    '## 4. Chỉ tiêu bối cảnh (context indicators, not derived from projects)',
    '',
    ...table(
      [
        'Năm (year)',
        'Chỉ tiêu (indicator)',
        'Giá trị (value)',
        'Mục tiêu (target)',
        'Ghi chú (note)',
      ],
      'llrrl',
      r.contextIndicators.map((c) => [
        String(c.year),
        userText(CONTEXT_NAMES[c.code] ?? c.code),
        contextValue(c),
        c.target === undefined ? '–' : contextValue({ value: c.target, unit: c.unit }),
        contextNote(c),
      ]),
    ),
    '',
  ];
}

/** The review as a Vietnamese report with English hints, numbers in Vietnamese format. */
export function programmeReviewMarkdown(r: ProgrammeReview): string {
  const decision =
    r.decisionNo !== null
      ? ` · Quyết định ${userText(r.decisionNo)}${r.decisionDate !== null ? ` ngày ${formatDate(r.decisionDate)}` : ''}`
      : '';
  return [
    `# Đánh giá kết quả thực hiện ${userText(r.name)}`,
    '',
    `*Programme review* · Mã chương trình (code): ${userText(r.code)} · Giai đoạn chương trình ${r.programmeFromYear}–${r.programmeToYear}${decision}`,
    '',
    `Giai đoạn đánh giá (years reviewed): **${r.from}–${r.to}**. Mọi số liệu được tính từ nhật ký sự kiện của hệ thống (every figure is computed from the event log, up to position ${r.asOfPosition}).`,
    '',
    ...fundingSection(r),
    ...indicatorSection(r),
    ...cancelledSection(r),
    ...contextSection(r),
  ].join('\n');
}
