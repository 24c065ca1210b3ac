import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { newIdempotencyKey, postCommand, ProblemError } from '../api/client';
import type { ActionField, AvailableAction } from '../api/types';
import { businessDate, period, vnd } from '../lib/format';
import { problemText } from './common';
import { MoneyInput, showFieldErrors } from './forms';

/**
 * The form of one action the server lists for the caller: its fields, the limits the server
 * knows shown beside them (the server, not this form, refuses what exceeds them), posted
 * with If-Match and one Idempotency-Key for this opening of the form.
 */

export interface CommandAnswer {
  readonly id?: string;
  readonly version?: number;
  readonly position?: string;
}

/** A limit as the user reads it: đồng, dd/MM/yyyy, tháng MM/yyyy. */
function shown(field: ActionField, limit: number | string): string {
  if (field.type === 'vnd' && typeof limit === 'number') return vnd(limit);
  if (field.type === 'date') return businessDate(String(limit));
  if (field.type === 'period') return period(String(limit));
  return String(limit);
}

function limits(field: ActionField): string | undefined {
  const show = (limit: number | string) => shown(field, limit);
  if (field.min !== undefined && field.max !== undefined && field.min === field.max)
    return `Bằng ${show(field.max)}`;
  const parts = [
    field.min !== undefined && `tối thiểu ${show(field.min)}`,
    field.max !== undefined && `tối đa ${show(field.max)}`,
  ].filter(Boolean);
  return parts.length > 0 ? `Giới hạn: ${parts.join(', ')}` : undefined;
}

/** Greys out the days (or months) the server's limits exclude; the server still decides. */
function outside(field: ActionField, format: string) {
  return (day: Dayjs) => {
    const value = day.format(format);
    return (
      (typeof field.min === 'string' && value < field.min) ||
      (typeof field.max === 'string' && value > field.max)
    );
  };
}

function input(field: ActionField) {
  switch (field.type) {
    case 'vnd':
      return <MoneyInput aria-label={field.label} />;
    case 'integer':
      return <InputNumber aria-label={field.label} precision={0} style={{ width: '100%' }} />;
    case 'date':
      return (
        <DatePicker
          aria-label={field.label}
          format="DD/MM/YYYY"
          style={{ width: '100%' }}
          disabledDate={outside(field, 'YYYY-MM-DD')}
        />
      );
    case 'period':
      return (
        <DatePicker
          aria-label={field.label}
          picker="month"
          format="MM/YYYY"
          style={{ width: '100%' }}
          disabledDate={outside(field, 'YYYY-MM')}
        />
      );
    case 'choice':
      return (
        <Select
          aria-label={field.label}
          options={(field.choices ?? []).map((c) => ({ value: c.value, label: c.label }))}
        />
      );
    case 'boolean':
      return <Checkbox>{field.label}</Checkbox>;
    case 'text':
    default:
      return (field.maxLength ?? 0) > 200 ? (
        <Input.TextArea aria-label={field.label} rows={3} maxLength={field.maxLength} />
      ) : (
        <Input aria-label={field.label} maxLength={field.maxLength} />
      );
  }
}

function AchievementsField({ field }: { field: ActionField }) {
  return (
    <Form.List name={field.name} initialValue={[{}]}>
      {(items, { add, remove }) => (
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{field.label}</legend>
          {items.map((item, index) => (
            <Space key={item.key} align="baseline">
              <Form.Item
                name={[item.name, 'indicator']}
                label={`Chỉ tiêu ${index + 1}`}
                rules={[{ required: true, message: 'Chọn chỉ tiêu' }]}
              >
                <Select
                  aria-label={`Chỉ tiêu ${index + 1}`}
                  style={{ width: 320 }}
                  options={(field.choices ?? []).map((c) => ({ value: c.value, label: c.label }))}
                />
              </Form.Item>
              <Form.Item
                name={[item.name, 'value']}
                label="Đạt được"
                rules={[{ required: true, message: 'Nhập số đạt được' }]}
              >
                <InputNumber aria-label={`Đạt được ${index + 1}`} precision={0} min={0} />
              </Form.Item>
              <Button
                type="text"
                aria-label={`Bỏ chỉ tiêu ${index + 1}`}
                icon={<MinusCircleOutlined />}
                onClick={() => remove(item.name)}
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
        </fieldset>
      )}
    </Form.List>
  );
}

function toBody(
  fields: readonly ActionField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (field.type === 'date') body[field.name] = (value as Dayjs).format('YYYY-MM-DD');
    else if (field.type === 'period') body[field.name] = (value as Dayjs).format('YYYY-MM');
    else body[field.name] = value;
  }
  return body;
}

export function ActionForm({
  action,
  subjectId,
  version,
  onDone,
  onConflict,
  onCancel,
}: {
  action: AvailableAction;
  subjectId: string;
  version?: number;
  onDone: (answer: CommandAnswer) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  // Made once when the form opens: a second click or a retry is the same command.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ text: string; details: string[] } | null>(null);

  async function submit(values: Record<string, unknown>) {
    setSending(true);
    setError(null);
    try {
      const path = action.path
        .replace('{id}', encodeURIComponent(subjectId))
        .replace('{year}', encodeURIComponent(subjectId));
      const answer = await postCommand<CommandAnswer>(
        path,
        { ...(action.body ?? {}), ...toBody(action.fields, values) },
        { version, idempotencyKey },
      );
      onDone(answer ?? {});
    } catch (e) {
      if (e instanceof ProblemError && e.status === 412) {
        onConflict();
        return;
      }
      const elsewhere = showFieldErrors(form, e);
      const fieldErrors =
        e instanceof ProblemError ? (e.problem.errors?.length ?? 0) - elsewhere.length : 0;
      if (fieldErrors === 0 || elsewhere.length > 0)
        setError({ text: problemText(e), details: elsewhere });
    } finally {
      setSending(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      aria-label={action.label}
    >
      {action.fields.map((field) =>
        field.type === 'achievements' ? (
          <AchievementsField key={field.name} field={field} />
        ) : (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.type === 'boolean' ? undefined : field.label}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
            extra={limits(field)}
            rules={field.required ? [{ required: true, message: `Cần nhập: ${field.label}` }] : []}
          >
            {input(field)}
          </Form.Item>
        ),
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={error.text}
          description={error.details.length > 0 ? error.details.join('; ') : undefined}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={sending}>
          {action.label}
        </Button>
        <Button onClick={onCancel}>Đóng</Button>
      </Space>
    </Form>
  );
}
