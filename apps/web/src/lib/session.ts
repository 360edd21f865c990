import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MeDto } from '@harbour/contracts';
import { api, ApiError } from './api-client';
import { siteQueryKey } from './site';

export const meQueryKey = ['me'] as const;

/**
 * The session changed (sign-in, sign-up, sign-out): every cached answer, and the `can` in it, was computed
 * for someone else. Only who is signed in and the site's own settings stay.
 */
export function setSession(queryClient: QueryClient, me: MeDto | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] && query.queryKey[0] !== siteQueryKey[0] });
  queryClient.setQueryData(meQueryKey, me);
}

/** The signed-in member, or null for a visitor. */
export async function getMe(): Promise<MeDto | null> {
  try {
    return await api<MeDto>('GET', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Site permissions, which no object's `can` carries: the admin pages, the moderation pages and member records,
 * creating categories. What a member may do with a category, topic, post or group comes from that object's
 * `can` (api.md 1.1), computed by the server — never from the role here.
 */
export function isAdmin(me: MeDto | null | undefined): boolean {
  return me?.role === 'admin';
}

export function isSiteStaff(me: MeDto | null | undefined): boolean {
  return me?.role === 'admin' || me?.role === 'moderator';
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
