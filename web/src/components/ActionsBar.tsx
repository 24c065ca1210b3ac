import { Alert, App, Button, Empty, Modal, Space } from 'antd';
import { useState } from 'react';
import type { AvailableAction } from '../api/types';
import { ActionForm, type CommandAnswer } from './ActionForm';

/** The actions the server lists for the caller on a subject, each opening its form. */
export function ActionsBar({
  actions,
  subjectId,
  version,
  onDone,
  onConflict,
}: {
  actions: readonly AvailableAction[] | undefined;
  subjectId: string;
  version?: number;
  onDone: (answer: CommandAnswer) => void;
  onConflict: () => void;
}) {
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const { message } = App.useApp();
  if (actions === undefined)
    return <Alert type="info" showIcon title="Máy chủ chưa cho biết các việc có thể làm ở đây." />;
  return (
    <>
      {actions.length === 0 ? (
        <Empty description="Bạn không có việc nào cần làm ở đây lúc này" />
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
            subjectId={subjectId}
            version={version}
            onCancel={() => setOpen(null)}
            onDone={(answer) => {
              setOpen(null);
              void message.success('Đã ghi nhận');
              onDone(answer);
            }}
            onConflict={() => {
              setOpen(null);
              void message.warning('Có người khác vừa thay đổi nội dung này. Trang đã tải lại.');
              onConflict();
            }}
          />
        )}
      </Modal>
    </>
  );
}
