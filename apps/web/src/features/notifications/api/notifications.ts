import { useCallback } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MarkReadBody,
  NotificationDto,
  NotificationPreferencesDto,
  PageDto,
  UnsubscribeBody,
  UpdatePreferencesBody,
} from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export const unreadCountKey = ['notifications', 'unread-count'] as const;
const listKey = ['notifications', 'list'] as const;
const preferencesKey = ['notifications', 'preferences'] as const;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: () => api<{ count: number }>('GET', '/notifications/unread-count'),
    enabled,
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: listKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<NotificationDto>>('GET', `/notifications?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** After a notification arrives or is read: the list and the count are read again. */
export function useRefreshNotifications() {
  const queryClient = useQueryClient();
  // One function for the component's life, so effects that call it do not re-run on every render.
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: ['notifications'] }), [queryClient]);
}

export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (input: Required<Pick<MarkReadBody, 'ids'>> | Required<Pick<MarkReadBody, 'all'>>) =>
      api<void>('POST', '/notifications/read', input),
    onSuccess: refresh,
  });
}

export function usePreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => api<NotificationPreferencesDto>('GET', '/notifications/preferences') });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePreferencesBody) => api<NotificationPreferencesDto>('PATCH', '/notifications/preferences', input),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesKey, preferences),
  });
}

export function useUnsubscribe() {
  return useMutation({
    mutationFn: (token: string) =>
      api<{ kind: string; unsubscribed: true }>('POST', '/notifications/unsubscribe', { token } satisfies UnsubscribeBody),
  });
}
