import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MailingAddressStateDto,
  MySubscriptionBody,
  OneClickBody,
  PageDto,
  SubscribeBody,
  SubscriberDto,
  SubscriberImportReportDto,
  SubscriberStatus,
  SuppressSubscriberBody,
  SuppressionStatus,
  TokenQuery,
} from '@harbour/contracts';
import { api, apiText } from '../../../lib/api-client';

export function useSubscribers(q: string, status: SubscriberStatus | '') {
  return useInfiniteQuery({
    queryKey: ['admin', 'subscribers', q, status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (status) params.set('status', status);
      if (pageParam) params.set('cursor', pageParam);
      return api<PageDto<SubscriberDto>>('GET', `/mailing/subscribers?${params.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useImportSubscribers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => apiText<SubscriberImportReportDto>('POST', '/mailing/subscribers/import', csv, 'text/csv'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'subscribers'] }),
  });
}

export function useSubscribe() {
  return useMutation({ mutationFn: (input: SubscribeBody) => api<void>('POST', '/mailing/subscribe', input) });
}

export function useConfirmSubscription(token: string) {
  return useQuery({
    queryKey: ['mailing', 'confirm', token],
    queryFn: () => api<MailingAddressStateDto>('GET', `/mailing/confirm?token=${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
}

export function useAddressState(token: string) {
  return useQuery({
    queryKey: ['mailing', 'address', token],
    queryFn: () => api<MailingAddressStateDto>('GET', `/mailing/unsubscribe?token=${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
  });
}

/** Unsubscribe or subscribe again with a link's token; the answer replaces the address's state. */
export function useChangeAddress(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: 'unsubscribe' | 'resubscribe') =>
      api<MailingAddressStateDto>('POST', `/mailing/${change}`, { token } satisfies OneClickBody & TokenQuery),
    onSuccess: (state) => queryClient.setQueryData(['mailing', 'address', token], state),
  });
}

export function useMySubscription(enabled: boolean) {
  return useQuery({ queryKey: ['mailing', 'me'], queryFn: () => api<{ subscribed: boolean }>('GET', '/mailing/me'), enabled });
}

export function useSetMySubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subscribed: boolean) => api<{ subscribed: boolean }>('PUT', '/mailing/me', { subscribed } satisfies MySubscriptionBody),
    onSuccess: (state) => queryClient.setQueryData(['mailing', 'me'], state),
  });
}

export function useSuppressSubscriber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: SuppressionStatus }) =>
      api<SubscriberDto>('PATCH', `/mailing/subscribers/${id}`, { status } satisfies SuppressSubscriberBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'subscribers'] }),
  });
}

export function useSubscriberCounts() {
  return useQuery({
    queryKey: ['admin', 'subscribers', 'counts'],
    queryFn: () => api<Record<SubscriberStatus, number>>('GET', '/mailing/subscribers/counts'),
  });
}
