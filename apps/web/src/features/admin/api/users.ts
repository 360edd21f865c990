import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUserDto, CreateAccountBody, PageDto, Role, UpdateUserRoleBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export function useAdminUsers(q: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'users', q],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (pageParam) params.set('cursor', pageParam);
      return api<PageDto<AdminUserDto>>('GET', `/admin/users?${params.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api<AdminUserDto>('PATCH', `/admin/users/${id}`, { role } satisfies UpdateUserRoleBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useApproveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/admin/users/${id}/approve`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

/** An admin makes an account; its owner is mailed a link to choose their password. */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAccountBody) => api<AdminUserDto>('POST', '/admin/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
