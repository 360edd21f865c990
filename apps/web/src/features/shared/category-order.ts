import type { CategoryDto } from '@harbour/contracts';

/** A category with its depth: 0 at the top level, 1 inside a parent (nesting is one level deep). */
export interface PlacedCategory {
  category: CategoryDto;
  depth: number;
}

const byPosition = (a: CategoryDto, b: CategoryDto) => a.position - b.position || a.name.localeCompare(b.name);

/**
 * Categories as members read them: the site's own first, then each group's spaces, each set in its order
 * (`position`), every subcategory right after its parent. A subcategory whose parent the reader cannot see
 * stands at the top level.
 */
export function orderCategories(items: CategoryDto[]): PlacedCategory[] {
  const ids = new Set(items.map((category) => category.id));
  const tops = items.filter((category) => category.parentId === null || !ids.has(category.parentId));
  const groupOrder = (category: CategoryDto) => (category.groupId === null ? '' : category.groupId);
  tops.sort((a, b) => groupOrder(a).localeCompare(groupOrder(b)) || byPosition(a, b));
  return tops.flatMap((top) => [
    { category: top, depth: 0 },
    ...items
      .filter((child) => child.parentId === top.id)
      .sort(byPosition)
      .map((child) => ({ category: child, depth: 1 })),
  ]);
}

/** The siblings of a category (same group, same parent), in order: what its Up and Down buttons move among. */
export function siblingsOf(items: CategoryDto[], category: CategoryDto): CategoryDto[] {
  return items.filter((other) => other.groupId === category.groupId && other.parentId === category.parentId).sort(byPosition);
}
