import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, freshness, read } from '../api/client';
import { useNames } from '../api/reference';
import type { Page, Project } from '../api/types';
import { ErrorState, Money, StatusTag } from '../components/common';
import { businessDate } from '../lib/format';
import { STATUS_LABELS, statusLabel } from '../lib/labels';
import { downloadCsv, downloadXlsx, type ExportColumn } from '../lib/table-export';

type Filters = {
  planYear?: number;
  unit?: string;
  status?: string;
  activityType?: string;
  fundingSource?: string;
  /** Words of the title; the server ignores case and diacritics (the beneficiary is sealed, never searched). */
  q?: string;
};

const PAGE_SIZE = 20;

async function listProjects(
  filters: Filters,
  page: number,
  pageSize: number,
): Promise<Page<Project>> {
  return read<Page<Project>>(
    api.GET('/api/v1/projects', {
      params: {
        query: {
          ...(filters.planYear !== undefined && { planYear: filters.planYear }),
          ...(filters.unit && { unit: filters.unit }),
          ...(filters.status && { status: filters.status as never }),
          ...(filters.activityType && { activityType: filters.activityType }),
          ...(filters.fundingSource && { fundingSource: filters.fundingSource }),
          ...(filters.q && { q: filters.q }),
          page,
          pageSize,
          ...freshness(),
        },
      },
    }),
  );
}

export default function ProjectsPage() {
  const names = useNames();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    planYear: params.get('nam') ? Number(params.get('nam')) : undefined,
    unit: params.get('don-vi') ?? undefined,
    status: params.get('trang-thai') ?? undefined,
    activityType: params.get('loai') ?? undefined,
    fundingSource: params.get('nguon') ?? undefined,
    q: params.get('tim') ?? undefined,
  };
  const page = Number(params.get('trang') ?? '1');
  const [exporting, setExporting] = useState<string | null>(null);

  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'trang') next.delete('trang');
    setParams(next, { replace: true });
  };

  const projects = useQuery({
    queryKey: ['projects', filters, page],
    queryFn: () => listProjects(filters, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });

  const columns: ExportColumn<Project>[] = [
    { header: 'Tên đề án', value: (p) => p.title, width: 50 },
    { header: 'Năm kế hoạch', value: (p) => p.planYear, width: 12 },
    { header: 'Đơn vị', value: (p) => names.unit(p.unit ?? p.district) },
    { header: 'Loại hoạt động', value: (p) => names.activityType(p.activityType) },
    { header: 'Nguồn kinh phí', value: (p) => names.fundingSource(p.fundingSource) },
    { header: 'Người thụ hưởng', value: (p) => p.beneficiary.name ?? '' },
    { header: 'Trạng thái', value: (p) => statusLabel(p.status) },
    { header: 'Kinh phí đề nghị (đồng)', value: (p) => p.requestedFundingVnd, money: true },
    { header: 'Kinh phí phê duyệt (đồng)', value: (p) => p.approvedFundingVnd, money: true },
    { header: 'Đã giải ngân (đồng)', value: (p) => p.disbursedVnd, money: true },
    { header: 'Đã quyết toán (đồng)', value: (p) => p.settledVnd, money: true },
    { header: 'Mã đề án', value: (p) => p.id, width: 38 },
  ];

  async function exportAll(kind: 'csv' | 'xlsx') {
    setExporting(kind);
    try {
      const all: Project[] = [];
      for (let n = 1; ; n += 1) {
        const answer = await listProjects(filters, n, 200);
        all.push(...answer.items);
        if (all.length >= answer.total || answer.items.length === 0) break;
      }
      if (kind === 'csv') downloadCsv('de-an', columns, all);
      else await downloadXlsx('de-an', 'Đề án', columns, all);
    } catch {
      void message.error('Không xuất được danh sách. Vui lòng thử lại.');
    } finally {
      setExporting(null);
    }
  }

  const years = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() + 1 - i);
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
          Đề án
        </Typography.Title>
        <Link to="/de-an/dang-ky">
          <Button type="primary" icon={<PlusOutlined />}>
            Đăng ký đề án
          </Button>
        </Link>
      </Flex>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label="Năm kế hoạch"
            placeholder="Năm kế hoạch"
            allowClear
            style={{ width: 150 }}
            value={filters.planYear}
            onChange={(v) => set('nam', v)}
            options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
          />
          <Select
            aria-label="Đơn vị"
            placeholder="Đơn vị"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            value={filters.unit}
            onChange={(v) => set('don-vi', v)}
            options={names.units
              .filter((u) => u.level !== 'province')
              .map((u) => ({ value: u.code, label: u.name }))}
          />
          <Select
            aria-label="Trạng thái"
            placeholder="Trạng thái"
            allowClear
            style={{ width: 180 }}
            value={filters.status}
            onChange={(v) => set('trang-thai', v)}
            options={Object.entries(STATUS_LABELS).map(([value, s]) => ({ value, label: s.label }))}
          />
          <Select
            aria-label="Loại hoạt động"
            placeholder="Loại hoạt động"
            allowClear
            style={{ width: 260 }}
            value={filters.activityType}
            onChange={(v) => set('loai', v)}
            options={names.types.map((t) => ({ value: t.code, label: t.name }))}
          />
          <Select
            aria-label="Nguồn kinh phí"
            placeholder="Nguồn kinh phí"
            allowClear
            style={{ width: 230 }}
            value={filters.fundingSource}
            onChange={(v) => set('nguon', v)}
            options={names.sources.map((s) => ({ value: s.code, label: s.name }))}
          />
          <Input.Search
            aria-label="Tìm theo tên đề án"
            placeholder="Tìm theo tên đề án"
            allowClear
            style={{ width: 280 }}
            defaultValue={filters.q}
            maxLength={200}
            onSearch={(v) => set('tim', v.trim())}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === 'csv'}
            onClick={() => void exportAll('csv')}
          >
            Tải CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === 'xlsx'}
            onClick={() => void exportAll('xlsx')}
          >
            Tải Excel
          </Button>
        </Space>
        {projects.error ? (
          <ErrorState error={projects.error} />
        ) : (
          <Table<Project>
            rowKey="id"
            loading={projects.isFetching}
            dataSource={projects.data?.items ?? []}
            locale={{ emptyText: 'Không có đề án nào khớp bộ lọc' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: projects.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `${total} đề án`,
              onChange: (n) => set('trang', n),
            }}
            columns={[
              {
                title: 'Tên đề án',
                dataIndex: 'title',
                sorter: (a, b) => a.title.localeCompare(b.title, 'vi'),
                render: (title: string, p) => <Link to={`/de-an/${p.id}`}>{title}</Link>,
              },
              {
                title: 'Năm',
                dataIndex: 'planYear',
                width: 80,
                sorter: (a, b) => a.planYear - b.planYear,
              },
              { title: 'Đơn vị', key: 'unit', render: (_, p) => names.unit(p.unit ?? p.district) },
              {
                title: 'Loại hoạt động',
                key: 'type',
                render: (_, p) => names.activityType(p.activityType),
              },
              {
                title: 'Trạng thái',
                key: 'status',
                render: (_, p) => <StatusTag status={p.status} />,
              },
              {
                title: 'Đề nghị',
                key: 'requested',
                align: 'right',
                sorter: (a, b) => a.requestedFundingVnd - b.requestedFundingVnd,
                render: (_, p) => <Money value={p.requestedFundingVnd} />,
              },
              {
                title: 'Phê duyệt',
                key: 'approved',
                align: 'right',
                sorter: (a, b) => (a.approvedFundingVnd ?? 0) - (b.approvedFundingVnd ?? 0),
                render: (_, p) => <Money value={p.approvedFundingVnd} />,
              },
              {
                title: 'Đã giải ngân',
                key: 'disbursed',
                align: 'right',
                sorter: (a, b) => a.disbursedVnd - b.disbursedVnd,
                render: (_, p) => <Money value={p.disbursedVnd} />,
              },
              {
                title: 'Kết thúc dự kiến',
                key: 'end',
                render: (_, p) => businessDate(p.plannedEnd),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
