import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WatchedWordAction } from '@harbour/contracts';

/** A word or phrase that posts may not contain (block), have masked (censor) or are held for (review). */
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
