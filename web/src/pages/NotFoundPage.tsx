import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title="Không có trang này"
      extra={
        <Link to="/viec-can-lam">
          <Button type="primary">Về Việc cần làm</Button>
        </Link>
      }
    />
  );
}
