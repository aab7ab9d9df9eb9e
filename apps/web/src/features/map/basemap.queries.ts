import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateBasemapSetting } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

const settingKey = ['settings', 'basemap'];
const mapKey = ['map', 'basemap'];

/** Whether the map has a basemap and this server's tile address for it. */
export function useMapBasemap() {
  return useQuery({ queryKey: mapKey, queryFn: () => api.call('getMapBasemap'), staleTime: 300_000 });
}

/** The basemap setting (system admin). */
export function useBasemapSetting() {
  return useQuery({ queryKey: settingKey, queryFn: () => api.call('getBasemapSetting') });
}

export function useUpdateBasemapSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBasemapSetting) =>
      api.call('updateBasemapSetting', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: (saved) => {
      client.setQueryData(settingKey, saved);
      void client.invalidateQueries({ queryKey: mapKey });
    },
  });
}
