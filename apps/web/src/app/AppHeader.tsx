import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLogout } from '../features/auth/auth.queries';
import { useCurrentUser } from '../features/auth/use-current-user';
import { NotificationBell } from '../features/notifications/NotificationBell';

interface AppHeaderProps {
  isNarrow: boolean;
  onOpenMenu: () => void;
}

/** Brand, who is signed in (name, organisation, jurisdiction), notifications, language switch and sign-out. */
export function AppHeader({ isNarrow, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  return (
    <Layout.Header className="tj-header">
      <Flex align="center" gap={isNarrow ? 4 : 12} style={{ minWidth: 0 }}>
        {isNarrow && (
          <Button
            type="text"
            className="tj-header-button"
            icon={<MenuOutlined />}
            aria-label={t('layout.openMenu')}
            onClick={onOpenMenu}
          />
        )}
        <span className="tj-brand">{t('app.brand')}</span>
        {!isNarrow && <span className="tj-brand-sub">{t('app.name')}</span>}
      </Flex>
      <Flex align="center" gap={isNarrow ? 4 : 12} style={{ minWidth: 0 }}>
        <Flex align="center" gap={8} className="tj-user" style={{ minWidth: 0 }}>
          {!isNarrow && <UserOutlined />}
          <Typography.Text className="tj-user-name" ellipsis>
            {me.user.displayName}
          </Typography.Text>
          {!isNarrow && (
            <Typography.Text className="tj-user-org" ellipsis>
              {me.organisation.name}
            </Typography.Text>
          )}
          <span className="tj-jurisdiction" title={t('layout.jurisdiction')} data-testid="jurisdiction">
            {me.region.name}
          </span>
        </Flex>
        <NotificationBell className="tj-header-button" />
        <LanguageSwitch isCompact={isNarrow} className="tj-header-button" />
        <Button
          type="text"
          className="tj-header-button"
          icon={<LogoutOutlined />}
          aria-label={t('layout.logout')}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {isNarrow ? null : t('layout.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
