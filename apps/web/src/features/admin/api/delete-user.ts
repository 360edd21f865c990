import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminDeleteUserBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** `DELETE /api/admin/users/:id`: an account deleted at its member's request. */
export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AdminDeleteUserBody & { id: string }) => api<void>('DELETE', `/admin/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
