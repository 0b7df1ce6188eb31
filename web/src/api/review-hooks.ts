/** TanStack Query hooks of the review lists (positions for the comune to review). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, http } from './client';
import type { QueryOf, ResponseOf } from './types';

export type TimeBarredPage = ResponseOf<'/api/reviews/time-barred', 'get'>;
export type TimeBarredItem = TimeBarredPage['items'][number];

/** Open positions past their decadenza or prescription term: never dunned nor called. */
export function useTimeBarred(params: { page: number; pageSize: number; creditorId?: string }) {
  return useQuery({
    queryKey: ['reviews', 'time-barred', params],
    queryFn: ({ signal }) => call(http.GET('/api/reviews/time-barred', { params: { query: params as QueryOf<'/api/reviews/time-barred'> }, signal })),
    placeholderData: keepPreviousData,
  });
}
