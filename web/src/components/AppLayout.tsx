import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  LogoutOutlined,
  ProjectOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Spin, Typography } from 'antd';
import { Suspense, useSyncExternalStore } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { currentSession, onSessionChange, signOut } from '../auth/session';
import { roleLabel } from '../lib/labels';

const MENU = [
  { key: '/viec-can-lam', icon: <InboxOutlined />, label: 'Việc cần làm' },
  { key: '/de-an', icon: <FolderOpenOutlined />, label: 'Đề án' },
  { key: '/ke-hoach', icon: <CalendarOutlined />, label: 'Kế hoạch năm' },
  { key: '/chuong-trinh', icon: <ProjectOutlined />, label: 'Chương trình' },
  { key: '/bao-cao', icon: <BarChartOutlined />, label: 'Báo cáo' },
  { key: '/quan-tri', icon: <SettingOutlined />, label: 'Quản trị' },
];

function useSession() {
  // The serialised session is the snapshot, so the same session compares equal.
  const text = useSyncExternalStore(onSessionChange, () => JSON.stringify(currentSession()));
  return JSON.parse(text) as ReturnType<typeof currentSession>;
}

export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (session === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/dang-nhap?tiep=${next}`} replace />;
  }
  const selected = MENU.find((item) => location.pathname.startsWith(item.key))?.key ?? '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua trình đơn
      </a>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>
          <AuditOutlined /> Khuyến công
        </div>
        <nav aria-label="Trình đơn chính">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected]}
            items={MENU.map((item) => ({
              key: item.key,
              icon: item.icon,
              label: <Link to={item.key}>{item.label}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
            paddingInline: 24,
          }}
        >
          <Typography.Text data-testid="signed-in-as">
            {session.actor.name} · {roleLabel(session.actor.role)}
            {session.actor.unit ? ` · ${session.actor.unit}` : ''}
          </Typography.Text>
          <Button
            icon={<LogoutOutlined />}
            onClick={() => {
              signOut();
              navigate('/dang-nhap');
            }}
          >
            Đăng xuất
          </Button>
        </Layout.Header>
        <Layout.Content id="noi-dung" style={{ margin: 24 }}>
          <main>
            <Suspense fallback={<Spin aria-label="Đang tải" />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
