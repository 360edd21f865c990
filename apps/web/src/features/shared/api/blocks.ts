import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export const blocksKey = ['blocks'] as const;

/**
 * The members the signed-in member blocked (api.md 1.1, Blocking). Shared: the settings list and the profile
 * button show it, and a live post by someone in it is collapsed before the server's own view arrives.
 */
export function useBlocks(enabled = true) {
  return useQuery({
    queryKey: blocksKey,
    queryFn: () => api<{ items: UserDto[] }>('GET', '/me/blocks'),
    enabled,
    staleTime: 60_000,
  });
}

/** Blocks or unblocks a member; posts, search results and notifications are read again, as the block changes them. */
export function useSetBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, blocked }: { userId: string; blocked: boolean }) =>
      api<void>(blocked ? 'PUT' : 'DELETE', `/me/blocks/${encodeURIComponent(userId)}`),
    onSuccess: async () => {
      await Promise.all(
        [blocksKey, ['posts'], ['profile'], ['search'], ['notifications']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
