import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResultDto, Locale, PendingRegistrationDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  locale: Locale;
  invitation?: string;
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterInput) => api<AuthResultDto | PendingRegistrationDto>('POST', '/auth/register', input),
    onSuccess: (result) => {
      if ('user' in result) setSession(queryClient, result.user);
    },
  });
}
