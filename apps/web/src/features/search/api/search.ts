import { useInfiniteQuery } from '@tanstack/react-query';
import type { PageDto, SearchHitDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export interface SearchFilters {
  q: string;
  categoryId?: string;
  groupId?: string;
  author?: string;
}

export function useSearch(filters: SearchFilters) {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return useInfiniteQuery({
    queryKey: ['search', params.toString()],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(params);
      if (pageParam) page.set('cursor', pageParam);
      return api<PageDto<SearchHitDto>>('GET', `/search?${page.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
    enabled: filters.q.trim().length > 0,
  });
}
