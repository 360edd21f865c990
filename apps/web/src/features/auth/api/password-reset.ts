import { useMutation } from '@tanstack/react-query';
import type { PasswordResetConfirmBody, PasswordResetRequestBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (input: PasswordResetRequestBody) => api<void>('POST', '/auth/password-reset', input) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: PasswordResetConfirmBody) => api<void>('POST', '/auth/password-reset/confirm', input),
  });
}
