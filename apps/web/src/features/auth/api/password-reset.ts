import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (input: { email: string }) => api<void>('POST', '/auth/password-reset', input) });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) => api<void>('POST', '/auth/password-reset/confirm', input),
  });
}
