import type { ProgrammeReview } from './programme-review';
import { programmeReviewMarkdown } from './programme-review.markdown';

/**
 * The review's Markdown is opened in editors and previews that render HTML: whatever a user
 * typed (titles, reasons, programme names, notes) must come out as text, never as markup,
 * and must not break the tables it sits in.
 */

const IMG = '<img src=x onerror=alert(1)>';

function review(overrides: Partial<ProgrammeReview> = {}): ProgrammeReview {
  return {
    code: 'KC-2026',
    name: 'Chương trình khuyến công',
    decisionNo: null,
    decisionDate: null,
    programmeFromYear: 2026,
    programmeToYear: 2030,
    from: 2026,
    to: 2026,
    budgetVnd: 1_000_000_000,
    disbursedVnd: 0,
    rate: 0,
    shortfallVnd: 1_000_000_000,
    approvedVnd: 0,
    settledVnd: 0,
    years: [{ year: 2026, budgetVnd: 1_000_000_000, approvedVnd: 0, disbursedVnd: 0, rate: 0 }],
    projectsByStatus: {},
    indicators: [],
    cancelledLines: [
      {
        projectId: '7d3f7b52-8e1a-4c55-9a55-3f4b8f0d2b11',
        planYear: 2026,
        district: 'bien-hoa',
        activityType: 'training',
        activityName: 'Đào tạo nghề',
        title: IMG,
        fundingSource: 'local',
        reason: 'Thiếu kinh phí | đối ứng\n## Tiêu đề giả\n<script>alert(2)</script>',
        cancelledOn: '2026-05-01',
        amountToRecoverVnd: 0,
      },
    ],
    contextIndicators: [],
    asOfPosition: '42',
    ...overrides,
  };
}

/** Cells of a Markdown table row: split on pipes that are not escaped. */
function cellsOf(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('programmeReviewMarkdown with user-supplied text', () => {
  it('renders a title of raw HTML as inert text', () => {
    const md = programmeReviewMarkdown(review());
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps a reason with a pipe and a newline inside its table cell', () => {
    const md = programmeReviewMarkdown(review());
    const lines = md.split('\n');
    const header = lines.find((l) => l.startsWith('| # |'))!;
    const cancelled = lines.filter((l) => l.startsWith('| 1 |'));
    expect(cancelled).toHaveLength(1);
    expect(cellsOf(cancelled[0])).toHaveLength(cellsOf(header).length);
    expect(cellsOf(cancelled[0])[4]).toContain('Thiếu kinh phí \\| đối ứng');
    expect(lines.some((l) => l.startsWith('## Tiêu đề giả'))).toBe(false);
  });

  it('escapes the programme name, code and decision number outside tables too', () => {
    const md = programmeReviewMarkdown(
      review({ name: `${IMG}\n# Giả`, code: '<b>KC</b>', decisionNo: '12/QĐ <i>x</i>' }),
    );
    expect(md).not.toMatch(/<(img|b|i)[\s>]/);
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
    expect(md).toContain('&lt;b&gt;KC&lt;/b&gt;');
  });

  it('neutralises Markdown links and emphasis a user typed', () => {
    const md = programmeReviewMarkdown(
      review({ name: '[bấm vào đây](javascript:alert(1)) *đậm*' }),
    );
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[bấm vào đây\\]');
    expect(md).toContain('\\*đậm\\*');
  });

  it('leaves ordinary Vietnamese text as it is', () => {
    const md = programmeReviewMarkdown(review({ name: 'Chương trình khuyến công Đồng Nai' }));
    expect(md).toContain('# Đánh giá kết quả thực hiện Chương trình khuyến công Đồng Nai');
  });
});
