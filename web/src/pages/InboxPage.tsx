import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, freshness, read } from '../api/client';
import { useNames } from '../api/reference';
import type { InboxItem } from '../api/types';
import { ColourTag, Loaded, StatusTag } from '../components/common';
import { businessDate, instant } from '../lib/format';
import { INBOX_ACTION_LABELS, PLAN_STATUS_LABELS, roleLabel } from '../lib/labels';

function linkOf(item: InboxItem): string {
  return item.subject === 'project'
    ? `/de-an/${item.id}?viec=${item.action}`
    : `/ke-hoach?nam=${item.planYear}`;
}

export default function InboxPage() {
  const names = useNames();
  const inbox = useQuery({
    queryKey: ['inbox'],
    queryFn: () =>
      read<{ items: InboxItem[] }>(api.GET('/api/v1/inbox', { params: { query: freshness() } })),
  });
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Việc cần làm
      </Typography.Title>
      <Card>
        <Loaded query={inbox}>
          {(data) => {
            // Oldest first: what has waited longest comes first.
            const items = [...data.items].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
            return (
              <Table<InboxItem>
                rowKey={(item) => `${item.subject}-${item.id}-${item.action}-${item.role}`}
                dataSource={items}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                locale={{ emptyText: <Empty description="Không có việc nào đang chờ bạn" /> }}
                columns={[
                  {
                    title: 'Việc',
                    key: 'action',
                    render: (_, item) => (
                      <Link to={linkOf(item)}>
                        {INBOX_ACTION_LABELS[item.action] ?? item.action}
                      </Link>
                    ),
                  },
                  { title: 'Đề án / kế hoạch', dataIndex: 'title', key: 'title' },
                  {
                    title: 'Đơn vị',
                    key: 'unit',
                    render: (_, item) =>
                      (item.unit ?? item.district)
                        ? names.unit(item.unit ?? item.district)
                        : 'Toàn tỉnh',
                  },
                  { title: 'Năm', dataIndex: 'planYear', key: 'planYear', width: 80 },
                  {
                    title: 'Trạng thái',
                    key: 'status',
                    render: (_, item) =>
                      item.subject === 'project' ? (
                        <StatusTag status={item.status} />
                      ) : (
                        <Tag>{PLAN_STATUS_LABELS[item.status] ?? item.status}</Tag>
                      ),
                  },
                  { title: 'Vai trò', key: 'role', render: (_, item) => roleLabel(item.role) },
                  { title: 'Chờ từ', key: 'since', render: (_, item) => instant(item.updatedAt) },
                  {
                    title: 'Hạn',
                    key: 'due',
                    render: (_, item) =>
                      item.dueDate ? (
                        <span>
                          {businessDate(item.dueDate)}{' '}
                          {item.overdue && <ColourTag color="red">Quá hạn</ColourTag>}
                        </span>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            );
          }}
        </Loaded>
      </Card>
    </>
  );
}
