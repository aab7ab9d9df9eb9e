import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, Me, SecondFactorCode } from '@tuijin/contracts';
import { useNavigate } from 'react-router';
import { ApiError, api, newIdempotencyKey } from '../../api/client';

export const meKey = ['me'] as const;

/** The signed-in person, or null when there is no session (401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.call('me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Ends the session on this side: `me` becomes null (the route guard then shows the login page) and
 * every other cached answer is dropped so the next person sees nothing of the last one's data.
 */
export function forgetSession(queryClient: QueryClient) {
  queryClient.setQueryData(meKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.call('login', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: ({ secondFactor, ...me }) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      // Half logged in (a code or an enrolment still owed): no session to show yet.
      if (!secondFactor) queryClient.setQueryData(meKey, me);
    },
  });
}

/** Signs in as `me` once the second factor is given (a new full session). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    queryClient.setQueryData(meKey, me);
  };
}

/** 第二步登录: a TOTP code or a recovery code. */
export function useVerifySecondFactor() {
  return useMutation({
    mutationFn: (body: SecondFactorCode) =>
      api.call('verifySecondFactor', { body, idempotencyKey: newIdempotencyKey() }),
  });
}

export const twoFactorKey = ['twoFactor'] as const;

/** The signed-in person's two-factor state. */
export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKey, queryFn: () => api.call('twoFactorStatus') });
}

export function useStartTotpEnrolment() {
  return useMutation({
    mutationFn: () => api.call('startTotpEnrolment', { idempotencyKey: newIdempotencyKey() }),
  });
}

/** Confirms the enrolment; a half-logged-in person is signed in by it (after the recovery codes are read). */
export function useConfirmTotpEnrolment() {
  // The status is refreshed only after the recovery codes were read (refreshing it at once would
  // replace the enrolment, codes and all, by the enrolled state).
  return useMutation({
    mutationFn: (body: SecondFactorCode) =>
      api.call('confirmTotpEnrolment', { body, idempotencyKey: newIdempotencyKey() }),
  });
}

/** Signs out and lands on a plain login page (not one that would return to this person's page). */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.call('logout', { idempotencyKey: newIdempotencyKey() }),
    onSettled: () => {
      void navigate('/login', { replace: true });
      forgetSession(queryClient);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) =>
      api.call('changePassword', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}
