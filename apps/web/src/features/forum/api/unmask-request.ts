import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnmaskBody, UnmaskRequestDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** A moderator asks to learn who wrote an anonymous post (a different admin must approve). */
export function useRequestUnmask(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnmaskBody) => api<UnmaskRequestDto>('POST', `/moderation/posts/${postId}/unmask`, body),
    // The admins' list (features/moderation/api/unmask.ts) reads under this key.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['unmask-requests'] }),
  });
}
