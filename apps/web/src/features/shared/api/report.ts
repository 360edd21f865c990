import { useMutation } from '@tanstack/react-query';
import type { CreateFlagBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** Reporting a post, topic or member: offered by the forum and by member records alike. */
export function useReport() {
  return useMutation({
    mutationFn: (input: CreateFlagBody) => api<{ id: string }>('POST', '/flags', input),
  });
}
