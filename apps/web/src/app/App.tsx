import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { currentLanguage } from '../i18n';
import { bindNotifier } from './notifier';
import { createQueryClient } from './query-client';
import { router } from './router';
import { themeFor, usePrefersReducedMotion } from './theme';

function NotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    bindNotifier(message);
    return () => bindNotifier(null);
  }, [message]);
  return null;
}

/** Providers (query cache, Ant Design theme and locale) around the router. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  useTranslation();
  const locale = currentLanguage() === 'zh-CN' ? zhCN : enUS;
  const reducedMotion = usePrefersReducedMotion();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={themeFor(reducedMotion)} button={{ autoInsertSpace: false }}>
        <AntApp>
          <NotifierBridge />
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
