import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, read } from '../api/client';
import { useNames } from '../api/reference';
import type { DisbursementRow, ProgressRow } from '../api/types';
import { BarChart } from '../components/BarChart';
import { Loaded, Money } from '../components/common';
import { integer, percent } from '../lib/format';
import { downloadCsv, downloadXlsx, type ExportColumn } from '../lib/table-export';

type Kind = 'disbursement' | 'progress';
const DISBURSEMENT_GROUPS: { value: string; label: string }[] = [
  { value: 'year', label: 'Theo năm' },
  { value: 'unit', label: 'Theo đơn vị' },
  { value: 'activityType', label: 'Theo loại hoạt động' },
  { value: 'fundingSource', label: 'Theo nguồn kinh phí' },
  { value: 'programme', label: 'Theo chương trình' },
];
const PROGRESS_GROUPS: { value: string; label: string }[] = [
  { value: 'indicator', label: 'Theo chỉ tiêu' },
  { value: 'unit', label: 'Theo đơn vị' },
  { value: 'year', label: 'Theo năm' },
];

const SHORT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
/** Tỷ or triệu đồng on the chart's axis; the table keeps every đồng. */
const millions = (v: number) =>
  Math.abs(v) >= 1e9
    ? `${SHORT.format(v / 1e9)} tỷ`
    : Math.abs(v) >= 1e6
      ? `${SHORT.format(v / 1e6)} triệu`
      : SHORT.format(v);

export default function ReportsPage() {
  const names = useNames();
  const [kind, setKind] = useState<Kind>('disbursement');
  const [groupBy, setGroupBy] = useState<string>('year');
  const [planYear, setPlanYear] = useState<number | undefined>();
  const keyName = (key: string, group = groupBy) =>
    group === 'unit' || group === 'district'
      ? names.unit(key)
      : group === 'activityType'
        ? names.activityType(key)
        : group === 'fundingSource'
          ? names.fundingSource(key)
          : group === 'indicator'
            ? names.indicator(key)
            : key;

  const disbursement = useQuery({
    queryKey: ['report', 'disbursement', groupBy, planYear],
    enabled: kind === 'disbursement',
    queryFn: () =>
      read<{ rows: DisbursementRow[]; total: DisbursementRow }>(
        api.GET('/api/v1/reports/disbursement', {
          params: {
            query: { groupBy: groupBy as never, ...(planYear !== undefined && { planYear }) },
          },
        }),
      ),
  });
  const progress = useQuery({
    queryKey: ['report', 'progress', groupBy, planYear],
    enabled: kind === 'progress',
    queryFn: () =>
      read<{ rows: ProgressRow[] }>(
        api.GET('/api/v1/reports/progress', {
          params: {
            query: { groupBy: groupBy as never, ...(planYear !== undefined && { planYear }) },
          },
        }),
      ),
  });

  const disbursementColumns: ExportColumn<DisbursementRow>[] = [
    { header: 'Nhóm', value: (r) => (r.key === 'total' ? 'Tổng cộng' : keyName(r.key)), width: 40 },
    { header: 'Số đề án', value: (r) => r.projects, width: 12 },
    { header: 'Kinh phí phê duyệt (đồng)', value: (r) => r.approvedVnd, money: true },
    { header: 'Đã giải ngân (đồng)', value: (r) => r.disbursedVnd, money: true },
    { header: 'Đã quyết toán (đồng)', value: (r) => r.settledVnd, money: true },
    { header: 'Tỷ lệ giải ngân', value: (r) => r.rate, width: 16 },
  ];
  const progressColumns: ExportColumn<ProgressRow>[] = [
    { header: 'Nhóm', value: (r) => keyName(r.key), width: 40 },
    { header: 'Chỉ tiêu', value: (r) => names.indicator(r.indicator), width: 40 },
    { header: 'Mục tiêu', value: (r) => r.target, width: 14 },
    { header: 'Đạt được', value: (r) => r.achieved, width: 14 },
    { header: 'Tỷ lệ đạt', value: (r) => r.rate, width: 14 },
  ];

  const dRows = disbursement.data?.rows;
  const chartD = useMemo(
    () =>
      dRows && {
        categories: dRows.map((r) => keyName(r.key)),
        series: [
          { name: 'Phê duyệt', values: dRows.map((r) => r.approvedVnd) },
          { name: 'Giải ngân', values: dRows.map((r) => r.disbursedVnd) },
          { name: 'Quyết toán', values: dRows.map((r) => r.settledVnd) },
        ],
      },
    [dRows, names.units.length, names.types.length],
  );
  const pRows = progress.data?.rows;
  const chartP = useMemo(
    () =>
      pRows && {
        categories: pRows.map((r) =>
          groupBy === 'indicator'
            ? names.indicator(r.indicator)
            : `${keyName(r.key)} · ${names.indicator(r.indicator)}`,
        ),
        series: [
          { name: 'Tỷ lệ đạt (%)', values: pRows.map((r) => Math.round((r.rate ?? 0) * 100)) },
        ],
      },
    [pRows, names.indicators.length],
  );

  const fileName = `bao-cao-${kind === 'disbursement' ? 'giai-ngan' : 'tien-do'}-${groupBy}${planYear ? `-${planYear}` : ''}`;
  const years = Array.from({ length: 12 }, (_, i) => new Date().getFullYear() + 1 - i);

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Báo cáo
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Kind>
          aria-label="Loại báo cáo"
          value={kind}
          onChange={(value) => {
            setKind(value);
            setGroupBy(value === 'disbursement' ? 'year' : 'indicator');
          }}
          options={[
            { value: 'disbursement', label: 'Giải ngân' },
            { value: 'progress', label: 'Tiến độ chỉ tiêu' },
          ]}
        />
        <Select
          aria-label="Nhóm theo"
          style={{ width: 220 }}
          value={groupBy}
          onChange={setGroupBy}
          options={kind === 'disbursement' ? DISBURSEMENT_GROUPS : PROGRESS_GROUPS}
        />
        <Select
          aria-label="Năm kế hoạch"
          placeholder="Mọi năm"
          allowClear
          style={{ width: 150 }}
          value={planYear}
          onChange={setPlanYear}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            kind === 'disbursement'
              ? disbursement.data &&
                downloadCsv(fileName, disbursementColumns, [
                  ...disbursement.data.rows,
                  disbursement.data.total,
                ])
              : progress.data && downloadCsv(fileName, progressColumns, progress.data.rows)
          }
        >
          Tải CSV
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void (kind === 'disbursement'
              ? disbursement.data &&
                downloadXlsx(fileName, 'Giải ngân', disbursementColumns, [
                  ...disbursement.data.rows,
                  disbursement.data.total,
                ])
              : progress.data &&
                downloadXlsx(fileName, 'Tiến độ', progressColumns, progress.data.rows))
          }
        >
          Tải Excel
        </Button>
      </Space>
      {kind === 'disbursement' ? (
        <Loaded query={disbursement}>
          {(data) => (
            <Row gutter={16}>
              <Col span={24} xxl={13}>
                <Card size="small">
                  <Table<DisbursementRow>
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={data.rows}
                    locale={{ emptyText: 'Chưa có số liệu' }}
                    summary={() => (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <strong>Tổng cộng</strong>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          {data.total.projects}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          <Money value={data.total.approvedVnd} />
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          <Money value={data.total.disbursedVnd} />
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          <Money value={data.total.settledVnd} />
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} align="right">
                          {percent(data.total.rate)}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                    columns={[
                      { title: 'Nhóm', key: 'key', render: (_, r) => keyName(r.key) },
                      { title: 'Số đề án', dataIndex: 'projects', align: 'right' },
                      {
                        title: 'Phê duyệt',
                        key: 'approved',
                        align: 'right',
                        render: (_, r) => <Money value={r.approvedVnd} />,
                      },
                      {
                        title: 'Giải ngân',
                        key: 'disbursed',
                        align: 'right',
                        render: (_, r) => <Money value={r.disbursedVnd} />,
                      },
                      {
                        title: 'Quyết toán',
                        key: 'settled',
                        align: 'right',
                        render: (_, r) => <Money value={r.settledVnd} />,
                      },
                      {
                        title: 'Tỷ lệ',
                        key: 'rate',
                        align: 'right',
                        render: (_, r) => percent(r.rate),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col span={24} xxl={11}>
                <Card size="small">
                  {chartD && (
                    <BarChart
                      {...chartD}
                      label="Biểu đồ kinh phí phê duyệt, giải ngân và quyết toán"
                      format={millions}
                    />
                  )}
                </Card>
              </Col>
            </Row>
          )}
        </Loaded>
      ) : (
        <Loaded query={progress}>
          {(data) => (
            <Row gutter={16}>
              <Col span={24} xxl={13}>
                <Card size="small">
                  <Table<ProgressRow>
                    size="small"
                    rowKey={(r) => `${r.key}-${r.indicator}`}
                    pagination={false}
                    dataSource={data.rows}
                    locale={{ emptyText: 'Chưa có số liệu' }}
                    columns={[
                      ...(groupBy === 'indicator'
                        ? []
                        : [
                            {
                              title: 'Nhóm',
                              key: 'key',
                              render: (_: unknown, r: ProgressRow) => keyName(r.key),
                            },
                          ]),
                      {
                        title: 'Chỉ tiêu',
                        key: 'indicator',
                        render: (_, r) => names.indicator(r.indicator),
                      },
                      {
                        title: 'Mục tiêu',
                        key: 'target',
                        align: 'right',
                        render: (_, r) => integer(r.target),
                      },
                      {
                        title: 'Đạt được',
                        key: 'achieved',
                        align: 'right',
                        render: (_, r) => integer(r.achieved),
                      },
                      {
                        title: 'Tỷ lệ',
                        key: 'rate',
                        align: 'right',
                        render: (_, r) => percent(r.rate),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col span={24} xxl={11}>
                <Card size="small">
                  {chartP && (
                    <BarChart
                      {...chartP}
                      label="Biểu đồ tỷ lệ đạt chỉ tiêu"
                      format={(v) => `${v} %`}
                    />
                  )}
                </Card>
              </Col>
            </Row>
          )}
        </Loaded>
      )}
    </>
  );
}
