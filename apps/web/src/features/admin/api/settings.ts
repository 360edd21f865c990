import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsDto, UpdateSettingsBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

const settingsKey = ['admin', 'settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api<SettingsDto>('GET', '/admin/settings') });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateSettingsBody) => api<SettingsDto>('PATCH', '/admin/settings', patch),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      void queryClient.invalidateQueries({ queryKey: ['site'] });
    },
  });
}
