import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupMembershipDto, UpdateMembershipBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

const key = (slug: string) => ['groups', slug, 'membership'] as const;

/** The caller's own membership of the group (whether it shows on their profile). */
export function useMembership(slug: string) {
  return useQuery({
    queryKey: key(slug),
    queryFn: () => api<GroupMembershipDto>('GET', `/groups/${encodeURIComponent(slug)}/membership`),
  });
}

export function useSetMembershipHidden(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hiddenOnProfile: boolean) =>
      api<GroupMembershipDto>('PATCH', `/groups/${encodeURIComponent(slug)}/membership`, {
        hiddenOnProfile,
      } satisfies UpdateMembershipBody),
    onSuccess: (membership) => {
      queryClient.setQueryData(key(slug), membership);
      void queryClient.invalidateQueries({ queryKey: ['profile'] });
    },
  });
}
