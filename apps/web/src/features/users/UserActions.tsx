import { DownOutlined } from '@ant-design/icons';
import type { User } from '@tuijin/contracts';
import type { AccountAction } from '@tuijin/domain';
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../api/use-api-error-handler';
import { useResetUserTwoFactor, useSetUserActive, useUnlockUser } from './users.queries';

export type UserDialog = 'edit' | 'roles' | 'resetPassword';

interface UserActionsProps {
  user: User;
  /** Which of the account actions the signed-in person may take on this account. */
  allowed: (action: AccountAction) => boolean;
  onOpen: (dialog: UserDialog, user: User) => void;
}

/** Row buttons: edit and roles inline; enable/disable, reset password, unlock and reset the authenticator under 更多. */
export function UserActions({ user, allowed, onOpen }: UserActionsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const setActive = useSetUserActive();
  const unlock = useUnlockUser();
  const resetTwoFactor = useResetUserTwoFactor();
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

  const resetAuthenticator = () =>
    modal.confirm({
      title: t('twoFactor.resetConfirm', { name: user.displayName }),
      okButtonProps: { danger: true },
      onOk: () =>
        resetTwoFactor
          .mutateAsync(user.id)
          .then(() => void message.success(t('twoFactor.resetDone')))
          .catch((error: unknown) => reportError(error)),
    });

  const more = [
    allowed('setActive') && {
      key: 'active',
      label: t(user.isActive ? 'users.disable' : 'users.enable'),
      danger: user.isActive,
    },
    allowed('resetPassword') && { key: 'resetPassword', label: t('users.resetPassword') },
    allowed('unlock') && { key: 'unlock', label: t('users.unlock') },
    allowed('resetTwoFactor') && { key: 'resetTwoFactor', label: t('twoFactor.reset'), danger: true },
  ].filter((item) => item !== false);

  return (
    <Space size={0}>
      {allowed('update') && (
        <Button type="link" size="small" onClick={() => onOpen('edit', user)}>
          {t('common.edit')}
        </Button>
      )}
      {allowed('setRoles') && (
        <Button type="link" size="small" onClick={() => onOpen('roles', user)}>
          {t('users.setRoles')}
        </Button>
      )}
      {more.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: more,
            onClick: ({ key }) => {
              if (key === 'active') toggleActive();
              else if (key === 'unlock') unlockAccount();
              else if (key === 'resetTwoFactor') resetAuthenticator();
              else onOpen('resetPassword', user);
            },
          }}
        >
          <Button type="link" size="small">
            {t('common.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
