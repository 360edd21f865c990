import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AlertDto, AlertRegionsDto, CreateAlertBody, PageDto, UpdateAlertBody } from '@harbour/contracts';

export const alertsKey = ['alerts'] as const;

/** The site's regions (codes with an English and a French name): every form and filter offers these. */
export function useAlertRegions() {
  return useQuery({
    queryKey: [...alertsKey, 'regions'],
    queryFn: () => api<AlertRegionsDto>('GET', '/alerts/regions'),
    staleTime: 10 * 60_000,
  });
}

/** A region's name in the reader's language; a code the list no longer has stays as it is. */
export function regionName(regions: AlertRegionsDto['items'] | undefined, code: string, language: string): string {
  const region = regions?.find((item) => item.code === code);
  if (!region) return code;
  return language.startsWith('fr') ? region.nameFr : region.name;
}

/** The Atom feed of active alerts, for one region or all (a same-origin address partners can subscribe to). */
export function feedUrl(region: string | null): string {
  return `/api/alerts/feed.atom${region ? `?region=${encodeURIComponent(region)}` : ''}`;
}

/** Alerts newest first: only those in effect, or every one (`past`), in one region or all. */
export function useAlerts(region: string | null, past: boolean) {
  return useInfiniteQuery({
    queryKey: [...alertsKey, 'list', region, past],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '20' });
      if (region) query.set('region', region);
      if (!past) query.set('active', 'true');
      if (pageParam) query.set('cursor', pageParam);
      return api<PageDto<AlertDto>>('GET', `/alerts?${query.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useAlert(id: string) {
  return useQuery({ queryKey: [...alertsKey, 'one', id], queryFn: () => api<AlertDto>('GET', `/alerts/${encodeURIComponent(id)}`) });
}

/** The alert team publishes an alert (`fromReportId` closes the report it came from) or edits one. */
export function useSaveAlert(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAlertBody | UpdateAlertBody) =>
      id ? api<AlertDto>('PATCH', `/alerts/${encodeURIComponent(id)}`, body) : api<AlertDto>('POST', '/alerts', body),
    onSuccess: (alert) => {
      queryClient.setQueryData([...alertsKey, 'one', alert.id], alert);
      void queryClient.invalidateQueries({ queryKey: alertsKey });
    },
  });
}

export function useRetractAlert(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', `/alerts/${encodeURIComponent(id)}/retract`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
  });
}
