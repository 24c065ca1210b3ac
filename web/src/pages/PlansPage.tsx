import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api, read } from '../api/client';
import { useNames } from '../api/reference';
import type { Plan, PlanDistrict } from '../api/types';
import { ActionsBar } from '../components/ActionsBar';
import { ColourTag, Loaded } from '../components/common';
import { businessDate } from '../lib/format';
import { PLAN_STATUS_LABELS, REGISTRATION_STATUS_LABELS } from '../lib/labels';

export default function PlansPage() {
  const names = useNames();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: () => read<{ items: Plan[] }>(api.GET('/api/v1/plans')),
  });
  const years = (plans.data?.items ?? []).map((p) => p.year).sort((a, b) => b - a);
  const year = params.get('nam') ? Number(params.get('nam')) : years[0];
  const plan = useQuery({
    queryKey: ['plan', year],
    enabled: year !== undefined,
    queryFn: () => read<Plan>(api.GET('/api/v1/plans/{year}', { params: { path: { year } } })),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['plan', year] });
    void queryClient.invalidateQueries({ queryKey: ['plans'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Kế hoạch năm
      </Typography.Title>
      <Loaded query={plans}>
        {() => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Select
              aria-label="Năm kế hoạch"
              style={{ width: 180 }}
              value={year}
              onChange={(y) => setParams({ nam: String(y) })}
              options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
              notFoundContent="Chưa có kế hoạch năm nào"
            />
            {year !== undefined && (
              <Loaded query={plan}>
                {(p) => {
                  const counts = { submitted: 0, late: 0, missing: 0 };
                  for (const d of p.districts) counts[d.status] += 1;
                  return (
                    <>
                      <Card size="small" title={`Kế hoạch khuyến công năm ${p.year}`}>
                        <Descriptions
                          size="small"
                          column={{ xs: 1, md: 3 }}
                          items={[
                            {
                              key: 'status',
                              label: 'Tình trạng',
                              children: PLAN_STATUS_LABELS[p.status] ?? p.status,
                            },
                            {
                              key: 'deadline',
                              label: 'Hạn đăng ký',
                              children: businessDate(p.registrationDeadline),
                            },
                            { key: 'programme', label: 'Chương trình', children: p.programCode },
                            {
                              key: 'compiled',
                              label: 'Ngày tổng hợp',
                              children: businessDate(p.compiledOn),
                            },
                            {
                              key: 'decision',
                              label: 'Quyết định phê duyệt',
                              children: p.decisionNo
                                ? `${p.decisionNo} ngày ${businessDate(p.decisionDate)}`
                                : '—',
                            },
                            {
                              key: 'counts',
                              label: 'Đăng ký',
                              children: `${counts.submitted} đã nộp · ${counts.late} nộp muộn · ${counts.missing} chưa nộp`,
                            },
                          ]}
                        />
                      </Card>
                      <Card size="small" title="Việc bạn có thể làm">
                        <ActionsBar
                          actions={p.availableActions}
                          subjectId={String(p.year)}
                          version={p.version}
                          onDone={refresh}
                          onConflict={refresh}
                        />
                      </Card>
                      <Card size="small" title="Đăng ký của các đơn vị">
                        <Table<PlanDistrict>
                          size="small"
                          rowKey="district"
                          dataSource={[...p.districts]}
                          pagination={{ pageSize: 25, showSizeChanger: false }}
                          columns={[
                            {
                              title: 'Đơn vị',
                              key: 'unit',
                              render: (_, d) => names.unit(d.unit ?? d.district),
                              sorter: (a, b) =>
                                names
                                  .unit(a.unit ?? a.district)
                                  .localeCompare(names.unit(b.unit ?? b.district), 'vi'),
                            },
                            { title: 'Mã', key: 'code', render: (_, d) => d.unit ?? d.district },
                            {
                              title: 'Tình trạng',
                              key: 'status',
                              filters: Object.entries(REGISTRATION_STATUS_LABELS).map(
                                ([value, s]) => ({ value, text: s.label }),
                              ),
                              onFilter: (value, d) => d.status === value,
                              render: (_, d) => (
                                <ColourTag color={REGISTRATION_STATUS_LABELS[d.status].color}>
                                  {REGISTRATION_STATUS_LABELS[d.status].label}
                                </ColourTag>
                              ),
                            },
                            {
                              title: 'Ngày nộp',
                              key: 'on',
                              render: (_, d) => businessDate(d.submittedOn),
                            },
                            { title: 'Số lần nộp', dataIndex: 'submissions', align: 'right' },
                            {
                              title: 'Số đề án',
                              key: 'projects',
                              align: 'right',
                              render: (_, d) => d.projectIds.length,
                            },
                          ]}
                        />
                      </Card>
                    </>
                  );
                }}
              </Loaded>
            )}
          </Space>
        )}
      </Loaded>
    </>
  );
}
