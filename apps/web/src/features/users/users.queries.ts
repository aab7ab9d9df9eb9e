import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUser,
  ResetPassword,
  SetUserActive,
  SetUserRoles,
  UpdateUser,
  UserQuery,
} from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const userKeys = {
  all: ['users'] as const,
  list: (query: Partial<UserQuery>) => ['users', 'list', query] as const,
};

export function useUsers(query: Partial<UserQuery>) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => api.call('findUsers', { query }),
    placeholderData: keepPreviousData,
  });
}

/** A user mutation that refreshes the user lists once it succeeds. */
function useUserMutation<V>(mutationFn: (variables: V, idempotencyKey: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(variables, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

type WithId<T> = T & { id: string };

export const useCreateUser = () =>
  useUserMutation((body: CreateUser, idempotencyKey) => api.call('createUser', { body, idempotencyKey }));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: WithId<UpdateUser>, idempotencyKey) =>
    api.call('updateUser', { params: { id }, body, idempotencyKey }),
  );

export const useSetUserRoles = () =>
  useUserMutation(({ id, ...body }: WithId<SetUserRoles>, idempotencyKey) =>
    api.call('setUserRoles', { params: { id }, body, idempotencyKey }),
  );

export const useSetUserActive = () =>
  useUserMutation(({ id, ...body }: WithId<SetUserActive>, idempotencyKey) =>
    api.call('setUserActive', { params: { id }, body, idempotencyKey }),
  );

export const useResetUserPassword = () =>
  useUserMutation(({ id, ...body }: WithId<ResetPassword>, idempotencyKey) =>
    api.call('resetUserPassword', { params: { id }, body, idempotencyKey }),
  );

export const useUnlockUser = () =>
  useUserMutation((id: string, idempotencyKey) => api.call('unlockUser', { params: { id }, idempotencyKey }));

export const useResetUserTwoFactor = () =>
  useUserMutation((id: string, idempotencyKey) =>
    api.call('resetUserTwoFactor', { params: { id }, idempotencyKey }),
  );

/** Every account of the jurisdiction holding a role (first 200), for filter lists. */
export function useUsersWithRole(role: UserQuery['role'], enabled = true) {
  return useQuery({
    queryKey: [...userKeys.all, 'withRole', role],
    queryFn: async () =>
      (await api.call('findUsers', { query: { role, pageSize: 200, assignable: true } })).data,
    enabled,
    staleTime: 5 * 60_000,
  });
}
