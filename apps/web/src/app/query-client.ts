import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { forgetSession, meKey } from '../features/auth/auth.queries';
import { i18n } from '../i18n';
import { notifyError } from './notifier';

/**
 * The app's query client with one global error policy: an expired session sends the person to the
 * login page (by clearing `me`, which the route guard watches); a password that must be changed
 * first refetches `me`, so the guard opens the change-password page; maintenance shows one notice; a
 * version conflict refetches what is on screen so the next attempt starts from fresh data.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleGlobally(error) }),
    mutationCache: new MutationCache({ onError: (error) => handleGlobally(error) }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });

  function handleGlobally(error: unknown) {
    if (!(error instanceof ApiError)) return;
    if (error.code === 'UNAUTHENTICATED' && client.getQueryData(meKey)) {
      forgetSession(client);
    } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      // The route guard sends the person to the change-password page once `me` says so.
      void client.invalidateQueries({ queryKey: meKey });
    } else if (error.code === 'UNAVAILABLE') {
      notifyError(i18n.t('errors.UNAVAILABLE'), 'unavailable');
    } else if (error.code === 'CONFLICT') {
      void client.invalidateQueries({ type: 'active' });
    }
  }

  return client;
}
