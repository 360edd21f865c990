import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { CreatePostBody, PageDto, PostDto, PreviewBody, RevisionDto, UpdatePostBody } from '@harbour/contracts';
import { api, ApiError } from '../../../lib/api-client';

export const postsKey = (topicId: string) => ['posts', topicId] as const;

/** A topic's posts in reading order, loaded a page at a time (new pages append: nothing jumps). */
export function useTopicPosts(topicId: string) {
  return useInfiniteQuery({
    queryKey: postsKey(topicId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<PostDto>>('GET', `/topics/${topicId}/posts?limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Replaces one post in the loaded pages, so an edit or reaction does not reload the thread. */
function usePostReplacer(topicId: string) {
  const queryClient = useQueryClient();
  return (post: PostDto) =>
    queryClient.setQueryData<InfiniteData<PageDto<PostDto>>>(postsKey(topicId), (data) =>
      data
        ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((p) => (p.id === post.id ? post : p)) })) }
        : data,
    );
}

export function useReply(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePostBody) => api<PostDto>('POST', `/topics/${topicId}/posts`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postsKey(topicId) }),
  });
}

export function useEditPost(topicId: string) {
  const replace = usePostReplacer(topicId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string } & UpdatePostBody) => api<PostDto>('PATCH', `/posts/${id}`, input),
    onSuccess: (post) => {
      replace(post);
      void queryClient.invalidateQueries({ queryKey: ['revisions', post.id] });
    },
    // Someone else's edit came first: load it, so that editing again starts from it.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: postsKey(topicId) });
    },
  });
}

export function useDeletePost(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/posts/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: postsKey(topicId) }),
  });
}

export function useReact(topicId: string) {
  const replace = usePostReplacer(topicId);
  const queryClient = useQueryClient();
  return useMutation({
    // The member's own mark changes at once: the room's live update of the counts, which may arrive
    // before this request returns, keeps the reader's own marks as they are.
    onMutate: ({ id, emoji, on }: { id: string; emoji: string; on: boolean }) => {
      const post = queryClient
        .getQueryData<InfiniteData<PageDto<PostDto>>>(postsKey(topicId))
        ?.pages.flatMap((page) => page.items)
        .find((item) => item.id === id);
      if (post) {
        const myReactions = on ? [...new Set([...post.myReactions, emoji])] : post.myReactions.filter((mine) => mine !== emoji);
        replace({ ...post, myReactions });
      }
    },
    mutationFn: async ({ id, emoji, on }: { id: string; emoji: string; on: boolean }) => {
      await api<void>(on ? 'PUT' : 'DELETE', `/posts/${id}/reactions/${encodeURIComponent(emoji)}`);
      return api<PostDto>('GET', `/posts/${id}`);
    },
    onSuccess: replace,
  });
}

export function useBookmark(topicId: string) {
  const replace = usePostReplacer(topicId);
  return useMutation({
    mutationFn: async ({ id, on }: { id: string; on: boolean }) => {
      await api<void>(on ? 'PUT' : 'DELETE', `/posts/${id}/bookmark`);
      return api<PostDto>('GET', `/posts/${id}`);
    },
    onSuccess: replace,
  });
}

export function useRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['revisions', postId],
    queryFn: () => api<{ items: RevisionDto[] }>('GET', `/posts/${postId}/revisions`),
    enabled,
  });
}

export function usePreview() {
  return useMutation({ mutationFn: (body: string) => api<{ html: string }>('POST', '/posts/preview', { body } satisfies PreviewBody) });
}
