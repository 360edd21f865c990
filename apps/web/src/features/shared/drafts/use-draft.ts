import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftDto, DraftKeyString, SaveDraftBody } from '@harbour/contracts';
import { api, ApiError } from '../../../lib/api-client';
import { useLeaveGuard } from './leave-guard';

/** What a composer holds: a body, and a new topic's title or a new conversation's subject, and a content warning. */
export interface DraftText {
  body: string;
  title?: string;
  contentWarning?: string;
}

/** What the draft's quiet status line says: nothing, saved, not saved, or what the member just did with an offer. */
export type DraftStatus = 'idle' | 'saved' | 'failed' | 'restored' | 'discarded';

/** Typing pauses this long before the text is saved: a save a second at most while typing, not one per key. */
export const SAVE_AFTER_MS = 1000;

const same = (a: DraftText, b: DraftText) =>
  a.body === b.body && (a.title ?? '') === (b.title ?? '') && (a.contentWarning ?? '') === (b.contentWarning ?? '');
const textOf = (saved: DraftDto): DraftText => ({ body: saved.body, title: saved.title ?? '', contentWarning: saved.contentWarning ?? '' });
const blank = (text: DraftText) => !text.body.trim() && !text.title?.trim() && !text.contentWarning?.trim();

export interface Draft {
  status: DraftStatus;
  /** A draft saved before (maybe on another device), offered back until the member restores or discards it. */
  offer: DraftDto | null;
  /** Takes the offer: the caller puts its text in the box (saved again from there as usual). */
  restore: () => DraftDto | null;
  /** Throws the offered draft away on the server (keeping anything typed since, saved again). */
  discard: () => void;
  /**
   * Sends the composer's text with `send`: no save may land after the post, topic or message it became (which
   * throws the draft away on the server), so saving stops and waits for any save on its way; a failed send resumes.
   * `after` is what the box holds once sent (emptied, or a new topic's title left as it was): nothing to save.
   */
  sending: <T>(send: () => Promise<T>, after: DraftText) => Promise<T>;
}

/**
 * Saves what a composer holds as the member's draft for `key` (debounced, one save at a time, a blank box
 * throws it away), offers back a draft found on opening, and asks before leaving the page while text is kept
 * nowhere yet. Without a key (editing a post or message) nothing is saved: leaving with changes asks.
 */
export function useDraft(key: DraftKeyString | undefined, text: DraftText): Draft {
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [offer, setOffer] = useState<DraftDto | null>(null);
  const latest = useRef(text);
  // First of the effects below: each reads the text of this render.
  useEffect(() => {
    latest.current = text;
  });
  /** The text that needs no saving: what the server holds, or what the box opened with. */
  const kept = useRef(text);
  /** Whether the server may hold a draft for the key (a blank box then throws it away). */
  const onServer = useRef(true);
  const stopped = useRef(false);
  /** Something was saved since the box opened: the server no longer holds the draft it offered. */
  const savedHere = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const path = key ? `/drafts/${key}` : null;

  const saveNow = useCallback(async () => {
    const next = latest.current;
    if (!path || stopped.current || same(next, kept.current)) return;
    if (blank(next) && !onServer.current) {
      kept.current = next;
      return;
    }
    try {
      if (blank(next)) {
        await api<void>('DELETE', path);
      } else {
        const body: SaveDraftBody = { body: next.body };
        if (next.title !== undefined) body.title = next.title;
        if (next.contentWarning) body.contentWarning = next.contentWarning;
        await api<void>('PUT', path, body);
      }
      if (stopped.current) return;
      kept.current = next;
      onServer.current = !blank(next);
      savedHere.current = true;
      setStatus(blank(next) ? 'idle' : 'saved');
    } catch {
      if (!stopped.current) setStatus('failed');
    }
  }, [path]);

  /** Saves once any save on its way is done: saves never overtake each other. */
  const save = useCallback(() => {
    chain.current = chain.current.then(saveNow);
    return chain.current;
  }, [saveNow]);

  useEffect(() => {
    if (!path) return undefined;
    let current = true;
    api<DraftDto>('GET', path).then(
      (found) => {
        if (current && !blank(textOf(found)) && !same(textOf(found), latest.current)) setOffer(found);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) onServer.current = false;
      },
    );
    return () => {
      current = false;
      // Leaving the box (closed, or the page left after asking): what was typed is kept for next time.
      void save();
    };
  }, [path, save]);

  const signature = `${text.body}\u0000${text.title ?? ''}\u0000${text.contentWarning ?? ''}`;
  useEffect(() => {
    if (!path || stopped.current || same(latest.current, kept.current)) return undefined;
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [signature, path, save]);

  useLeaveGuard(() => !same(latest.current, kept.current) && !(path && blank(latest.current) && !onServer.current));

  return {
    status,
    offer,
    restore: () => {
      const taken = offer;
      // Unless the box saved over it meanwhile, the server holds exactly what now goes in the box: nothing to save.
      if (taken && !savedHere.current) kept.current = textOf(taken);
      setOffer(null);
      setStatus('restored');
      return taken;
    },
    discard: () => {
      setOffer(null);
      setStatus('discarded');
      if (!path) return;
      chain.current = chain.current
        .then(async () => {
          await api<void>('DELETE', path);
          onServer.current = false;
          kept.current = { body: '' };
        })
        .catch(() => setStatus('failed'))
        .then(saveNow);
    },
    sending: async (send, after) => {
      stopped.current = true;
      await chain.current;
      try {
        const result = await send();
        // The server threw the draft away with the post: what the box holds from now on needs no saving, even
        // when the box closes (or the page changes) before it shows it.
        kept.current = after;
        latest.current = after;
        onServer.current = false;
        setStatus('idle');
        stopped.current = false;
        return result;
      } catch (error) {
        // Not sent: the text is still only here, so it is saved as before.
        stopped.current = false;
        void save();
        throw error;
      }
    },
  };
}
