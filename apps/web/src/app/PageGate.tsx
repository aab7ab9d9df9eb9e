import { lazy, Suspense } from 'react';
import { FullPageSpin } from '../components/FullPageSpin';
import { ForbiddenResult } from '../components/StatusResult';
import { hasAbility, useCurrentUser } from '../features/auth/use-current-user';
import type { AppPage } from './routes';

/** Shows a page when the person holds its permission, the 403 result otherwise. */
export function PageGate({ page }: { page: AppPage }) {
  const me = useCurrentUser();
  if (page.permission && !hasAbility(me, page.permission)) return <ForbiddenResult />;
  const { Component } = page;
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Component />
    </Suspense>
  );
}

const ScreenPage = lazy(() => import('../features/screen/ScreenPage'));

/** The command-room screen (大屏), full-screen without the menu shell, for holders of `cockpit.read`. */
export function ScreenGate() {
  const me = useCurrentUser();
  if (!hasAbility(me, 'cockpit.read')) return <ForbiddenResult />;
  return (
    <Suspense fallback={<FullPageSpin />}>
      <ScreenPage />
    </Suspense>
  );
}
