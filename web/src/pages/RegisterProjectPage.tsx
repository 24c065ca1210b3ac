import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey, ProblemError, read, rememberPosition } from '../api/client';
import { useNames } from '../api/reference';
import type { Plan } from '../api/types';
import { currentSession } from '../auth/session';
import { problemText } from '../components/common';
import { MoneyInput, showFieldErrors } from '../components/forms';

interface Values {
  planYear: number;
  unit: string;
  title: string;
  activityType: string;
  fundingSource?: string;
  beneficiary: { name: string; address?: string; taxCode?: string };
  requestedFundingVnd: number;
  counterpartFundingVnd?: number;
  targets: { indicator: string; target: number }[];
  plannedStart: Dayjs;
  plannedEnd: Dayjs;
  description?: string;
}

export default function RegisterProjectPage() {
  const navigate = useNavigate();
  const names = useNames();
  const actor = currentSession()?.actor;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // One key per opening of the form: a double click or a retry registers once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: () => read<{ items: Plan[] }>(api.GET('/api/v1/plans')),
  });
  const openYears = (plans.data?.items ?? []).filter((p) => p.status === 'open').map((p) => p.year);

  const register = useMutation({
    mutationFn: (values: Values) =>
      read<{ id: string; position?: string }>(
        api.POST('/api/v1/projects', {
          headers: { 'Idempotency-Key': idempotencyKey },
          body: {
            planYear: values.planYear,
            unit: values.unit,
            title: values.title,
            activityType: values.activityType,
            ...(values.fundingSource && { fundingSource: values.fundingSource }),
            beneficiary: values.beneficiary,
            requestedFundingVnd: values.requestedFundingVnd,
            ...(values.counterpartFundingVnd !== undefined &&
              values.counterpartFundingVnd !== null && {
                counterpartFundingVnd: values.counterpartFundingVnd,
              }),
            targets: values.targets ?? [],
            plannedStart: values.plannedStart?.format('YYYY-MM-DD'),
            plannedEnd: values.plannedEnd?.format('YYYY-MM-DD'),
            ...(values.description && { description: values.description }),
          } as never,
        }),
      ),
    onSuccess: (answer) => {
      rememberPosition(answer.position);
      void queryClient.invalidateQueries();
      navigate(`/de-an/${answer.id}`);
    },
    onError: (error) => setOtherErrors(showFieldErrors(form, error)),
  });

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 24 }}>
        Đăng ký đề án
      </Typography.Title>
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) => {
            setOtherErrors([]);
            register.mutate(values);
          }}
          initialValues={{ unit: actor?.unit, targets: [{}], fundingSource: 'local' }}
          style={{ maxWidth: 900 }}
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="planYear"
                label="Năm kế hoạch"
                rules={[{ required: true, message: 'Chọn năm kế hoạch' }]}
              >
                <Select
                  aria-label="Năm kế hoạch"
                  options={openYears.map((y) => ({ value: y, label: `Năm ${y}` }))}
                  notFoundContent="Chưa có kế hoạch năm nào đang nhận đăng ký"
                />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="unit"
                label="Đơn vị đăng ký"
                rules={[{ required: true, message: 'Chọn đơn vị' }]}
              >
                <Select
                  aria-label="Đơn vị đăng ký"
                  showSearch
                  optionFilterProp="label"
                  disabled={actor?.unit !== undefined}
                  options={[
                    ...(actor?.unit && !names.units.some((u) => u.code === actor.unit)
                      ? [{ value: actor.unit, label: names.unit(actor.unit) }]
                      : []),
                    ...names.units
                      .filter((u) => u.level !== 'province')
                      .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label="Tên đề án"
            rules={[{ required: true, message: 'Nhập tên đề án' }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="activityType"
                label="Loại hoạt động"
                rules={[{ required: true, message: 'Chọn loại hoạt động' }]}
              >
                <Select
                  aria-label="Loại hoạt động"
                  options={names.types.map((t) => ({ value: t.code, label: t.name }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="fundingSource" label="Nguồn kinh phí">
                <Select
                  aria-label="Nguồn kinh phí"
                  options={names.sources.map((s) => ({ value: s.code, label: s.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name={['beneficiary', 'name']}
                label="Người thụ hưởng"
                rules={[{ required: true, message: 'Nhập tên người thụ hưởng' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name={['beneficiary', 'address']} label="Địa chỉ">
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['beneficiary', 'taxCode']} label="Mã số thuế">
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="requestedFundingVnd"
                label="Kinh phí đề nghị hỗ trợ (đồng)"
                rules={[{ required: true, message: 'Nhập kinh phí đề nghị' }]}
              >
                <MoneyInput aria-label="Kinh phí đề nghị hỗ trợ (đồng)" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="counterpartFundingVnd" label="Vốn đối ứng (đồng)">
                <MoneyInput aria-label="Vốn đối ứng (đồng)" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="plannedStart"
                label="Ngày bắt đầu dự kiến"
                rules={[{ required: true, message: 'Chọn ngày bắt đầu' }]}
              >
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="plannedEnd"
                label="Ngày kết thúc dự kiến"
                rules={[{ required: true, message: 'Chọn ngày kết thúc' }]}
              >
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            Chỉ tiêu
          </Typography.Title>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[field.name, 'indicator']}
                      label={`Chỉ tiêu ${index + 1}`}
                      rules={[{ required: true, message: 'Chọn chỉ tiêu' }]}
                    >
                      <Select
                        aria-label={`Chỉ tiêu ${index + 1}`}
                        style={{ width: 420 }}
                        options={names.indicators.map((i) => ({
                          value: i.code,
                          label: `${i.name} (${i.unit})`,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'target']}
                      label="Mục tiêu"
                      rules={[{ required: true, message: 'Nhập mục tiêu' }]}
                    >
                      <InputNumber aria-label={`Mục tiêu ${index + 1}`} min={0} precision={0} />
                    </Form.Item>
                    <Button
                      type="text"
                      aria-label={`Bỏ chỉ tiêu ${index + 1}`}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  style={{ marginBottom: 16 }}
                >
                  Thêm chỉ tiêu
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="description" label="Mô tả">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          {(otherErrors.length > 0 ||
            (register.error &&
              !(
                register.error instanceof ProblemError && register.error.problem.errors?.length
              ))) && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={register.error ? problemText(register.error) : 'Không đăng ký được'}
              description={otherErrors.length > 0 ? otherErrors.join('; ') : undefined}
              role="alert"
            />
          )}
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            Đăng ký
          </Button>
        </Form>
      </Card>
    </>
  );
}
