import { DownOutlined } from '@ant-design/icons';
import type { User } from '@tuijin/contracts';
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useSetUserActive, useUnlockUser } from './users.queries';

export type UserDialog = 'edit' | 'roles' | 'resetPassword';

interface UserActionsProps {
  user: User;
  onOpen: (dialog: UserDialog, user: User) => void;
}

/** Row buttons: edit and roles inline; enable/disable, reset password and unlock under 更多. */
export function UserActions({ user, onOpen }: UserActionsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const setActive = useSetUserActive();
  const unlock = useUnlockUser();
  const reportError = useApiErrorHandler();

  const toggleActive = () =>
    modal.confirm({
      title: t(user.isActive ? 'users.disableConfirm' : 'users.enableConfirm', { name: user.displayName }),
      okButtonProps: { danger: user.isActive },
      onOk: () =>
        setActive
          .mutateAsync({ id: user.id, isActive: !user.isActive, version: user.version })
          .then(() => void message.success(t(user.isActive ? 'users.disabled' : 'users.enabled')))
          .catch((error: unknown) => reportError(error)),
    });

  const unlockAccount = () =>
    modal.confirm({
      title: t('users.unlockConfirm', { name: user.displayName }),
      onOk: () =>
        unlock
          .mutateAsync(user.id)
          .then(() => void message.success(t('users.unlocked')))
          .catch((error: unknown) => reportError(error)),
    });

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onOpen('edit', user)}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" onClick={() => onOpen('roles', user)}>
        {t('users.setRoles')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'active',
              label: t(user.isActive ? 'users.disable' : 'users.enable'),
              danger: user.isActive,
            },
            { key: 'resetPassword', label: t('users.resetPassword') },
            { key: 'unlock', label: t('users.unlock') },
          ],
          onClick: ({ key }) => {
            if (key === 'active') toggleActive();
            else if (key === 'unlock') unlockAccount();
            else onOpen('resetPassword', user);
          },
        }}
      >
        <Button type="link" size="small">
          {t('common.more')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
