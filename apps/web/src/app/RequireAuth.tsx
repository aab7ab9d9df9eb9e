import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { QueryError } from '../components/QueryError';
import { useMe } from '../features/auth/auth.queries';
import { CurrentUserContext } from '../features/auth/use-current-user';

export const changePasswordPath = '/password';

/**
 * The session guard: no session goes to the login page (remembering where the person was headed);
 * a password that must be changed allows only the change-password page.
 */
export function RequireAuth() {
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <div style={{ padding: 24 }}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== changePasswordPath) {
    return <Navigate to={changePasswordPath} replace />;
  }
  return (
    <CurrentUserContext value={me}>
      <Outlet />
    </CurrentUserContext>
  );
}
