import { useMutation } from '@tanstack/react-query';
import type { FlagReason, FlagTargetType } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** Reporting a post, topic or member: offered by the forum and by member records alike. */
export function useReport() {
  return useMutation({
    mutationFn: (input: { targetType: FlagTargetType; targetId: string; reason: FlagReason; note?: string }) =>
      api<{ id: string }>('POST', '/flags', input),
  });
}
