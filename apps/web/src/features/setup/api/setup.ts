import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryDto, CreatedSiteInvitationDto, CreateSiteInvitationBody, SettingsDto, UpdateSettingsBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { siteQueryKey } from '../../../lib/site';
import { categoriesKey } from '../../shared/api/spaces';
import { settingsQueryKey } from '../../shared/api/site-logo';
import type { StarterCategory } from '../starter-categories';

export function useSetupSettings() {
  return useQuery({ queryKey: settingsQueryKey, queryFn: () => api<SettingsDto>('GET', '/admin/settings') });
}

export function useSaveSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateSettingsBody) => api<SettingsDto>('PATCH', '/admin/settings', patch),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryKey, settings);
      void queryClient.invalidateQueries({ queryKey: siteQueryKey });
    },
  });
}

/** Creates the chosen starter categories in order (their order on the home page). */
export function useCreateStarterCategories() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (categories: StarterCategory[]) => {
      const created: CategoryDto[] = [];
      for (const category of categories) created.push(await api<CategoryDto>('POST', '/categories', category));
      return created;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}

export function useCreateEventLink() {
  return useMutation({
    mutationFn: (input: CreateSiteInvitationBody) => api<CreatedSiteInvitationDto>('POST', '/admin/invitations', input),
  });
}
