import { useQuery } from '@tanstack/react-query';
import type { CategoryDto, GroupDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';

/** The lists of categories and groups the caller sees: the forum, groups, search and mailings all offer them. */
export const categoriesKey = ['categories'] as const;
export const groupsKey = ['groups'] as const;

export function useCategories() {
  return useQuery({ queryKey: categoriesKey, queryFn: () => api<{ items: CategoryDto[] }>('GET', '/categories') });
}

export function useGroups() {
  return useQuery({ queryKey: groupsKey, queryFn: () => api<{ items: GroupDto[] }>('GET', '/groups') });
}
