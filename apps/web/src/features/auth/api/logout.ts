import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/auth/logout'),
    onSettled: () => {
      // Whatever the server said, forget everything this member could see. (clear() would also detach
      // the screen's observers from the "me" query, so the header would not notice the sign-out.)
      setSession(queryClient, null);
    },
  });
}
