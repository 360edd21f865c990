import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ArchivedMailingDto, ArchivedMailingPageDto, PageDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export function useArchive() {
  return useInfiniteQuery({
    queryKey: ['mailings', 'archive'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<ArchivedMailingDto>>('GET', `/mailings/archive${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useArchivedMailing(id: string) {
  return useQuery({ queryKey: ['mailings', 'archive', id], queryFn: () => api<ArchivedMailingPageDto>('GET', `/mailings/archive/${id}`) });
}
