import { LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, newIdempotencyKey, read } from '../api/client';
import { ColourTag, Loaded, problemText } from '../components/common';
import { instant } from '../lib/format';

interface Health {
  readonly status: string;
  readonly [part: string]: unknown;
}

const PART_LABELS: Record<string, string> = {
  eventStore: 'Kho sự kiện',
  projections: 'Bảng đọc (dữ liệu tổng hợp)',
  redis: 'Hàng đợi (Redis)',
  reminders: 'Nhắc việc',
};

function StatusWord({ status }: { status: unknown }) {
  return status === 'up' ? (
    <ColourTag color="green">Hoạt động</ColourTag>
  ) : (
    <ColourTag color="red">Có sự cố</ColourTag>
  );
}

interface FailedReminder {
  readonly id?: string;
  readonly name?: string;
  readonly failedReason?: string;
  readonly attemptsMade?: number;
  readonly finishedOn?: number | string;
  readonly data?: Record<string, unknown>;
}

export default function AdminPage() {
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async (): Promise<Health> => {
      // 503 when a part is down: its body still says which.
      const response = await fetch('/health');
      return (await response.json()) as Health;
    },
  });
  const failed = useQuery({
    queryKey: ['reminders', 'failed'],
    retry: false,
    queryFn: () => read<{ items: FailedReminder[] }>(api.GET('/api/v1/reminders/failed')),
  });
  const [scanKey, setScanKey] = useState(newIdempotencyKey);
  const scan = useMutation({
    mutationFn: () =>
      read<Record<string, unknown>>(
        api.POST('/api/v1/reminders/scan', {
          headers: { 'Idempotency-Key': scanKey },
          body: {} as never,
        }),
      ),
    onSettled: () => setScanKey(newIdempotencyKey()),
  });
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Quản trị
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col span={24} xl={12}>
          <Card
            size="small"
            title="Tình trạng hệ thống"
            extra={
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void health.refetch()}>
                Kiểm tra lại
              </Button>
            }
          >
            <Loaded query={health}>
              {(h) => (
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  items={[
                    {
                      key: 'all',
                      label: 'Toàn hệ thống',
                      children: <StatusWord status={h.status} />,
                    },
                    ...Object.entries(PART_LABELS).map(([key, label]) => ({
                      key,
                      label,
                      children: (
                        <StatusWord status={(h[key] as { status?: string } | undefined)?.status} />
                      ),
                    })),
                  ]}
                />
              )}
            </Loaded>
          </Card>
        </Col>
        <Col span={24} xl={12}>
          <Card size="small" title="Nhắc việc">
            <Button type="primary" onClick={() => scan.mutate()} loading={scan.isPending}>
              Quét nhắc việc ngay
            </Button>{' '}
            <a href="/admin/queues" target="_blank" rel="noreferrer">
              <LinkOutlined /> Bảng theo dõi hàng đợi
            </a>
            {scan.isSuccess && (
              <Alert
                style={{ marginTop: 12 }}
                type="success"
                showIcon
                title="Đã quét xong nhắc việc"
              />
            )}
            {scan.error && (
              <Alert
                style={{ marginTop: 12 }}
                type="error"
                showIcon
                title={problemText(scan.error)}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title="Nhắc việc gửi không thành công">
            <Loaded query={failed}>
              {(data) => (
                <Table<FailedReminder>
                  size="small"
                  rowKey={(r) => String(r.id ?? JSON.stringify(r))}
                  dataSource={data.items}
                  pagination={{ pageSize: 20 }}
                  locale={{ emptyText: 'Không có nhắc việc nào bị lỗi' }}
                  columns={[
                    { title: 'Mã', key: 'id', render: (_, r) => r.id ?? '—' },
                    {
                      title: 'Số lần thử',
                      key: 'attempts',
                      render: (_, r) => r.attemptsMade ?? '—',
                    },
                    { title: 'Lý do', key: 'reason', render: (_, r) => r.failedReason ?? '—' },
                    {
                      title: 'Lúc',
                      key: 'at',
                      render: (_, r) =>
                        r.finishedOn ? instant(new Date(r.finishedOn).toISOString()) : '—',
                    },
                  ]}
                />
              )}
            </Loaded>
          </Card>
        </Col>
      </Row>
    </>
  );
}
