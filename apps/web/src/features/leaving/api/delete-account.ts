import { useMutation } from '@tanstack/react-query';
import type { DeleteMeBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** `DELETE /api/me`; on success the page loads /account-deleted afresh (no state of the old session survives). */
export function useDeleteAccount() {
  return useMutation({ mutationFn: (body: DeleteMeBody) => api<void>('DELETE', '/me', body) });
}
