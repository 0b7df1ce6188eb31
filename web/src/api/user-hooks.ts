/**
 * TanStack Query hooks of user administration (administrators only). Kept apart from hooks.ts so
 * this area's calls stay together.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, ResponseOf } from './types';

export type User = ResponseOf<'/api/users', 'get'>[number];
export type UserWithPassword = ResponseOf<'/api/users', 'post'>;

const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: ({ signal }) => call(http.GET('/api/users', { signal })) });
}

function useUserMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () => useUserMutation((body: BodyOf<'/api/users', 'post'>) => call(http.POST('/api/users', { body })));

export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: string; body: BodyOf<'/api/users/{id}', 'patch'> }) =>
    call(http.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
  );

// The state-changing calls without a body send an empty JSON object (Fastify refuses an empty JSON body).
export const useDeactivateUser = () =>
  useUserMutation((id: string) => call(http.POST('/api/users/{id}/deactivate', { params: { path: { id } }, body: {} as never })));
export const useReactivateUser = () =>
  useUserMutation((id: string) => call(http.POST('/api/users/{id}/reactivate', { params: { path: { id } }, body: {} as never })));
export const useResetUserPassword = () =>
  useUserMutation((id: string) => call(http.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: {} as never })));

/** One's own password; the session making the change stays open. */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/users/me/password', 'post'>) => call(http.POST('/api/users/me/password', { body })),
  });
}
