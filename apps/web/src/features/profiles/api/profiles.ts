import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { PageDto, ProfileDto, ProfilePostDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

const enc = encodeURIComponent;

/** A member's profile as the server lets this caller see it. */
export function useProfile(username: string) {
  return useQuery({
    queryKey: ['profile', username.toLowerCase()],
    queryFn: () => api<ProfileDto>('GET', `/users/${enc(username)}`),
    retry: false,
  });
}

/** Their posts the caller may see, newest first, a page at a time. */
export function useProfilePosts(username: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['profile', username.toLowerCase(), 'posts'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<ProfilePostDto>>('GET', `/users/${enc(username)}/posts${pageParam ? `?cursor=${enc(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
