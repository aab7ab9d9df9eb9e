import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { NotFoundResult } from '../components/StatusResult';
import { LoginPage } from '../features/auth/LoginPage';
import { AppLayout } from './AppLayout';
import { PageGate, ScreenGate } from './PageGate';
import { RequireAuth } from './RequireAuth';
import { appPages } from './routes';

const PublicScreenPage = lazy(() => import('../features/screen/PublicScreenPage'));

/**
 * Public login page and public screen (published aggregates only); everything else sits behind the
 * session guard — the command-room screen full-screen, the rest inside the layout.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/public/screen/:regionCode',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicScreenPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      { path: '/screen', element: <ScreenGate /> },
      {
        element: <AppLayout />,
        children: [
          ...appPages.map((page) => ({ path: page.path, element: <PageGate page={page} /> })),
          { path: '*', element: <NotFoundResult /> },
        ],
      },
    ],
  },
]);
