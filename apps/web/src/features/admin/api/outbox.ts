import { useQuery } from '@tanstack/react-query';
import type { OutboxItemDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

export function useOutbox() {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: () => api<{ enabled: boolean; items: OutboxItemDto[] }>('GET', '/admin/outbox'),
    refetchInterval: 5000,
  });
}

export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'outbox', id],
    queryFn: () => api<{ id: string; raw: string; text: string }>('GET', `/admin/outbox/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}
