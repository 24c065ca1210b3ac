import { LoginOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ProblemError } from '../api/client';
import type { ConsoleConfig, DevToken } from '../api/types';
import { signIn } from '../auth/session';
import { beginOidcSignIn, safeNext, SignInError } from '../auth/oidc';
import { problemText } from '../components/common';
import { roleLabel } from '../lib/labels';

/** Roles bound to one registering unit: the sign-in form asks which. */
const UNIT_ROLES = new Set(['unit_officer', 'district_officer']);

async function fetchConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/api/v1/console/config', { headers: { 'Accept-Language': 'vi' } });
  if (!response.ok)
    throw new ProblemError({
      status: response.status,
      detail: 'Máy chủ chưa cho biết cách đăng nhập (GET /api/v1/console/config).',
    });
  return (await response.json()) as ConsoleConfig;
}

interface DevSignIn {
  role: string;
  unit?: string;
  name?: string;
}

export default function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A page of the console only: `?tiep=//other.site` must not send the user away.
  const next = safeNext(params.get('tiep'));
  const config = useQuery({ queryKey: ['console-config'], queryFn: fetchConfig, retry: false });
  const [form] = Form.useForm<DevSignIn>();
  const role = Form.useWatch('role', form);

  // Settles only when the browser did not leave for the provider.
  const oidcSignIn = useMutation({
    mutationFn: (current: ConsoleConfig) => beginOidcSignIn(current, next),
  });

  const devSignIn = useMutation({
    mutationFn: async (values: DevSignIn) => {
      const response = await fetch('/api/v1/dev/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'vi' },
        body: JSON.stringify({
          role: values.role,
          ...(values.unit && UNIT_ROLES.has(values.role) && { unit: values.unit }),
          ...(values.name && { name: values.name }),
        }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok)
        throw new ProblemError((body as ProblemError['problem']) ?? { status: response.status });
      return body as DevToken;
    },
    onSuccess: (answer) => {
      signIn({
        token: answer.token,
        actor: answer.actor,
        expiresAt: Date.now() + answer.expiresIn * 1000,
      });
      navigate(next, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ProblemError)
        form.setFields(
          (error.problem.errors ?? []).map((e) => ({
            name: e.field as keyof DevSignIn,
            errors: [e.message],
          })),
        );
    },
  });

  return (
    <main
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#eef1f5' }}
    >
      <Card style={{ width: 440 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          Khuyến công
        </Typography.Title>
        <Typography.Paragraph>
          Quản lý đề án khuyến công của tỉnh: đăng ký, thẩm định, phê duyệt, giải ngân và quyết
          toán.
        </Typography.Paragraph>
        {config.isPending && <Spin aria-label="Đang tải" />}
        {config.error && (
          <Alert
            type="error"
            showIcon
            title="Không đăng nhập được"
            description={problemText(config.error)}
          />
        )}
        {config.data?.signIn === 'oidc' && (
          <>
            {oidcSignIn.error && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title="Không đăng nhập được"
                description={
                  oidcSignIn.error instanceof SignInError
                    ? oidcSignIn.error.message
                    : 'Đã có lỗi khi chuyển sang hệ thống định danh. Vui lòng thử lại.'
                }
              />
            )}
            <Button
              type="primary"
              size="large"
              block
              icon={<LoginOutlined />}
              loading={oidcSignIn.isPending}
              onClick={() => config.data && oidcSignIn.mutate(config.data)}
            >
              Đăng nhập bằng tài khoản của tỉnh
            </Button>
          </>
        )}
        {config.data?.signIn === 'development' && (
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              Đăng nhập thử
            </Typography.Title>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Chỉ dùng khi phát triển và kiểm thử: máy chủ chưa nối với hệ thống định danh."
            />
            <Form
              form={form}
              layout="vertical"
              onFinish={(values) => devSignIn.mutate(values)}
              initialValues={{ role: config.data.roles[0] }}
            >
              <Form.Item
                name="role"
                label="Vai trò"
                rules={[{ required: true, message: 'Chọn vai trò' }]}
              >
                <Select
                  aria-label="Vai trò"
                  options={config.data.roles.map((r) => ({ value: r, label: roleLabel(r) }))}
                />
              </Form.Item>
              {UNIT_ROLES.has(role) && (
                <Form.Item
                  name="unit"
                  label="Đơn vị"
                  rules={[{ required: true, message: 'Chọn đơn vị' }]}
                >
                  <Select
                    aria-label="Đơn vị"
                    showSearch
                    optionFilterProp="label"
                    options={(config.data.units ?? []).map((u) => ({
                      value: u.code,
                      label: `${u.name} (${u.code})`,
                    }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="name" label="Họ và tên (không bắt buộc)">
                <Input autoComplete="name" />
              </Form.Item>
              {devSignIn.error &&
                !(devSignIn.error instanceof ProblemError && devSignIn.error.problem.errors) && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 16 }}
                    title={problemText(devSignIn.error)}
                  />
                )}
              <Button type="primary" htmlType="submit" block loading={devSignIn.isPending}>
                Đăng nhập
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
