/** TanStack Query hooks of a user's daily alerts (issue 17 item 6). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, ResponseOf } from './types';

export type AlertSettings = ResponseOf<'/api/alerts/settings', 'get'>;
export type AlertDigest = NonNullable<ResponseOf<'/api/alerts/latest', 'get'>['digest']>;
const key = ['alerts'] as const;

export function useAlertSettings() {
  return useQuery({ queryKey: [...key, 'settings'], queryFn: ({ signal }) => call(http.GET('/api/alerts/settings', { signal })) });
}

export function useLatestAlertDigest() {
  return useQuery({ queryKey: [...key, 'latest'], queryFn: ({ signal }) => call(http.GET('/api/alerts/latest', { signal })) });
}

export function useSaveAlertSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/alerts/settings', 'put'>) => call(http.PUT('/api/alerts/settings', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
