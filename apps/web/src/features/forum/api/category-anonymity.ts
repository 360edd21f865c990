import { useQuery } from '@tanstack/react-query';
import type { CategoryAnonymous, CategoryDto } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { categoriesKey } from '../../shared/api/spaces';

/**
 * Whether a category takes anonymous posts (off, allowed, required): what the composer offers. The same query as
 * useCategory (one cache entry per category); nothing is asked without a category.
 */
export function useCategoryAnonymity(categoryId: string | undefined): CategoryAnonymous {
  const category = useQuery({
    queryKey: [...categoriesKey, categoryId],
    queryFn: () => api<CategoryDto>('GET', `/categories/${categoryId}`),
    enabled: categoryId !== undefined,
  });
  return category.data?.anonymous ?? 'off';
}
