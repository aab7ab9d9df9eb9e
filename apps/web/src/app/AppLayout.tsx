import { Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { hasAbility, useCurrentUser } from '../features/auth/use-current-user';
import { AppHeader } from './AppHeader';
import { appPages, pageOf } from './routes';

/** The signed-in frame: header, a side menu of the pages the person may open, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.lg === false;
  const [isMenuOpen, setMenuOpen] = useState(false);

  const items = useMemo<MenuProps['items']>(
    () =>
      appPages
        .filter((page) => !page.hideInMenu && (!page.permission || hasAbility(me, page.permission)))
        .map((page) => ({ key: page.path, icon: page.icon, label: t(`menu.${page.label}`) })),
    [me, t],
  );
  const selected = pageOf(pathname)?.path;
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setMenuOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout className="tj-shell">
      <AppHeader isNarrow={isNarrow} onOpenMenu={() => setMenuOpen(true)} />
      <Layout>
        {isNarrow ? (
          <Drawer
            placement="left"
            size={240}
            open={isMenuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" className="tj-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="tj-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
