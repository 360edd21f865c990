import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthResultDto, LoginBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginBody) => api<AuthResultDto>('POST', '/auth/login', input),
    onSuccess: (result) => setSession(queryClient, result.user),
  });
}
