import { Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { hasAbility, useCurrentUser } from '../features/auth/use-current-user';
import { AppHeader } from './AppHeader';
import { type AppPage, appPages, menuGroups, pageOf } from './routes';
import { useScrollToTopOnNavigate } from './scroll-to-top';

/**
 * The signed-in frame: header, a side menu of the pages the person may open — grouped (项目,
 * 计划与月报, 问题, 分析, 设置…), a group shown only when it holds one of them — and the page,
 * which opens at its top on every navigation.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.lg === false;
  const [isMenuOpen, setMenuOpen] = useState(false);
  const content = useRef<HTMLElement>(null);
  useScrollToTopOnNavigate(content);

  const items = useMemo<MenuProps['items']>(() => {
    const shown = appPages.filter(
      (page) =>
        !page.hideInMenu &&
        (!page.permission || hasAbility(me, page.permission)) &&
        (!page.menuForRole || me.roles.includes(page.menuForRole)),
    );
    const entry = (page: AppPage) => ({ key: page.path, icon: page.icon, label: t(`menu.${page.label}`) });
    return [
      ...shown.filter((page) => !page.group).map(entry),
      ...menuGroups.flatMap((group) => {
        const children = shown.filter((page) => page.group === group).map(entry);
        return children.length === 0
          ? []
          : [{ key: `group:${group}`, type: 'group' as const, label: t(`menuGroups.${group}`), children }];
      }),
    ];
  }, [me, t]);
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
        <Layout.Content className="tj-content" ref={content}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
