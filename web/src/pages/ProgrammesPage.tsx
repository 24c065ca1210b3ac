import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, read } from '../api/client';
import type { Programme } from '../api/types';
import { Loaded, Money } from '../components/common';
import { businessDate } from '../lib/format';

export default function ProgrammesPage() {
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => read<{ items: Programme[] }>(api.GET('/api/v1/programs')),
  });
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Chương trình
      </Typography.Title>
      <Card>
        <Loaded query={programmes}>
          {(data) => (
            <Table<Programme>
              rowKey="code"
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: 'Chưa có chương trình nào' }}
              columns={[
                {
                  title: 'Chương trình',
                  key: 'name',
                  render: (_, p) => (
                    <Link to={`/chuong-trinh/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                  ),
                },
                { title: 'Mã', dataIndex: 'code' },
                { title: 'Giai đoạn', key: 'years', render: (_, p) => `${p.fromYear}–${p.toYear}` },
                {
                  title: 'Quyết định',
                  key: 'decision',
                  render: (_, p) =>
                    p.decisionNo ? `${p.decisionNo} ngày ${businessDate(p.decisionDate)}` : '—',
                },
                {
                  title: 'Tổng kinh phí các năm',
                  key: 'budget',
                  align: 'right',
                  render: (_, p) => (
                    <Money value={p.budgets.reduce((sum, b) => sum + b.amountVnd, 0)} />
                  ),
                },
                {
                  title: 'Số chỉ tiêu',
                  key: 'targets',
                  align: 'right',
                  render: (_, p) => p.targets.length,
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </>
  );
}
