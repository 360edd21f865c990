import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { ConflictError, InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import type { WatchedWordAction, WatchedWordDto } from '@harbour/contracts';
import { WatchedWord } from './watched-word.entity';
import { censorHtml, firstMatch, fold, htmlText, type WatchedRule } from './watched-words';

/** Posts read the rules on every write; a short cache keeps that off the database (as for the settings). */
const CACHE_MS = 2000;

/** What the watched words say of a post about to be written. */
export interface ContentVerdict {
  /** A `block` word found: the post is refused with 422 naming it. */
  blockedBy: string | null;
  /** A `review` word found: the post is held for moderators. */
  heldBy: string | null;
  /** The html with `censor` words masked. */
  html: string;
}

@Injectable()
export class WatchedWordsService {
  private cached: { rules: WatchedRule[]; at: number } | null = null;

  constructor(@InjectRepository(WatchedWord) private readonly words: Repository<WatchedWord>) {}

  /** The list as admins see it (the entity stays in settings). */
  async listWords(): Promise<WatchedWordDto[]> {
    return (await this.list()).map(toWatchedWordDto);
  }

  /** Adds a word inside the caller's transaction (which also writes the audit entry). */
  async addWord(manager: EntityManager, word: string, action: WatchedWordAction): Promise<WatchedWordDto> {
    return toWatchedWordDto(await this.add(manager, word, action));
  }

  /** Removes a word inside the caller's transaction; answers what it was, for the audit entry. */
  async removeWord(manager: EntityManager, id: string): Promise<WatchedWordDto> {
    return toWatchedWordDto(await this.remove(manager, id));
  }

  list(): Promise<WatchedWord[]> {
    return this.words.find({ order: { word: 'ASC' } });
  }

  async add(manager: EntityManager, word: string, action: WatchedWordAction): Promise<WatchedWord> {
    const wordKey = fold(word).folded.trim();
    if (wordKey === '') throw new InvalidInputError('word must contain a visible letter or digit');
    // The unique key decides between two moderators adding one word at once: the second is a 409, not a 500.
    const inserted: { id: string }[] = await manager.query(
      'INSERT INTO watched_words (word, word_key, action) VALUES ($1, $2, $3) ON CONFLICT (word_key) DO NOTHING RETURNING id',
      [word.trim(), wordKey, action],
    );
    if (!inserted[0]) throw new ConflictError('word is already watched');
    const saved = await manager.findOneByOrFail(WatchedWord, { id: inserted[0].id });
    this.cached = null;
    return saved;
  }

  async remove(manager: EntityManager, id: string): Promise<WatchedWord> {
    const word = isUuid(id) ? await manager.findOneBy(WatchedWord, { id }) : null;
    if (!word) throw new NotFoundError();
    await manager.delete(WatchedWord, { id });
    this.cached = null;
    return word;
  }

  /** Judges a post's body and rendered html (and a topic's title) against every rule. */
  async judge(input: { html: string; title?: string }): Promise<ContentVerdict> {
    const rules = await this.rules();
    if (rules.length === 0) return { blockedBy: null, heldBy: null, html: input.html };
    const text = `${input.title ?? ''} ${htmlText(input.html)}`;
    return {
      blockedBy: firstMatch(text, rules, 'block')?.word ?? null,
      heldBy: firstMatch(text, rules, 'review')?.word ?? null,
      html: censorHtml(input.html, rules),
    };
  }

  private async rules(): Promise<WatchedRule[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.rules;
    const rows = await this.words.find({ select: { word: true, action: true } });
    this.cached = { rules: rows.map(({ word, action }) => ({ word, action })), at: Date.now() };
    return this.cached.rules;
  }
}

function toWatchedWordDto(word: WatchedWord): WatchedWordDto {
  return { id: word.id, word: word.word, action: word.action, createdAt: word.createdAt.toISOString() };
}
