import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, read } from '../api/client';
import { useHistory } from '../api/projects';
import type { HistoryEvent, StateAt, Verification } from '../api/types';
import { Loaded, Money, problemText, StatusTag } from '../components/common';
import { businessDate, instant } from '../lib/format';
import { EVENT_FIELD_LABELS, EVENT_LABELS, roleLabel } from '../lib/labels';

const MONEY_FIELDS = new Set([
  'requestedFundingVnd',
  'counterpartFundingVnd',
  'appraisedFundingVnd',
  'approvedFundingVnd',
  'amountVnd',
  'settledVnd',
]);
const DATE_FIELDS = new Set(['decisionDate', 'paidOn']);

function EventDetails({ event }: { event: HistoryEvent }) {
  const shown = Object.entries(event.data).filter(
    ([key, value]) =>
      key in EVENT_FIELD_LABELS && (typeof value === 'string' || typeof value === 'number'),
  );
  if (shown.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={2}
      items={shown.map(([key, value]) => ({
        key,
        label: EVENT_FIELD_LABELS[key],
        children: MONEY_FIELDS.has(key) ? (
          <Money value={value as number} />
        ) : DATE_FIELDS.has(key) ? (
          businessDate(String(value))
        ) : (
          String(value)
        ),
      }))}
    />
  );
}

function StateView({ state }: { state: StateAt }) {
  // A date before the registration: the project did not exist yet.
  if (state.state === null)
    return <Alert type="info" showIcon title="Đề án chưa được đăng ký vào lúc này." />;
  const s = state.state as Record<string, unknown>;
  const money = (key: string) =>
    typeof s[key] === 'number' ? <Money value={s[key] as number} /> : '—';
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'version', label: 'Phiên bản', children: state.version },
        { key: 'status', label: 'Trạng thái', children: <StatusTag status={String(s.status)} /> },
        { key: 'requested', label: 'Đề nghị hỗ trợ', children: money('requestedFundingVnd') },
        { key: 'appraised', label: 'Thẩm định', children: money('appraisedFundingVnd') },
        { key: 'approved', label: 'Phê duyệt', children: money('approvedFundingVnd') },
        { key: 'advances', label: 'Đã tạm ứng', children: money('advancesVnd') },
        { key: 'payments', label: 'Đã thanh toán', children: money('paymentsVnd') },
        { key: 'recovered', label: 'Đã thu hồi', children: money('recoveredVnd') },
        { key: 'net', label: 'Giải ngân thực (ròng)', children: money('netDisbursedVnd') },
        { key: 'settled', label: 'Đã quyết toán', children: money('settledVnd') },
        {
          key: 'decision',
          label: 'Quyết định phê duyệt',
          children: typeof s.approvalDecisionNo === 'string' ? s.approvalDecisionNo : '—',
        },
        { key: 'recordedAt', label: 'Ghi lúc', children: instant(state.recordedAt) },
      ]}
    />
  );
}

export default function HistoryPage() {
  const { id = '' } = useParams();
  const history = useHistory(id);
  const [asOfDate, setAsOfDate] = useState<Dayjs | null>(null);
  const stateAt = useMutation({
    mutationFn: (query: { asOfVersion?: number; asOf?: string }) =>
      read<StateAt>(api.GET('/api/v1/projects/{id}/state', { params: { path: { id }, query } })),
  });
  const [stateLabel, setStateLabel] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      read<Verification>(api.GET('/api/v1/projects/{id}/verify', { params: { path: { id } } })),
  });

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Lịch sử đề án
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Link to={`/de-an/${id}`}>← Về đề án</Link>
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => verify.mutate()}
          loading={verify.isPending}
        >
          Kiểm tra toàn vẹn
        </Button>
        <DatePicker
          aria-label="Xem trạng thái tại ngày"
          placeholder="Trạng thái tại ngày"
          format="DD/MM/YYYY"
          style={{ width: 220 }}
          value={asOfDate}
          onChange={(date: Dayjs | null) => {
            setAsOfDate(date);
            if (date) {
              setStateLabel(`tại ngày ${date.format('DD/MM/YYYY')}`);
              stateAt.mutate({ asOf: date.format('YYYY-MM-DD') });
            }
          }}
        />
      </Space>
      {verify.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verify.data.valid ? 'success' : 'error'}
          showIcon
          role="status"
          title={
            verify.data.valid
              ? `Toàn vẹn: đã kiểm tra ${verify.data.eventsChecked} sự kiện, chuỗi băm không bị sửa.`
              : `Chuỗi băm bị hỏng từ phiên bản ${verify.data.firstBrokenVersion}.`
          }
        />
      )}
      {verify.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problemText(verify.error)}
        />
      )}
      <Row gutter={16}>
        <Col span={24} xl={14}>
          <Card>
            <Loaded query={history}>
              {(data) => (
                <Timeline
                  items={data.events.map((event) => ({
                    key: event.version,
                    children: (
                      <div data-version={event.version}>
                        <Space wrap>
                          <Typography.Text strong>
                            {event.version}. {EVENT_LABELS[event.type] ?? event.type}
                          </Typography.Text>
                          <Tag>Ngày nghiệp vụ {businessDate(event.occurredOn)}</Tag>
                        </Space>
                        <div>
                          {event.actor.name} · {roleLabel(event.actor.role)} · ghi lúc{' '}
                          {instant(event.recordedAt)} · mã băm{' '}
                          <code>{event.hash.slice(0, 12)}</code>
                        </div>
                        <EventDetails event={event} />
                        <Button
                          size="small"
                          type="link"
                          // Antd's link blue (and its lighter hover) is below WCAG AA on white.
                          style={{ paddingInline: 0, color: '#0b57d0' }}
                          onClick={() => {
                            setStateLabel(
                              `sau bước ${event.version}: ${EVENT_LABELS[event.type] ?? event.type}`,
                            );
                            stateAt.mutate({ asOfVersion: event.version });
                          }}
                        >
                          Xem trạng thái tại bước này
                        </Button>
                      </div>
                    ),
                  }))}
                />
              )}
            </Loaded>
          </Card>
        </Col>
        <Col span={24} xl={10}>
          <Card title={`Trạng thái ${stateLabel}`.trim()} style={{ position: 'sticky', top: 16 }}>
            {stateAt.isPending && 'Đang tải…'}
            {stateAt.error && <Alert type="error" showIcon title={problemText(stateAt.error)} />}
            {stateAt.data ? (
              <StateView state={stateAt.data} />
            ) : (
              !stateAt.isPending &&
              !stateAt.error &&
              'Chọn một bước hoặc một ngày để xem đề án khi ấy.'
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
