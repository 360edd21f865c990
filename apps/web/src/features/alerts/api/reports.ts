import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlertReportDto, CreateAlertReportBody, PageDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { alertsKey } from './alerts';

const reportsKey = [...alertsKey, 'reports'] as const;

/** Anyone, signed in or not, tells the alert team about a bad batch (202: nothing comes back). */
export function useSendReport() {
  return useMutation({ mutationFn: (report: CreateAlertReportBody) => api<void>('POST', '/alerts/reports', report) });
}

/** The alert team's queue: the reports still waiting, newest first. */
export function useAlertReports(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...reportsKey, 'open'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<PageDto<AlertReportDto>>(
        'GET',
        `/alerts/reports?status=open&limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function useDismissReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/alerts/reports/${encodeURIComponent(id)}/dismiss`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}
