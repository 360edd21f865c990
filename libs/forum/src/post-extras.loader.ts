import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import type { PostExtras } from './forum.mappers';

/** Reaction counts, the caller's reactions and bookmarks for a page of posts: three queries, whatever its size. */
@Injectable()
export class PostExtrasLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(caller: Caller | null, postIds: string[]): Promise<PostExtras> {
    const extras: PostExtras = { reactions: new Map(), mine: new Map(), bookmarked: new Set() };
    if (postIds.length === 0) return extras;
    const counts: { post_id: string; emoji: string; count: number }[] = await this.dataSource.query(
      'SELECT post_id, emoji, count(*)::int AS count FROM reactions WHERE post_id = ANY($1) GROUP BY post_id, emoji',
      [postIds],
    );
    for (const row of counts) extras.reactions.set(row.post_id, { ...extras.reactions.get(row.post_id), [row.emoji]: row.count });
    if (!caller) return extras;
    const [mine, bookmarks] = await Promise.all([
      this.dataSource.query<{ post_id: string; emoji: string }[]>(
        'SELECT post_id, emoji FROM reactions WHERE post_id = ANY($1) AND user_id = $2',
        [postIds, caller.userId],
      ),
      this.dataSource.query<{ post_id: string }[]>('SELECT post_id FROM bookmarks WHERE post_id = ANY($1) AND user_id = $2', [
        postIds,
        caller.userId,
      ]),
    ]);
    for (const row of mine) extras.mine.set(row.post_id, [...(extras.mine.get(row.post_id) ?? []), row.emoji]);
    for (const row of bookmarks) extras.bookmarked.add(row.post_id);
    return extras;
  }
}
