import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto, UpdateMeBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeBody) => api<MeDto>('PATCH', '/me', input),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
