import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddWatchedWordBody,
  AppealBody,
  CreateSanctionBody,
  LogQuery,
  MemberRecordDto,
  ModerationLogEntryDto,
  NoteBody,
  PageDto,
  ResolveBody,
  ReviewItemDto,
  SanctionDto,
  SignInAppealBody,
  WatchedWordDto,
} from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { mySanctionsKey as mineKey } from '../../shared/api/silence';

const queueKey = ['moderation', 'queue'] as const;
const wordsKey = ['admin', 'watched-words'] as const;

export function useQueue() {
  return useQuery({ queryKey: queueKey, queryFn: () => api<PageDto<ReviewItemDto>>('GET', '/moderation/queue?limit=50') });
}

export function useResolve() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ResolveBody) => api<void>('POST', `/moderation/flags/${id}/resolve`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKey }),
  });
}

export function useSanction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string } & CreateSanctionBody) =>
      api<{ id: string }>('POST', `/moderation/users/${userId}/sanctions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['moderation'] }),
  });
}

export function useLiftSanction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, sanctionId }: { userId: string; sanctionId: string }) =>
      api<void>('DELETE', `/moderation/users/${userId}/sanctions/${sanctionId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['moderation'] }),
  });
}

/** The log, newest first, page by page, with the filters of `GET /api/moderation/log` (empty ones left out). */
export function useModerationLog(filters: Pick<LogQuery, 'action' | 'actorId' | 'memberId'>) {
  return useInfiniteQuery({
    queryKey: ['moderation', 'log', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '50' });
      for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
      if (pageParam) query.set('cursor', pageParam);
      return api<PageDto<ModerationLogEntryDto>>('GET', `/moderation/log?${query.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** A suspended or banned member's appeal, from the sign-in page (no session: the credentials say who). */
export function useSignInAppeal() {
  return useMutation({ mutationFn: (body: SignInAppealBody) => api<void>('POST', '/auth/appeal', body) });
}

/** The member's own sanctions (every signed-in member: the answer is usually empty). */
export function useMySanctions(enabled: boolean) {
  return useQuery({ queryKey: mineKey, queryFn: () => api<{ items: SanctionDto[] }>('GET', '/me/sanctions'), enabled });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/me/sanctions/${id}/acknowledge`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mineKey }),
  });
}

export function useAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message: string }) =>
      api<void>('POST', `/me/sanctions/${id}/appeal`, { message } satisfies AppealBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mineKey }),
  });
}

export function useWatchedWords() {
  return useQuery({ queryKey: wordsKey, queryFn: () => api<{ items: WatchedWordDto[] }>('GET', '/admin/watched-words') });
}

export function useAddWatchedWord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddWatchedWordBody) => api<WatchedWordDto>('POST', '/admin/watched-words', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wordsKey }),
  });
}

export function useRemoveWatchedWord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/admin/watched-words/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wordsKey }),
  });
}

export function useClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/moderation/queue/${id}/claim`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueKey }),
  });
}

const recordKey = (userId: string) => ['moderation', 'member', userId] as const;

export function useMemberRecord(userId: string) {
  return useQuery({ queryKey: recordKey(userId), queryFn: () => api<MemberRecordDto>('GET', `/moderation/users/${userId}`) });
}

export function useAddNote(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<{ id: string }>('POST', `/moderation/users/${userId}/notes`, { body } satisfies NoteBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKey(userId) }),
  });
}
