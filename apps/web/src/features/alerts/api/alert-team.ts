import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertRegionDto, AlertRegionsDto, AlertTeamDto, UserDto } from '@harbour/contracts';
import { api, ApiError } from '../../../lib/api-client';
import { alertsKey } from './alerts';

const teamKey = [...alertsKey, 'team'] as const;

/** The members admins named to the alert team (admins are on it without being named). */
export function useAlertTeam() {
  return useQuery({ queryKey: teamKey, queryFn: () => api<AlertTeamDto>('GET', '/admin/alert-team') });
}

/** Names a member by username: found through the members' completion, which matches names by their start. */
export function useAddToAlertTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (username: string) => {
      const found = await api<{ items: UserDto[] }>('GET', `/users?prefix=${encodeURIComponent(username.trim())}`);
      const user = found.items.find((item) => item.username.toLowerCase() === username.trim().toLowerCase());
      if (!user) throw new ApiError(404, null);
      await api<void>('PUT', `/admin/alert-team/${user.id}`);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

export function useRemoveFromAlertTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<void>('DELETE', `/admin/alert-team/${userId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKey }),
  });
}

/** Admins replace the site's list of regions (codes, English and French names), in the order it is offered. */
export function useSaveAlertRegions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (regions: AlertRegionDto[]) => api<AlertRegionsDto>('PUT', '/admin/alert-regions', { regions }),
    onSuccess: (answer) => queryClient.setQueryData([...alertsKey, 'regions'], answer),
  });
}
