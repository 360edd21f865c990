import { useQuery } from '@tanstack/react-query';
import type { SiteDto } from '@harbour/contracts';
import { api } from './api-client';

export const siteQueryKey = ['site'] as const;

export function useSite() {
  return useQuery({ queryKey: siteQueryKey, queryFn: () => api<SiteDto>('GET', '/site'), staleTime: 5 * 60_000 });
}
