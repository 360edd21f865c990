import { useQuery } from '@tanstack/react-query';
import type { UserDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** Members to offer after an `@` (at most ten; in a private space, only those who may read it). */
export function useMentionCandidates(prefix: string, where: { topicId?: string; categoryId?: string }) {
  const { topicId, categoryId } = where;
  const query = new URLSearchParams({ prefix, ...(topicId ? { topicId } : categoryId ? { categoryId } : {}) });
  return useQuery({
    queryKey: ['mention-candidates', topicId ?? categoryId ?? null, prefix.toLowerCase()],
    queryFn: () => api<{ items: UserDto[] }>('GET', `/users?${query.toString()}`),
    enabled: prefix.length > 0,
    staleTime: 30_000,
  });
}
