import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SanctionDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { useSocketEvent } from '../../../lib/realtime';

/** The member's own sanctions (the moderation feature's `useMySanctions` reads the same cache). */
export const mySanctionsKey = ['moderation', 'mine'] as const;

/** A standing silence: until when, and the moderators' own words. */
export interface Silence {
  until: string;
  reason: string;
}

/**
 * The member's standing silence, or null (call it for a signed-in member only): read from their own sanctions (the server's message and end date).
 * A sanction heard live refetches everything shown, so that every `can` (reply, start a topic, write a
 * message) turns false on the page at once rather than after the member has typed.
 */
export function useSilence(): Silence | null {
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: mySanctionsKey, queryFn: () => api<{ items: SanctionDto[] }>('GET', '/me/sanctions') });
  useSocketEvent('notification', (notification) => {
    if (notification.type === 'moderation' && notification.data.sanctionId) void queryClient.invalidateQueries();
  });
  // Judged as of the answer (a silence ending while the page is open is seen at the next refetch).
  const now = mine.dataUpdatedAt;
  const standing = (mine.data?.items ?? []).filter(
    (sanction) => sanction.type === 'silence' && !sanction.liftedAt && sanction.until && new Date(sanction.until).getTime() > now,
  );
  const longest = standing.sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''))[0];
  return longest?.until ? { until: longest.until, reason: longest.reason } : null;
}
