import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CategoryDto, CreateCategoryBody, DeleteCategoryBody, UpdateCategoryBody } from '@harbour/contracts';
import { api } from '../../../lib/api-client';
import { categoriesKey } from './spaces';

/** One category, under the categories key: every change to any category fetches it again. */
export function useCategory(id: string) {
  return useQuery({ queryKey: [...categoriesKey, id], queryFn: () => api<CategoryDto>('GET', `/categories/${id}`) });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCategoryBody) => api<CategoryDto>('POST', '/categories', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}

/** PATCH /api/categories/:id: every list and page of categories is fetched again (order, colour, access). */
export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateCategoryBody }) => api<CategoryDto>('PATCH', `/categories/${id}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}

/** DELETE /api/categories/:id, with `moveTopicsTo` when its topics go elsewhere (a merge). */
export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeleteCategoryBody }) => api<void>('DELETE', `/categories/${id}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: categoriesKey });
      // Topics moved: the lists that showed them under the old category are stale too.
      await queryClient.invalidateQueries({ queryKey: ['topics'] });
    },
  });
}
