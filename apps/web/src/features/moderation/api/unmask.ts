import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PageDto, UnmaskRequestDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** The same key as the forum's request (features/forum/api/unmask-request.ts): a new request shows here at once. */
const unmaskKey = ['unmask-requests'] as const;

/** Every unmask request, newest first (admins). */
export function useUnmaskRequests() {
  return useInfiniteQuery({
    queryKey: unmaskKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<UnmaskRequestDto>>('GET', `/moderation/unmask-requests${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useApproveUnmask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<UnmaskRequestDto>('POST', `/moderation/unmask-requests/${id}/approve`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unmaskKey }),
  });
}
