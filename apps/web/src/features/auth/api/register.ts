import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResultDto, PendingRegistrationDto, RegisterBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

/** The client always sends the interface's language. */
export type RegisterInput = RegisterBody & Required<Pick<RegisterBody, 'locale'>>;

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterInput) => api<AuthResultDto | PendingRegistrationDto>('POST', '/auth/register', input),
    onSuccess: (result) => {
      if ('user' in result) setSession(queryClient, result.user);
    },
  });
}
