import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput, DictionaryEntry, Endpoints } from '@tuijin/contracts';
import type { DictionaryKind } from '@tuijin/domain';
import { useMemo } from 'react';
import { api, newIdempotencyKey } from '../../api/client';

type CreateDictionaryEntry = CallInput<Endpoints['createDictionaryEntry']>['body'];
type UpdateDictionaryEntry = CallInput<Endpoints['updateDictionaryEntry']>['body'];

export const dictionaryKeys = { all: ['dictionaries'] as const };

/** Every dictionary entry of the jurisdiction (all four kinds, active or not). */
export function useDictionaries() {
  return useQuery({
    queryKey: dictionaryKeys.all,
    queryFn: async () => (await api.call('listDictionaries')).data,
    staleTime: 5 * 60_000,
  });
}

/** The entries of one kind, in their display order. */
export function useDictionary(kind: DictionaryKind) {
  const query = useDictionaries();
  const entries = useMemo(
    () =>
      (query.data ?? [])
        .filter((entry) => entry.kind === kind)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN')),
    [query.data, kind],
  );
  return { ...query, entries };
}

export function useCreateDictionaryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDictionaryEntry) =>
      api.call('createDictionaryEntry', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dictionaryKeys.all }),
  });
}

/** Saves one or more entries (a reorder renumbers several); refreshes once all are saved. */
export function useUpdateDictionaryEntries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: (UpdateDictionaryEntry & { id: string })[]) => {
      const saved: DictionaryEntry[] = [];
      for (const { id, ...body } of changes) {
        saved.push(
          await api.call('updateDictionaryEntry', {
            params: { id },
            body,
            idempotencyKey: newIdempotencyKey(),
          }),
        );
      }
      return saved;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: dictionaryKeys.all }),
  });
}
