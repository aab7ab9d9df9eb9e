import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganisation, OrganisationQuery, UpdateOrganisation } from '@tuijin/contracts';
import type { OrganisationKind } from '@tuijin/domain';
import { api, newIdempotencyKey } from '../../api/client';

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: Partial<OrganisationQuery>) => ['organisations', 'list', query] as const,
  options: (q: string, kind?: OrganisationKind) => ['organisations', 'options', q, kind ?? null] as const,
};

export function useOrganisations(query: Partial<OrganisationQuery>) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: () => api.call('findOrganisations', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Organisations matching a name fragment (first 20), optionally of one kind, for pickers. */
export function useOrganisationOptions(q: string, enabled: boolean, kind?: OrganisationKind) {
  return useQuery({
    queryKey: organisationKeys.options(q, kind),
    queryFn: async () =>
      (
        await api.call('findOrganisations', {
          // Departments may sit above the jurisdiction (a city bureau responsible for a county project).
          query: {
            q: q || undefined,
            kind,
            pageSize: 20,
            assignable: kind === 'department',
          },
        })
      ).data,
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

/** Every organisation of one kind in the jurisdiction (first 200), for filter lists. */
export function useOrganisationsOfKind(kind: OrganisationKind, enabled = true) {
  return useQuery({
    queryKey: [...organisationKeys.all, 'ofKind', kind],
    queryFn: async () =>
      (
        await api.call('findOrganisations', {
          query: { kind, pageSize: 200, assignable: kind === 'department' },
        })
      ).data,
    enabled,
    staleTime: 5 * 60_000,
  });
}
