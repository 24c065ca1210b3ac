import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { completeOidcSignIn, SignInError } from '../auth/oidc';

export default function OidcCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeOidcSignIn(params).then(
      (next) => navigate(next, { replace: true }),
      (e: unknown) =>
        setError(
          e instanceof SignInError
            ? e.message
            : 'Đã có lỗi khi hoàn tất đăng nhập. Vui lòng đăng nhập lại.',
        ),
    );
  }, [params, navigate]);
  return (
    <main style={{ padding: 48 }}>
      {error === null ? (
        <Spin aria-label="Đang đăng nhập" />
      ) : (
        <Alert
          type="error"
          showIcon
          title="Không đăng nhập được"
          description={
            <>
              {error} · <Link to="/dang-nhap">Đăng nhập lại</Link>
            </>
          }
        />
      )}
    </main>
  );
}
