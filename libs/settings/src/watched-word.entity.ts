import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WatchedWordAction } from '@harbour/contracts';

/**
 * A word or phrase that posts may not contain (block), have masked (censor), are held for (review), or that
 * brings their author a private notice (respond: crisis lines, naloxone sites) in the author's language.
 */
@Entity('watched_words')
export class WatchedWord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  word: string;

  /** The word folded as matching folds it (see watched-words.ts): one rule per folded word. */
  @Column({ name: 'word_key', type: 'varchar', length: 200, unique: true })
  wordKey: string;

  @Column({ type: 'varchar', length: 16 })
  action: WatchedWordAction;

  /** A `respond` word's notice in English, and in French (null: the English one is sent to French readers). */
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'response_fr', type: 'text', nullable: true })
  responseFr: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
