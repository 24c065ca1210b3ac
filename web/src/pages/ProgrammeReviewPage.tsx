import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, read } from '../api/client';
import { useNames } from '../api/reference';
import type { Programme, ProgrammeReview } from '../api/types';
import { currentSession } from '../auth/session';
import { Loaded, Money } from '../components/common';
import { businessDate, integer, percent } from '../lib/format';
import { statusLabel } from '../lib/labels';

async function downloadMarkdown(code: string): Promise<void> {
  const response = await fetch(`/api/v1/programs/${encodeURIComponent(code)}/review`, {
    headers: {
      Accept: 'text/markdown',
      'Accept-Language': 'vi',
      Authorization: `Bearer ${currentSession()?.token ?? ''}`,
    },
  });
  if (!response.ok) throw new Error(String(response.status));
  const url = URL.createObjectURL(
    new Blob([await response.text()], { type: 'text/markdown;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `danh-gia-${code}.md`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ProgrammeReviewPage() {
  const { code = '' } = useParams();
  const names = useNames();
  const { message } = App.useApp();
  const programme = useQuery({
    queryKey: ['programme', code],
    queryFn: () =>
      read<Programme>(api.GET('/api/v1/programs/{code}', { params: { path: { code } } })),
  });
  const review = useQuery({
    queryKey: ['review', code],
    queryFn: () =>
      read<ProgrammeReview>(
        api.GET('/api/v1/programs/{code}/review', { params: { path: { code } } }),
      ),
  });
  return (
    <Loaded query={programme}>
      {(p) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Link to="/chuong-trinh" className="no-print">
            ← Danh sách chương trình
          </Link>
          <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
            {p.name}
          </Typography.Title>
          <Space className="no-print">
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              In báo cáo đánh giá
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadMarkdown(code).catch(() => message.error('Không tải được báo cáo'))
              }
            >
              Tải bản Markdown
            </Button>
          </Space>
          <Card size="small" title="Thông tin chương trình">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'code', label: 'Mã', children: p.code },
                { key: 'years', label: 'Giai đoạn', children: `${p.fromYear}–${p.toYear}` },
                {
                  key: 'decision',
                  label: 'Quyết định',
                  children: p.decisionNo
                    ? `${p.decisionNo} ngày ${businessDate(p.decisionDate)}`
                    : '—',
                },
              ]}
            />
          </Card>
          <Loaded query={review}>
            {(r) => (
              <>
                <Card size="small" title="Đánh giá kết quả thực hiện">
                  <Descriptions
                    bordered
                    size="small"
                    column={{ xs: 1, md: 3 }}
                    items={[
                      {
                        key: 'budget',
                        label: 'Kinh phí kế hoạch',
                        children: <Money value={r.budgetVnd} />,
                      },
                      {
                        key: 'approved',
                        label: 'Đã phê duyệt',
                        children: <Money value={r.approvedVnd} />,
                      },
                      {
                        key: 'disbursed',
                        label: 'Đã giải ngân',
                        children: <Money value={r.disbursedVnd} />,
                      },
                      {
                        key: 'settled',
                        label: 'Đã quyết toán',
                        children: <Money value={r.settledVnd} />,
                      },
                      {
                        key: 'shortfall',
                        label: 'Chưa giải ngân so với kế hoạch',
                        children: <Money value={r.shortfallVnd} />,
                      },
                      { key: 'rate', label: 'Tỷ lệ giải ngân', children: percent(r.rate) },
                      {
                        key: 'statuses',
                        label: 'Đề án theo trạng thái',
                        span: 3,
                        children: Object.entries(r.projectsByStatus)
                          .map(([status, count]) => `${statusLabel(status)}: ${count}`)
                          .join(' · '),
                      },
                    ]}
                  />
                </Card>
                <Card size="small" title="Kinh phí theo năm">
                  <Table
                    size="small"
                    rowKey="year"
                    pagination={false}
                    dataSource={[...r.years]}
                    columns={[
                      { title: 'Năm', dataIndex: 'year' },
                      {
                        title: 'Kế hoạch',
                        key: 'budget',
                        align: 'right',
                        render: (_, y) => <Money value={y.budgetVnd} />,
                      },
                      {
                        title: 'Phê duyệt',
                        key: 'approved',
                        align: 'right',
                        render: (_, y) => <Money value={y.approvedVnd} />,
                      },
                      {
                        title: 'Giải ngân',
                        key: 'disbursed',
                        align: 'right',
                        render: (_, y) => <Money value={y.disbursedVnd} />,
                      },
                      {
                        title: 'Tỷ lệ',
                        key: 'rate',
                        align: 'right',
                        render: (_, y) => percent(y.rate),
                      },
                    ]}
                  />
                </Card>
                <Card size="small" title="Chỉ tiêu của chương trình">
                  <Table
                    size="small"
                    rowKey="indicator"
                    pagination={false}
                    dataSource={[...r.indicators]}
                    columns={[
                      {
                        title: 'Chỉ tiêu',
                        key: 'name',
                        render: (_, i) => i.name ?? names.indicator(i.indicator),
                      },
                      {
                        title: 'Mục tiêu',
                        key: 'target',
                        align: 'right',
                        render: (_, i) => `${integer(i.target)} ${i.unit}`,
                      },
                      {
                        title: 'Đạt được',
                        key: 'achieved',
                        align: 'right',
                        render: (_, i) => integer(i.achieved),
                      },
                      {
                        title: 'Tỷ lệ',
                        key: 'rate',
                        align: 'right',
                        render: (_, i) => percent(i.rate),
                      },
                    ]}
                  />
                </Card>
              </>
            )}
          </Loaded>
        </Space>
      )}
    </Loaded>
  );
}
