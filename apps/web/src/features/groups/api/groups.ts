import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInvitationBody,
  ChangeGroupRoleBody,
  CreateGroupBody,
  GroupDto,
  GroupInvitationDto,
  GroupMemberDto,
  GroupRole,
  InviteBody,
  JoinRequestBody,
  JoinRequestDto,
  PageDto,
  UpdateGroupBody,
} from '@harbour/contracts';
import { api } from '../../../lib/api-client';

const enc = encodeURIComponent;

export function useGroup(slug: string) {
  return useQuery({ queryKey: ['groups', slug], queryFn: () => api<GroupDto>('GET', `/groups/${enc(slug)}`) });
}

/** The member list, when the caller may see it (a private group's is for its members). */
export function useGroupMembers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['groups', slug, 'members'],
    queryFn: () => api<PageDto<GroupMemberDto>>('GET', `/groups/${enc(slug)}/members?limit=100`),
    enabled,
  });
}

export function useJoinRequests(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ['groups', slug, 'join-requests'],
    queryFn: () => api<{ items: JoinRequestDto[] }>('GET', `/groups/${enc(slug)}/join-requests`),
    enabled,
  });
}

export function useMyInvitations(enabled: boolean) {
  return useQuery({ queryKey: ['invitations'], queryFn: () => api<{ items: GroupInvitationDto[] }>('GET', '/invitations'), enabled });
}

export function useInvitation(id: string, token: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['invitations', id],
    queryFn: () => api<GroupInvitationDto>('GET', `/invitations/${enc(id)}${token ? `?token=${enc(token)}` : ''}`),
    enabled,
    retry: false,
  });
}

/** Every group mutation changes what the caller may see: refresh groups, categories and topics. */
function useGroupMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all(['groups', 'invitations', 'categories', 'topics'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}

export const useCreateGroup = () => useGroupMutation((input: CreateGroupBody) => api<GroupDto>('POST', '/groups', input));

export const useUpdateGroup = (slug: string) =>
  useGroupMutation((input: UpdateGroupBody) => api<GroupDto>('PATCH', `/groups/${enc(slug)}`, input));

export const useInvite = (slug: string) =>
  useGroupMutation((input: Required<Pick<InviteBody, 'username'>> | Required<Pick<InviteBody, 'email'>>) =>
    api<{ id: string; token?: string }>('POST', `/groups/${enc(slug)}/invitations`, input),
  );

export const useAnswerInvitation = () =>
  useGroupMutation(({ id, token, accept }: { id: string; token?: string; accept: boolean }) =>
    api<void>('POST', `/invitations/${enc(id)}/${accept ? 'accept' : 'decline'}`, token ? ({ token } satisfies AcceptInvitationBody) : {}),
  );

export const useRequestToJoin = (slug: string) =>
  useGroupMutation((input: JoinRequestBody) =>
    api<{ id: string; status: 'pending' | 'approved' }>('POST', `/groups/${enc(slug)}/join-requests`, input),
  );

export const useDecideJoinRequest = (slug: string) =>
  useGroupMutation(({ id, approve }: { id: string; approve: boolean }) =>
    api<void>('POST', `/groups/${enc(slug)}/join-requests/${enc(id)}/${approve ? 'approve' : 'decline'}`),
  );

export const useChangeGroupRole = (slug: string) =>
  useGroupMutation(({ userId, role }: { userId: string; role: GroupRole }) =>
    api<void>('PATCH', `/groups/${enc(slug)}/members/${enc(userId)}`, { role } satisfies ChangeGroupRoleBody),
  );

/** Removes a member, or (with the caller's own id) leaves the group. */
export const useRemoveMember = (slug: string) =>
  useGroupMutation((userId: string) => api<void>('DELETE', `/groups/${enc(slug)}/members/${enc(userId)}`));
