import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, isUuid, NotFoundError } from '@harbour/common';
import type { WatchedWordAction, WatchedWordDto } from '@harbour/contracts';
import type { WatchedWord } from './watched-word.entity';
import { WatchedWordRepository } from './watched-word.repository';
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
  /** A `respond` word found: its id, for the notice sent to the author once the post is written. */
  respondWith: string | null;
}

@Injectable()
export class WatchedWordsService {
  private cached: { rules: (WatchedRule & { id: string })[]; at: number } | null = null;

  constructor(private readonly words: WatchedWordRepository) {}

  /** The list as admins see it (the entity stays in settings). */
  async listWords(): Promise<WatchedWordDto[]> {
    return (await this.words.list()).map(toWatchedWordDto);
  }

  /** Adds a word inside the caller's transaction (which also writes the audit entry). */
  async addWord(manager: EntityManager, input: WatchedWordInput): Promise<WatchedWordDto> {
    return toWatchedWordDto(await this.add(manager, input));
  }

  /** A `respond` word's notice in the reader's language (English when it has no French); null when removed since. */
  async response(id: string, locale: string): Promise<string | null> {
    const word = await this.words.responses(id);
    return (locale === 'fr' ? word?.responseFr : null) ?? word?.response ?? null;
  }

  /** Removes a word inside the caller's transaction; answers what it was, for the audit entry. */
  async removeWord(manager: EntityManager, id: string): Promise<WatchedWordDto> {
    return toWatchedWordDto(await this.remove(manager, id));
  }

  private async add(manager: EntityManager, { word, action, response, responseFr }: WatchedWordInput): Promise<WatchedWord> {
    const wordKey = fold(word).folded.trim();
    if (wordKey === '') throw new InvalidInputError('word must contain a visible letter or digit');
    if (action === 'respond' && !response) throw new InvalidInputError('response is required for the respond action');
    if (action !== 'respond' && (response !== undefined || responseFr !== undefined)) {
      throw new InvalidInputError('response and responseFr go only with the respond action');
    }
    // The unique key decides between two moderators adding one word at once: the second is a 409, not a 500.
    const saved = await this.words.insert(
      { word: word.trim(), wordKey, action, response: response ?? null, responseFr: responseFr ?? null },
      manager,
    );
    if (!saved) throw new ConflictError('word is already watched');
    this.cached = null;
    return saved;
  }

  private async remove(manager: EntityManager, id: string): Promise<WatchedWord> {
    const word = isUuid(id) ? await this.words.findById(id, manager) : null;
    if (!word) throw new NotFoundError();
    await this.words.delete(id, manager);
    this.cached = null;
    return word;
  }

  /** Judges a post's body and rendered html (and a topic's title) against every rule. */
  async judge(input: { html: string; title?: string }): Promise<ContentVerdict> {
    const rules = await this.rules();
    if (rules.length === 0) return { blockedBy: null, heldBy: null, html: input.html, respondWith: null };
    const text = `${input.title ?? ''} ${htmlText(input.html)}`;
    return {
      blockedBy: firstMatch(text, rules, 'block')?.word ?? null,
      heldBy: firstMatch(text, rules, 'review')?.word ?? null,
      html: censorHtml(input.html, rules),
      respondWith: firstMatch(text, rules, 'respond')?.id ?? null,
    };
  }

  private async rules(): Promise<(WatchedRule & { id: string })[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.rules;
    const rows = await this.words.rules();
    this.cached = { rules: rows.map(({ id, word, action }) => ({ id, word, action })), at: Date.now() };
    return this.cached.rules;
  }
}

/** What an admin adds: a word, its action, and a `respond` word's notices. */
export interface WatchedWordInput {
  word: string;
  action: WatchedWordAction;
  response?: string;
  responseFr?: string;
}

function toWatchedWordDto(word: WatchedWord): WatchedWordDto {
  return {
    id: word.id,
    word: word.word,
    action: word.action,
    response: word.response,
    responseFr: word.responseFr,
    createdAt: word.createdAt.toISOString(),
  };
}
