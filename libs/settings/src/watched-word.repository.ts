import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
  rules(): Promise<Pick<WatchedWord, 'id' | 'word' | 'action'>[]> {
    return this.dataSource.manager.find(WatchedWord, { select: { id: true, word: true, action: true } });
  }

  /** Adds a word unless its folded key is watched already (the unique key decides between two at once). */
  async insert(
    fields: Pick<WatchedWord, 'word' | 'wordKey' | 'action' | 'response' | 'responseFr'>,
    manager: EntityManager,
  ): Promise<WatchedWord | null> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO watched_words (word, word_key, action, response, response_fr) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (word_key) DO NOTHING RETURNING id`,
      [fields.word, fields.wordKey, fields.action, fields.response, fields.responseFr],
    );
    return inserted[0] ? manager.findOneByOrFail(WatchedWord, { id: inserted[0].id }) : null;
  }

  findById(id: string, manager: EntityManager): Promise<WatchedWord | null> {
    return manager.findOneBy(WatchedWord, { id });
  }

  /** A `respond` word's notices (null when it was removed meanwhile). */
  responses(id: string, db: EntityManager = this.dataSource.manager): Promise<Pick<WatchedWord, 'response' | 'responseFr'> | null> {
    return db.findOne(WatchedWord, { select: { response: true, responseFr: true }, where: { id } });
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(WatchedWord, { id });
  }
}
