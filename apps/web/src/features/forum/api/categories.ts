import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryDto, CreateCategoryBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { categoriesKey } from '../../shared/api/spaces';

export function useCategory(id: string) {
  return useQuery({ queryKey: ['categories', id], queryFn: () => api<CategoryDto>('GET', `/categories/${id}`) });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCategoryBody) => api<CategoryDto>('POST', '/categories', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}
