import { useMutation } from '@tanstack/react-query';
import type { SignInAppealBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** A suspended or banned member's appeal from the sign-in page: no session, the credentials say who. */
export function useSignInAppeal() {
  return useMutation({ mutationFn: (body: SignInAppealBody) => api<void>('POST', '/auth/appeal', body) });
}
