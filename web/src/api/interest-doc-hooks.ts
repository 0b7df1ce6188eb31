/** TanStack Query hooks of interest as its own document (issue 17 item 5): terms, receipts, interest invoices. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, ResponseOf } from './types';

export type ClaimInterest = ResponseOf<'/api/claims/{id}/interest', 'get'>;
export type InterestInvoice = ResponseOf<'/api/claims/{id}/interest-invoices', 'get'>['items'][number];

const key = (claimId: string) => ['claim-interest', claimId] as const;

export function useClaimInterest(claimId: string) {
  return useQuery({ queryKey: [...key(claimId), 'terms'], queryFn: ({ signal }) => call(http.GET('/api/claims/{id}/interest', { params: { path: { id: claimId } }, signal })) });
}

export function useInterestInvoices(claimId: string) {
  return useQuery({ queryKey: [...key(claimId), 'invoices'], queryFn: ({ signal }) => call(http.GET('/api/claims/{id}/interest-invoices', { params: { path: { id: claimId } }, signal })) });
}

/** After a change the claim's figures move too: its page and statement are fetched again. */
function useInvalidate(claimId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: key(claimId) });
    void qc.invalidateQueries({ queryKey: ['claim', claimId] });
    void qc.invalidateQueries({ queryKey: ['claims'] });
  };
}

export function useSetClaimInterest(claimId: string) {
  const invalidate = useInvalidate(claimId);
  return useMutation({
    mutationFn: (body: BodyOf<'/api/claims/{id}/interest', 'put'>) => call(http.PUT('/api/claims/{id}/interest', { params: { path: { id: claimId } }, body })),
    onSuccess: invalidate,
  });
}

export function useRecordReceipt(claimId: string) {
  const invalidate = useInvalidate(claimId);
  return useMutation({
    mutationFn: ({ id, receivedOn }: { id: string; receivedOn: string | null }) => call(http.PUT('/api/communications/{id}/receipt', { params: { path: { id } }, body: { receivedOn } })),
    onSuccess: invalidate,
  });
}

export function useIssueInterestInvoice(claimId: string) {
  const invalidate = useInvalidate(claimId);
  return useMutation({
    mutationFn: (body: BodyOf<'/api/claims/{id}/interest-invoices', 'post'>) => call(http.POST('/api/claims/{id}/interest-invoices', { params: { path: { id: claimId } }, body })),
    onSuccess: invalidate,
  });
}

export const interestInvoiceUrl = (id: string) => `/api/interest-invoices/${id}/file`;
