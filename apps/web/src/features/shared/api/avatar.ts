import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto } from '@harbour/contracts';
import { api, apiUpload } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

/**
 * Uploads a picture (`file`, its progress told to `onProgress`) or, with null, goes back to the generated one;
 * the answer is the new `me`.
 */
export function useSetAvatar(onProgress: (fraction: number) => void = () => undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => {
      if (file === null) return api<MeDto>('DELETE', '/me/avatar');
      const form = new FormData();
      form.append('file', file);
      return apiUpload<MeDto>('/me/avatar', form, onProgress, 'PUT');
    },
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // Every list that shows this member's picture carries its old URL: read them again.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}

/** The version in an avatar URL: above zero while the member has uploaded a picture (see AvatarRepository). */
export function hasUploadedAvatar(avatarUrl: string): boolean {
  const version = Number(new URL(avatarUrl, 'http://local').searchParams.get('v') ?? '0');
  return version > 0;
}
