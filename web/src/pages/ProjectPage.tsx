import { HistoryOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Modal,
  Progress,
  Row,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useHistory, useProject } from '../api/projects';
import { useNames } from '../api/reference';
import type { AvailableAction, HistoryEvent, Project } from '../api/types';
import { ActionForm, type CommandAnswer } from '../components/ActionForm';
import { Loaded, Money, StatusTag } from '../components/common';
import { businessDate, integer, percent, period } from '../lib/format';
import { EVENT_LABELS, LIFECYCLE, STATUS_LABELS } from '../lib/labels';

export const CONFLICT_MESSAGE =
  'Có người khác vừa thay đổi đề án này. Trang đã tải lại trạng thái mới nhất.';

function stepOf(status: string): number {
  if (status === 'revision_requested') return LIFECYCLE.indexOf('under_appraisal');
  const index = LIFECYCLE.indexOf(status as (typeof LIFECYCLE)[number]);
  return index === -1 ? 0 : index;
}

function Stepper({ project, history }: { project: Project; history?: readonly HistoryEvent[] }) {
  const ended = project.status === 'rejected' || project.status === 'cancelled';
  // Where a rejected or cancelled project stopped: the last status it held before.
  let current = stepOf(project.status);
  if (ended && history) {
    const before = [...history]
      .reverse()
      .find((e) => e.type !== 'ProjectRejected' && e.type !== 'ProjectCancelled');
    current = before ? Math.max(0, LIFECYCLE.indexOf(statusAfter(before.type) as never)) : 0;
  }
  return (
    <Steps
      size="small"
      current={current}
      status={ended ? 'error' : project.status === 'settled' ? 'finish' : 'process'}
      items={LIFECYCLE.map((status, index) => ({
        title:
          index === current && ended
            ? STATUS_LABELS[project.status].label
            : STATUS_LABELS[status].label,
      }))}
    />
  );
}

function statusAfter(eventType: string): string {
  const map: Record<string, string> = {
    ProjectRegistered: 'registered',
    ProjectResubmitted: 'registered',
    AppraisalStarted: 'under_appraisal',
    RevisionRequested: 'under_appraisal',
    AppraisalPassed: 'appraised',
    ProjectApproved: 'approved',
    ExecutionStarted: 'in_execution',
    ProjectAccepted: 'accepted',
  };
  return map[eventType] ?? 'in_execution';
}

function MoneyPanel({ project }: { project: Project }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'requested',
          label: 'Đề nghị hỗ trợ',
          children: <Money value={project.requestedFundingVnd} />,
        },
        {
          key: 'counterpart',
          label: 'Vốn đối ứng',
          children: <Money value={project.counterpartFundingVnd} />,
        },
        {
          key: 'appraised',
          label: 'Thẩm định',
          children: <Money value={project.appraisedFundingVnd} />,
        },
        {
          key: 'approved',
          label: 'Phê duyệt',
          children: <Money value={project.approvedFundingVnd} />,
        },
        { key: 'advances', label: 'Đã tạm ứng', children: <Money value={project.advancesVnd} /> },
        {
          key: 'payments',
          label: 'Đã thanh toán',
          children: <Money value={project.paymentsVnd} />,
        },
        { key: 'recovered', label: 'Đã thu hồi', children: <Money value={project.recoveredVnd} /> },
        {
          key: 'disbursed',
          label: 'Giải ngân thực (ròng)',
          children: <Money value={project.disbursedVnd} />,
        },
        { key: 'settled', label: 'Đã quyết toán', children: <Money value={project.settledVnd} /> },
        {
          key: 'cap',
          label: 'Mức tạm ứng tối đa',
          children: <Money value={project.advanceCapVnd ?? null} />,
        },
        {
          key: 'capLeft',
          label: 'Còn được tạm ứng',
          children: <Money value={project.advanceCapLeftVnd ?? null} />,
        },
        {
          key: 'toRecover',
          label: 'Phải thu hồi',
          children: <Money value={project.amountToRecoverVnd} />,
        },
        { key: 'rate', label: 'Tỷ lệ giải ngân', children: percent(project.disbursementRate) },
      ]}
    />
  );
}

function Indicators({ project }: { project: Project }) {
  const names = useNames();
  return (
    <Table
      size="small"
      rowKey="indicator"
      pagination={false}
      dataSource={[...project.targets]}
      locale={{ emptyText: 'Không có chỉ tiêu' }}
      columns={[
        { title: 'Chỉ tiêu', key: 'indicator', render: (_, t) => names.indicator(t.indicator) },
        {
          title: 'Mục tiêu',
          key: 'target',
          align: 'right',
          render: (_, t) => `${integer(t.target)} ${names.indicatorUnit(t.indicator)}`,
        },
        {
          title: 'Đạt được',
          key: 'achieved',
          align: 'right',
          render: (_, t) => integer(t.achieved ?? 0),
        },
        {
          title: 'Tỷ lệ',
          key: 'rate',
          width: 200,
          render: (_, t) => (
            <Progress
              percent={t.target > 0 ? Math.round(((t.achieved ?? 0) / t.target) * 100) : 0}
              size="small"
              aria-label={`Tỷ lệ đạt ${names.indicator(t.indicator)}`}
            />
          ),
        },
      ]}
    />
  );
}

/** Reports, inspections and decisions, as the project's history records them. */
function Records({ events }: { events: readonly HistoryEvent[] }) {
  const names = useNames();
  const reports = events.filter((e) => e.type === 'ProgressReported');
  const inspections = events.filter((e) => e.type === 'InspectionRecorded');
  const decisions = events.filter(
    (e) => typeof e.data.decisionNo === 'string' || typeof e.data.voucherNo === 'string',
  );
  const text = (value: unknown) => (typeof value === 'string' ? value : '—');
  return (
    <Row gutter={[16, 16]}>
      <Col span={24} xl={12}>
        <Card title="Báo cáo tiến độ hằng tháng" size="small">
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={reports}
            locale={{ emptyText: 'Chưa có báo cáo' }}
            columns={[
              { title: 'Kỳ', key: 'period', render: (_, e) => period(text(e.data.period)) },
              {
                title: 'Ngày báo cáo',
                key: 'on',
                render: (_, e) => businessDate(text(e.data.reportedOn ?? e.occurredOn)),
              },
              {
                title: 'Kết quả',
                key: 'achievements',
                render: (_, e) =>
                  (
                    (e.data.achievements as { indicator: string; value: number }[] | undefined) ??
                    []
                  )
                    .map((a) => `${names.indicator(a.indicator)}: ${integer(a.value)}`)
                    .join('; ') || '—',
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={24} xl={12}>
        <Card title="Kiểm tra, giám sát" size="small">
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={inspections}
            locale={{ emptyText: 'Chưa có lần kiểm tra nào' }}
            columns={[
              {
                title: 'Ngày',
                key: 'on',
                render: (_, e) => businessDate(text(e.data.inspectedOn ?? e.occurredOn)),
              },
              {
                title: 'Kết quả',
                key: 'findings',
                render: (_, e) => text(e.data.findings ?? e.data.outcome ?? e.data.notes),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title="Quyết định và chứng từ" size="small">
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={decisions}
            locale={{ emptyText: 'Chưa có quyết định nào' }}
            columns={[
              { title: 'Việc', key: 'type', render: (_, e) => EVENT_LABELS[e.type] ?? e.type },
              {
                title: 'Số',
                key: 'no',
                render: (_, e) => text(e.data.decisionNo ?? e.data.voucherNo),
              },
              {
                title: 'Ngày',
                key: 'date',
                render: (_, e) =>
                  businessDate(text(e.data.decisionDate ?? e.data.paidOn ?? e.occurredOn)),
              },
              {
                title: 'Số tiền',
                key: 'amount',
                align: 'right',
                render: (_, e) =>
                  typeof e.data.amountVnd === 'number' ? (
                    <Money value={e.data.amountVnd} />
                  ) : typeof e.data.approvedFundingVnd === 'number' ? (
                    <Money value={e.data.approvedFundingVnd} />
                  ) : (
                    '—'
                  ),
              },
              { title: 'Người thực hiện', key: 'actor', render: (_, e) => e.actor.name },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function ActionsPanel({
  project,
  highlight,
  onDone,
  onConflict,
}: {
  project: Project;
  highlight: boolean;
  onDone: (answer: CommandAnswer) => void;
  onConflict: () => void;
}) {
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlight) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  const actions = project.availableActions;
  return (
    <div ref={ref}>
      <Card
        title="Việc bạn có thể làm"
        size="small"
        style={highlight ? { borderColor: '#0b57d0' } : undefined}
      >
        {actions === undefined ? (
          <Alert
            type="info"
            showIcon
            title="Máy chủ chưa cho biết các việc có thể làm với đề án này."
          />
        ) : actions.length === 0 ? (
          <Empty description="Bạn không có việc nào cần làm với đề án này lúc này" />
        ) : (
          <Space wrap>
            {actions.map((action) => (
              <Button
                key={action.action}
                type="primary"
                ghost
                onClick={() => setOpen(action)}
                data-action={action.action}
              >
                {action.label}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Modal
        open={open !== null}
        title={open?.label}
        footer={null}
        onCancel={() => setOpen(null)}
        destroyOnHidden
        width={640}
      >
        {open !== null && (
          <ActionForm
            action={open}
            subjectId={project.id}
            version={project.version}
            onCancel={() => setOpen(null)}
            onDone={(answer) => {
              setOpen(null);
              onDone(answer);
            }}
            onConflict={() => {
              setOpen(null);
              onConflict();
            }}
          />
        )}
      </Modal>
    </div>
  );
}

export default function ProjectPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [minPosition, setMinPosition] = useState<string | undefined>();
  const project = useProject(id, minPosition);
  const history = useHistory(id, project.isSuccess);
  const names = useNames();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  return (
    <Loaded query={project}>
      {(p) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Flex justify="space-between" align="start" gap={16}>
            <div>
              <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
                {p.title}
              </Typography.Title>
              <Space wrap>
                <StatusTag status={p.status} />
                <Tag>Năm {p.planYear}</Tag>
                <span>{names.unit(p.unit ?? p.district)}</span>
                <span>· {names.activityType(p.activityType)}</span>
                <span>· {names.fundingSource(p.fundingSource)}</span>
                <span>· Phiên bản {p.version}</span>
              </Space>
            </div>
            <Link to={`/de-an/${p.id}/lich-su`}>
              <Button icon={<HistoryOutlined />}>Lịch sử</Button>
            </Link>
          </Flex>
          <Card size="small">
            <Stepper project={p} history={history.data?.events} />
          </Card>
          <ActionsPanel
            project={p}
            highlight={params.get('viec') !== null}
            onDone={(answer) => {
              void message.success('Đã ghi nhận');
              if (answer.position) setMinPosition(answer.position);
              void queryClient.invalidateQueries({ queryKey: ['projects'] });
              void queryClient.invalidateQueries({ queryKey: ['project', id] });
              void queryClient.invalidateQueries({ queryKey: ['history', id] });
              void queryClient.invalidateQueries({ queryKey: ['inbox'] });
            }}
            onConflict={() => {
              void queryClient.invalidateQueries({ queryKey: ['project', id] });
              void queryClient.invalidateQueries({ queryKey: ['history', id] });
              modal.warning({
                title: 'Có người khác vừa thay đổi đề án này',
                content: CONFLICT_MESSAGE,
                okText: 'Đã hiểu',
              });
            }}
          />
          <Card title="Thông tin chung" size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'beneficiary',
                  label: 'Người thụ hưởng',
                  children: p.beneficiary.name ?? '—',
                },
                {
                  key: 'period',
                  label: 'Thời gian dự kiến',
                  children: `${businessDate(p.plannedStart)} – ${businessDate(p.plannedEnd)}`,
                },
                {
                  key: 'decision',
                  label: 'Quyết định phê duyệt',
                  children: p.approvalDecisionNo ?? '—',
                },
                { key: 'started', label: 'Bắt đầu thực hiện', children: businessDate(p.startedOn) },
                { key: 'accepted', label: 'Nghiệm thu', children: businessDate(p.acceptedOn) },
                { key: 'settledOn', label: 'Quyết toán', children: businessDate(p.settledOn) },
                ...(p.rejectionReason
                  ? [{ key: 'rejection', label: 'Lý do từ chối', children: p.rejectionReason }]
                  : []),
                ...(p.cancellationReason
                  ? [{ key: 'cancel', label: 'Lý do hủy', children: p.cancellationReason }]
                  : []),
              ]}
            />
          </Card>
          <Card title="Kinh phí" size="small">
            <MoneyPanel project={p} />
          </Card>
          <Card title="Chỉ tiêu" size="small">
            <Indicators project={p} />
          </Card>
          {history.data ? (
            <Records events={history.data.events} />
          ) : history.error ? (
            <Alert
              type="info"
              showIcon
              title="Báo cáo, kiểm tra và quyết định được ghi trong lịch sử đề án, bạn không có quyền xem."
            />
          ) : null}
        </Space>
      )}
    </Loaded>
  );
}
