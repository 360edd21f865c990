import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto, RecoveryCodesDto, TwoFactorConfirmBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

/** Turns two-factor on with a code from the app; the answer holds the recovery codes, shown once. */
export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorConfirmBody) => api<RecoveryCodesDto>('POST', '/me/2fa/confirm', input),
    onSuccess: () => {
      queryClient.setQueryData<MeDto | null>(meQueryKey, (me) => (me ? { ...me, twoFactor: true } : me));
      // Staff powers may have come back (staffTwoFactor): every `can` is recomputed.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
