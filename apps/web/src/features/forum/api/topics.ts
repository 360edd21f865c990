import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTopicBody, PageDto, ReadBody, TopicDto, TopicWithFirstPostDto, UpdateTopicBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

function topicPages(path: string) {
  return async ({ pageParam }: { pageParam: string | null }) =>
    api<PageDto<TopicDto>>('GET', `${path}${pageParam ? `${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(pageParam)}` : ''}`);
}

export function useLatestTopics() {
  return useInfiniteQuery({
    queryKey: ['topics', 'latest'],
    initialPageParam: null as string | null,
    queryFn: topicPages('/topics'),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCategoryTopics(categoryId: string) {
  return useInfiniteQuery({
    queryKey: ['topics', 'category', categoryId],
    initialPageParam: null as string | null,
    queryFn: topicPages(`/categories/${categoryId}/topics`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useTopic(id: string) {
  return useQuery({ queryKey: ['topic', id], queryFn: () => api<TopicDto>('GET', `/topics/${id}`) });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTopicBody) => api<TopicWithFirstPostDto>('POST', '/topics', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['topics'] }),
  });
}

export function useUpdateTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTopicBody) => api<TopicDto>('PATCH', `/topics/${id}`, input),
    onSuccess: (topic) => {
      queryClient.setQueryData(['topic', id], topic);
      void queryClient.invalidateQueries({ queryKey: ['topics'] });
    },
  });
}

export function useMarkRead(topicId: string) {
  return useMutation({ mutationFn: (postId: string) => api<void>('PUT', `/topics/${topicId}/read`, { postId } satisfies ReadBody) });
}
