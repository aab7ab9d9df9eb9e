import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MapQuery, MapRegionsQuery, UploadRegionMap } from '@tuijin/contracts';
import { api, newIdempotencyKey } from '../../api/client';

/** Projects with coordinates for the map, under the project list's filters. */
export function useMapPoints(query: Partial<MapQuery>) {
  return useQuery({
    queryKey: ['map', 'points', query],
    queryFn: () => api.call('listMapPoints', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Figures per child region of the map's root, for shading. */
export function useMapRegions(query: Partial<MapRegionsQuery>) {
  return useQuery({
    queryKey: ['map', 'regions', query],
    queryFn: () => api.call('getMapRegions', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The uploaded boundary map of the region (or its nearest ancestor), null until there is one. */
export function useRegionMap(region: string | undefined) {
  return useQuery({
    queryKey: ['map', 'boundary', region ?? ''],
    queryFn: () => api.call('getRegionMap', { query: region ? { region } : {} }),
  });
}

export function useUploadRegionMap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UploadRegionMap) =>
      api.call('uploadRegionMap', { body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['map', 'boundary'] }),
  });
}

export function useDeleteRegionMap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.call('deleteRegionMap', { params: { code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['map', 'boundary'] }),
  });
}
