import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

/** The regions whose alerts reach the member, and whether alerts reach them at all (`me` holds both). */
export function useSetAlertRegions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: { regions: string[]; alertsOff: boolean }) => api<void>('PUT', '/me/alert-regions', choice),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

/** The alert email's unsubscribe link, followed by someone who may not be signed in on this device. */
export function useAlertsUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => api<{ unsubscribed: true }>('POST', '/alerts/unsubscribe', { token }) });
}
