import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeleteMeBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteMeBody) => api<void>('DELETE', '/me', body),
    // The account is gone: nothing cached was computed for anyone who still exists.
    onSuccess: () => setSession(queryClient, null),
  });
}
