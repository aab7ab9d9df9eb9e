import { createBrowserRouter } from 'react-router';
import { NotFoundResult } from '../components/StatusResult';
import { LoginPage } from '../features/auth/LoginPage';
import { AppLayout } from './AppLayout';
import { PageGate } from './PageGate';
import { RequireAuth } from './RequireAuth';
import { appPages } from './routes';

/** Public login page; everything else sits behind the session guard inside the layout. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
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
