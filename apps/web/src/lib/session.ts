import { useQuery } from '@tanstack/react-query';
import type { MeDto } from '@harbour/contracts';
import { api, ApiError } from './api-client';

export const meQueryKey = ['me'] as const;

/** The signed-in member, or null for a visitor. */
export async function getMe(): Promise<MeDto | null> {
  try {
    return await api<MeDto>('GET', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
