import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SanctionDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { useRealtime, useSocketEvent } from '../../../lib/realtime';

/** The member's own sanctions (the moderation feature's `useMySanctions` reads the same cache). */
export const mySanctionsKey = ['moderation', 'mine'] as const;

/** A standing silence: until when, and the moderators' own words. */
export interface Silence {
  until: string;
  reason: string;
}

function useMine() {
  return useQuery({ queryKey: mySanctionsKey, queryFn: () => api<{ items: SanctionDto[] }>('GET', '/me/sanctions') });
}

/** The member's standing silence, or null (call it for a signed-in member only): read from their own sanctions (the server's message and end date). */
export function useSilence(): Silence | null {
  const mine = useMine();
  // Judged as of the answer (a silence ending while the page is open is seen at the next refetch).
  const now = mine.dataUpdatedAt;
  const standing = (mine.data?.items ?? []).filter(
    (sanction) => sanction.type === 'silence' && !sanction.liftedAt && sanction.until && new Date(sanction.until).getTime() > now,
  );
  const longest = standing.sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''))[0];
  return longest?.until ? { until: longest.until, reason: longest.reason } : null;
}

/**
 * Keeps every `can` on the page true to the member's sanctions (call it once, where the banner is): a sanction heard
 * live refetches everything shown, so that reply, new topic and write turn false at once rather than after the member
 * has typed. A tab whose socket was not yet listening when the sanction came (it connects after the first answers)
 * hears nothing: each connection asks for the sanctions again, and a silence first seen refetches whatever was
 * answered before it.
 */
export function useFollowSanctions(): void {
  const queryClient = useQueryClient();
  const { connectedAt } = useRealtime();
  const mine = useMine();
  const silenced = useSilence() !== null;
  useSocketEvent('notification', (notification) => {
    if (notification.type === 'moderation' && notification.data.sanctionId) void queryClient.invalidateQueries();
  });
  // The sanctions were asked for when this mounted; a connection made since may have missed one.
  const askedWith = useRef(connectedAt);
  useEffect(() => {
    if (connectedAt === askedWith.current) return;
    askedWith.current = connectedAt;
    void queryClient.invalidateQueries({ queryKey: mySanctionsKey });
  }, [connectedAt, queryClient]);
  const wasSilenced = useRef(false);
  const answeredAt = mine.dataUpdatedAt;
  useEffect(() => {
    if (silenced && !wasSilenced.current) {
      void queryClient.invalidateQueries({ predicate: (query) => query.state.dataUpdatedAt < answeredAt });
    }
    wasSilenced.current = silenced;
  }, [silenced, answeredAt, queryClient]);
}
