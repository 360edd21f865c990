import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  BookmarkDto,
  NotificationLevel,
  NotificationLevelBody,
  PageDto,
  TopicDto,
  TopicFilter,
  TopicPeriod,
} from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** Which list: site-wide (the home page) or one category's, filtered (api.md 1.1, topic lists). */
export interface TopicListScope {
  categoryId?: string;
  filter: TopicFilter;
  period: TopicPeriod;
}

function listPath({ categoryId, filter, period }: TopicListScope): string {
  const base = categoryId ? `/categories/${categoryId}/topics` : '/topics';
  return `${base}?filter=${filter}${filter === 'top' ? `&period=${period}` : ''}`;
}

/** Under ['topics', …]: creating or changing a topic refreshes every list (see api/topics.ts). */
export function useTopicList(scope: TopicListScope, enabled = true) {
  const path = listPath(scope);
  return useInfiniteQuery({
    queryKey: ['topics', 'list', path],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api<PageDto<TopicDto>>('GET', `${path}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function useBookmarks() {
  return useInfiniteQuery({
    queryKey: ['bookmarks'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<BookmarkDto>>('GET', `/bookmarks${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export type LevelTarget = { topicId: string } | { categoryId: string };

/** Sets the member's level on a topic or category, then refreshes what shows it. */
export function useSetNotificationLevel(target: LevelTarget) {
  const queryClient = useQueryClient();
  const path = 'topicId' in target ? `/topics/${target.topicId}/notification-level` : `/categories/${target.categoryId}/notification-level`;
  return useMutation({
    mutationFn: (level: NotificationLevel) => api<void>('PUT', path, { level } satisfies NotificationLevelBody),
    onSuccess: async () => {
      if ('topicId' in target) await queryClient.invalidateQueries({ queryKey: ['topic', target.topicId] });
      else await queryClient.invalidateQueries({ queryKey: ['category-level', target.categoryId] });
      await queryClient.invalidateQueries({ queryKey: ['topics'] });
    },
  });
}
