import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganisation, OrganisationQuery, UpdateOrganisation } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: Partial<OrganisationQuery>) => ['organisations', 'list', query] as const,
  options: (q: string) => ['organisations', 'options', q] as const,
};

export function useOrganisations(query: Partial<OrganisationQuery>) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: () => api.call('findOrganisations', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Organisations matching a name fragment (first 20), for pickers. */
export function useOrganisationOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: organisationKeys.options(q),
    queryFn: async () =>
      (await api.call('findOrganisations', { query: { q: q || undefined, pageSize: 20 } })).data,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisation) =>
      api.call('createOrganisation', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateOrganisation & { id: string }) =>
      api.call('updateOrganisation', { params: { id }, body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
