import { useMutation } from '@tanstack/react-query';
import type { PasswordBody, TwoFactorSetupDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** A new secret to enter in an authenticator app; two-factor stays off until a code from it is confirmed. */
export function useStartTwoFactor() {
  return useMutation({ mutationFn: (input: PasswordBody) => api<TwoFactorSetupDto>('POST', '/me/2fa', input) });
}
