import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import {
  TOPIC_POSTS_PER_PAGE,
  type CreatePostBody,
  type PageDto,
  type PostDto,
  type PreviewBody,
  type RevisionDto,
  type TopicPostsPageDto,
  type UpdatePostBody,
} from '@harbour/contracts';
import { api, ApiError } from '../../../lib/api-client';

export const postsKey = (topicId: string) => ['posts', topicId] as const;

/** Which page to read: the first, the one holding a post, the next one down, or the one just above. */
type PostsPageParam = { around: number } | { cursor: string } | { before: number } | null;

function pageQuery(param: PostsPageParam): string {
  if (param === null) return '';
  if ('around' in param) return `&around=${param.around}`;
  if ('before' in param) return `&before=${param.before}`;
  return `&cursor=${encodeURIComponent(param.cursor)}`;
}

/**
 * A topic's posts in reading order, loaded a page at a time in both directions: the first page is the one
 * holding `start` (a deep link, the first unread post) or the top; later pages append, earlier ones prepend
 * (the topic page keeps the reader's place). `enabled` waits until the start is known.
 */
export function useTopicPosts(topicId: string, start: number | null, enabled = true) {
  return useInfiniteQuery<TopicPostsPageDto, Error, InfiniteData<TopicPostsPageDto>, ReturnType<typeof postsKey>, PostsPageParam>({
    queryKey: postsKey(topicId),
    initialPageParam: start !== null && start > 1 ? { around: start } : null,
    queryFn: ({ pageParam }) =>
      api<TopicPostsPageDto>('GET', `/topics/${topicId}/posts?limit=${TOPIC_POSTS_PER_PAGE}${pageQuery(pageParam)}`),
    getNextPageParam: (page): PostsPageParam | undefined => (page.nextCursor ? { cursor: page.nextCursor } : undefined),
    getPreviousPageParam: (page): PostsPageParam | undefined => (page.before !== null ? { before: page.before } : undefined),
    enabled,
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
