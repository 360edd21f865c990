import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeEmailBody, ChangePasswordBody, MeDto, SessionDto, UpdateMeBody, VerifyEmailBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

const sessionsKey = ['me', 'sessions'] as const;

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeBody) => api<MeDto>('PATCH', '/me', input),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordBody) => api<void>('POST', '/me/password', input),
    // Every other session ended.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: (input: ChangeEmailBody) => api<void>('POST', '/me/email', input) });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => api<void>('POST', '/me/verify-email') });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VerifyEmailBody) => api<void>('POST', '/auth/verify-email', input),
    // The address (or which address) is now verified: a signed-in member's `me` says so.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api<{ items: SessionDto[] }>('GET', '/me/sessions') });
}

/** Ends one session (`id`) or every other one (`null`). */
export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => api<void>('DELETE', id ? `/me/sessions/${encodeURIComponent(id)}` : '/me/sessions'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** "My address works again": mail goes to it again (`me.emailProblem` cleared). */
export function useClearEmailProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/me/email-problem'),
    onSuccess: () => queryClient.setQueryData<MeDto | null>(meQueryKey, (me) => (me ? { ...me, emailProblem: null } : me)),
  });
}
