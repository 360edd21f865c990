import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, toPage } from './cursor';

/**
 * Runs a keyset-paged query: newest first by `<alias>.<timeField>`, ties broken by id, resuming after
 * `?cursor=`. Filters go on the builder before; the order, limit and cursor condition are added here.
 * The time column must be `timestamptz(3)`: cursors carry milliseconds, and finer stored times would let
 * rows that share a millisecond fall between two pages.
 */
export async function paginateNewestFirst<Entity extends ObjectLiteral & { id: string }, Item>(
  builder: SelectQueryBuilder<Entity>,
  query: { cursor?: string; limit?: number },
  timeField: keyof Entity & string,
  map: (row: Entity) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor);
  const alias = builder.alias;
  builder
    .orderBy(`${alias}.${timeField}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1);
  if (after) builder.andWhere(`(${alias}.${timeField}, ${alias}.id) < (:cursorAt, :cursorId)`, { cursorAt: after.at, cursorId: after.id });
  const rows = await builder.getMany();
  return toPage(rows, limit, (row) => ({ at: (row[timeField] as Date).toISOString(), id: row.id }), map);
}
