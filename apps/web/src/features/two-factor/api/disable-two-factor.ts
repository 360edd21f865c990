import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto, TwoFactorDisableBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorDisableBody) => api<void>('DELETE', '/me/2fa', input),
    onSuccess: () => {
      queryClient.setQueryData<MeDto | null>(meQueryKey, (me) => (me ? { ...me, twoFactor: false } : me));
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
