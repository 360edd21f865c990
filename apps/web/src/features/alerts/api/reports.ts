import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AlertReportDto, CreateAlertReportBody, ErrorDto, PageDto } from '@harbour/contracts';
import { api, ApiError } from '../../../lib/api-client';
import { alertsKey } from './alerts';

const reportsKey = [...alertsKey, 'reports'] as const;

/**
 * Anyone tells the alert team about a bad batch (202: nothing comes back). Sent without the session cookie, even
 * by a signed-in member: the report cannot be tied to an account, whatever the server would do with one.
 */
export function useSendReport() {
  return useMutation({
    mutationFn: async (report: CreateAlertReportBody) => {
      const response = await fetch('/api/alerts/reports', {
        method: 'POST',
        credentials: 'omit',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(report),
      });
      if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => null)) as ErrorDto | null);
    },
  });
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
