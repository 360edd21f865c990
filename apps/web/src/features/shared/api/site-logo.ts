import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsDto } from '@harbour/contracts';
import { api, apiUpload } from '../../../lib/api-client';
import { siteQueryKey } from '../../../lib/site';

/** The admin settings' query key (the admin screens and the setup walk-through read the same copy). */
export const settingsQueryKey = ['admin', 'settings'] as const;

/** The site's settings (admins): the mailing screens read whether the postal address is set. */
export function useAdminSettings() {
  return useQuery({ queryKey: settingsQueryKey, queryFn: () => api<SettingsDto>('GET', '/admin/settings') });
}

/** Puts a new logo (`file`) or, with null, removes it; the answer is the settings with the new `logoUrl`. */
export function useSetLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => {
      if (file === null) return api<SettingsDto>('DELETE', '/admin/settings/logo');
      const form = new FormData();
      form.append('file', file);
      return apiUpload<SettingsDto>('/admin/settings/logo', form, () => undefined, 'PUT');
    },
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryKey, settings);
      void queryClient.invalidateQueries({ queryKey: siteQueryKey });
    },
  });
}
