import { useQuery } from '@tanstack/react-query';
import type { UserDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** Members to offer after an `@` (at most ten; in a private space, only those who may read it). */
export function useMentionCandidates(prefix: string, topicId: string | undefined) {
  const query = new URLSearchParams({ prefix, ...(topicId ? { topicId } : {}) });
  return useQuery({
    queryKey: ['mention-candidates', topicId ?? null, prefix.toLowerCase()],
    queryFn: () => api<{ items: UserDto[] }>('GET', `/users?${query.toString()}`),
    enabled: prefix.length > 0,
    staleTime: 30_000,
  });
}
