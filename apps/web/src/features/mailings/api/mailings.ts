import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMailingBody,
  Locale,
  MailingDto,
  MailingPreviewDto,
  MailingRecipientCountDto,
  MailingSummaryDto,
  PageDto,
  SendMailingBody,
  TestSendBody,
  UpdateMailingBody,
} from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** The fields an admin writes; the French version is optional (both or neither). */
export type MailingDraft = Required<UpdateMailingBody>;

export function useMailings() {
  return useInfiniteQuery({
    queryKey: ['admin', 'mailings'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<MailingSummaryDto>>('GET', `/mailings${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** A mailing; while it sends, its counts refresh every two seconds. */
export function useMailing(id: string) {
  return useQuery({
    queryKey: ['admin', 'mailings', id],
    queryFn: () => api<MailingDto>('GET', `/mailings/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'sending' || query.state.data?.status === 'scheduled' ? 2000 : false),
  });
}

export function useMailingPreview(id: string, locale: Locale, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'mailings', id, 'preview', locale],
    queryFn: () => api<MailingPreviewDto>('GET', `/mailings/${id}/preview?locale=${locale}`),
    enabled,
  });
}

function useMailingMutation<Input>(call: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'mailings'] }) });
}

export const useCreateMailing = () =>
  useMailingMutation((draft: MailingDraft) => api<MailingDto>('POST', '/mailings', withoutEmptyFrench(draft)));
export const useUpdateMailing = (id: string) =>
  useMailingMutation((draft: MailingDraft) => api<MailingDto>('PATCH', `/mailings/${id}`, draft));
export const useDeleteMailing = (id: string) => useMailingMutation(() => api<void>('DELETE', `/mailings/${id}`));
export const useSendMailing = (id: string) =>
  useMailingMutation((at: string | null) => api<MailingDto>('POST', `/mailings/${id}/send`, at ? ({ at } satisfies SendMailingBody) : {}));
export const useCancelMailing = (id: string) => useMailingMutation(() => api<MailingDto>('POST', `/mailings/${id}/cancel`));

/** How many addresses would receive the mailing now (asked again each time the send dialog opens). */
export function useRecipientCount(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['mailings', id, 'recipient-count'],
    queryFn: () => api<MailingRecipientCountDto>('GET', `/mailings/${id}/recipient-count`),
    enabled,
    staleTime: 0,
  });
}

export function useTestSend(id: string) {
  return useMutation({ mutationFn: (input: TestSendBody) => api<void>('POST', `/mailings/${id}/test`, input) });
}

function withoutEmptyFrench(draft: MailingDraft): CreateMailingBody {
  const { subjectFr, bodyFr, ...rest } = draft;
  return subjectFr && bodyFr ? { ...rest, subjectFr, bodyFr } : rest;
}
