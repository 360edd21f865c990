import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WatchedWordAction } from '@harbour/contracts';
import { WatchedWord } from './watched-word.entity';

/** Watched words: all SQL on `watched_words` lives here (README, "Each lib owns its tables"). */
@Injectable()
export class WatchedWordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every word, alphabetically. */
  list(): Promise<WatchedWord[]> {
    return this.dataSource.manager.find(WatchedWord, { order: { word: 'ASC' } });
  }

  /** Just the matching rules (read on every post, then cached). */
  rules(): Promise<Pick<WatchedWord, 'word' | 'action'>[]> {
    return this.dataSource.manager.find(WatchedWord, { select: { word: true, action: true } });
  }

  /** Adds a word unless its folded key is watched already (the unique key decides between two at once). */
  async insert(word: string, wordKey: string, action: WatchedWordAction, manager: EntityManager): Promise<WatchedWord | null> {
    const inserted: { id: string }[] = await manager.query(
      'INSERT INTO watched_words (word, word_key, action) VALUES ($1, $2, $3) ON CONFLICT (word_key) DO NOTHING RETURNING id',
      [word, wordKey, action],
    );
    return inserted[0] ? manager.findOneByOrFail(WatchedWord, { id: inserted[0].id }) : null;
  }

  findById(id: string, manager: EntityManager): Promise<WatchedWord | null> {
    return manager.findOneBy(WatchedWord, { id });
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(WatchedWord, { id });
  }
}
