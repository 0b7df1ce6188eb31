/**
 * TanStack Query hooks of issue 13's screens: the agency's settings (letterhead, albo registration)
 * and the ravvedimento comparison of a comune's position. Kept apart from hooks.ts so this area's
 * calls stay together.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, ResponseOf } from './types';

export type Settings = ResponseOf<'/api/settings', 'get'>;
export type Ravvedimento = ResponseOf<'/api/claims/{id}/ravvedimento', 'get'>;

const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => call(http.GET('/api/settings', { signal })) });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/settings', 'patch'>) => call(http.PATCH('/api/settings', { body })),
    onSuccess: (s) => qc.setQueryData(settingsKey, s),
  });
}

/** What paying on `payOn` costs with ravvedimento against the assessment; the server says when it does not apply. */
export function useRavvedimento(claimId: string, payOn: string, enabled = true) {
  return useQuery({
    queryKey: ['claim', claimId, 'ravvedimento', payOn],
    queryFn: ({ signal }) => call(http.GET('/api/claims/{id}/ravvedimento', { params: { path: { id: claimId }, query: { payOn } }, signal })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export type CreditorTemplates = ResponseOf<'/api/creditors/{id}/templates', 'get'>;
export type TemplateText = BodyOf<'/api/creditors/{id}/templates/{key}/{language}', 'put'>;
export type TemplateLanguage = 'it' | 'de' | 'fr' | 'en';

const templatesKey = (creditorId: string) => ['creditor', creditorId, 'templates'] as const;

/** The creditor's letter templates: shipped and own text per language. */
export function useCreditorTemplates(creditorId: string) {
  return useQuery({
    queryKey: templatesKey(creditorId),
    queryFn: ({ signal }) => call(http.GET('/api/creditors/{id}/templates', { params: { path: { id: creditorId } }, signal })),
  });
}

/** Saves the creditor's own text of one template in one language. */
export function useSaveCreditorTemplate(creditorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, language, text }: { key: string; language: TemplateLanguage; text: TemplateText }) =>
      call(http.PUT('/api/creditors/{id}/templates/{key}/{language}', { params: { path: { id: creditorId, key, language } }, body: text })),
    onSuccess: () => qc.invalidateQueries({ queryKey: templatesKey(creditorId) }),
  });
}

/** Back to the shipped text of one template in one language. */
export function useResetCreditorTemplate(creditorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, language }: { key: string; language: TemplateLanguage }) =>
      call(http.DELETE('/api/creditors/{id}/templates/{key}/{language}', { params: { path: { id: creditorId, key, language } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: templatesKey(creditorId) }),
  });
}

export type CallScript = ResponseOf<'/api/claims/{id}/call-script', 'get'>;

/** What the operator says on a call about a comune's position (404 for other claims: no script). */
export function useCallScript(claimId: string) {
  return useQuery({
    queryKey: ['claim', claimId, 'call-script'],
    queryFn: ({ signal }) => call(http.GET('/api/claims/{id}/call-script', { params: { path: { id: claimId } }, signal })),
    retry: false,
  });
}
