import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSiteInvitationBody, CreatedSiteInvitationDto, PageDto, SiteInvitationDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

const invitationsKey = ['admin', 'invitations'] as const;

export function useInvitations() {
  return useQuery({ queryKey: invitationsKey, queryFn: () => api<PageDto<SiteInvitationDto>>('GET', '/admin/invitations?limit=50') });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSiteInvitationBody) => api<CreatedSiteInvitationDto>('POST', '/admin/invitations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}
