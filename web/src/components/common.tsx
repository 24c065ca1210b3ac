import { Alert, Result, Spin, Tag } from 'antd';
import type { ReactNode } from 'react';
import { ProblemError } from '../api/client';
import { vnd } from '../lib/format';
import { STATUS_LABELS } from '../lib/labels';

export function Money({ value }: { value: number | null | undefined }) {
  return <span className="money">{vnd(value)}</span>;
}

/** The text colour of each tag colour, dark enough for WCAG AA on the tag's light background. */
const TAG_TEXT: Record<string, string> = {
  blue: '#003eb3',
  geekblue: '#1d39c4',
  orange: '#873800',
  cyan: '#00474f',
  purple: '#391085',
  gold: '#613400',
  lime: '#254000',
  green: '#135200',
  red: '#a8071a',
};

export function ColourTag({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Tag
      color={color === 'default' ? undefined : color}
      style={TAG_TEXT[color] ? { color: TAG_TEXT[color] } : undefined}
    >
      {children}
    </Tag>
  );
}

export function StatusTag({ status }: { status: string }) {
  const known = STATUS_LABELS[status];
  return <ColourTag color={known?.color ?? 'default'}>{known?.label ?? status}</ColourTag>;
}

/** What went wrong, in the server's words (Vietnamese with Accept-Language: vi). */
export function problemText(error: unknown): string {
  if (error instanceof ProblemError) {
    const { problem } = error;
    if (problem.status === 403) return 'Bạn không có quyền xem hoặc làm việc này.';
    if (problem.status === 404) return 'Không tìm thấy (hoặc bạn không có quyền xem).';
    return problem.detail ?? problem.title ?? `Lỗi ${problem.status}`;
  }
  return 'Không kết nối được máy chủ. Vui lòng thử lại.';
}

export function ErrorState({ error }: { error: unknown }) {
  return (
    <Alert type="error" showIcon title="Không tải được dữ liệu" description={problemText(error)} />
  );
}

/** Loading, error, then the content. */
export function Loaded<T>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending)
    return <Spin aria-label="Đang tải" style={{ display: 'block', margin: 48 }} />;
  if (query.error) return <ErrorState error={query.error} />;
  if (query.data === undefined) return <Result status="404" title="Không có dữ liệu" />;
  return <>{children(query.data)}</>;
}
