import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/logout'),
    onSettled: () => {
      // Whatever the server said, forget everything this member could see.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
