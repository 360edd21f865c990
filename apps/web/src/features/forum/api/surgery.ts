import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MergeTopicBody, SearchHitDto, SplitTopicBody, TopicDto, TopicNoticeDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { postsKey } from './posts';

export const noticesKey = (topicId: string) => ['topic-notices', topicId] as const;

/** The notices staff surgery left in a thread (moves, splits, merges), oldest first. */
export function useTopicNotices(topicId: string) {
  return useQuery({
    queryKey: noticesKey(topicId),
    queryFn: () => api<{ items: TopicNoticeDto[] }>('GET', `/topics/${topicId}/notices`),
    enabled: topicId !== '',
  });
}

/** After surgery the thread, its notices and every list change: read them again. */
function useRefreshTopic(topicId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['topic', topicId] }),
      queryClient.invalidateQueries({ queryKey: postsKey(topicId) }),
      queryClient.invalidateQueries({ queryKey: noticesKey(topicId) }),
      queryClient.invalidateQueries({ queryKey: ['topics'] }),
    ]);
  };
}

export function useSplitTopic(topicId: string) {
  const refresh = useRefreshTopic(topicId);
  return useMutation({
    mutationFn: (input: SplitTopicBody) => api<TopicDto>('POST', `/topics/${topicId}/split`, input),
    onSuccess: refresh,
  });
}

export function useMergeTopic(topicId: string) {
  const refresh = useRefreshTopic(topicId);
  return useMutation({
    mutationFn: (input: MergeTopicBody) => api<void>('POST', `/topics/${topicId}/merge`, input),
    onSuccess: refresh,
  });
}

const TOPIC_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * A merge's target: a pasted topic link (or id) names that topic; otherwise the topics whose title or posts
 * hold these words, each once.
 */
export function useTopicSearch(words: string) {
  return useQuery({
    queryKey: ['topic-search', words],
    queryFn: async (): Promise<{ topicId: string; title: string }[]> => {
      const linked = TOPIC_ID.exec(words)?.[0];
      if (linked) {
        const topic = await api<TopicDto>('GET', `/topics/${linked}`).catch(() => null);
        return topic ? [{ topicId: topic.id, title: topic.title }] : [];
      }
      const page = await api<{ items: SearchHitDto[] }>('GET', `/search?q=${encodeURIComponent(words)}&limit=20`);
      const seen = new Map<string, { topicId: string; title: string }>();
      for (const hit of page.items) if (!seen.has(hit.topicId)) seen.set(hit.topicId, { topicId: hit.topicId, title: hit.title });
      return [...seen.values()];
    },
    enabled: words.trim().length >= 2,
  });
}
