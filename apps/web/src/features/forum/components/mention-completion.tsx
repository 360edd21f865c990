import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { UserDto } from '@harbour/contracts';
import { useMemberListbox } from '../../shared/components/member-listbox';
import { useMentionCandidates } from '../api/mentions';

/** An `@` at the start or after a space or bracket, then the name typed so far, ending at the caret. */
const MENTION_BEFORE_CARET = /(?:^|[\s([{])@([A-Za-z0-9_.-]{1,30})$/;

interface Typed {
  /** What follows the `@`. */
  prefix: string;
  /** Where the prefix starts in the text. */
  start: number;
  /** The caret (where the prefix ends). */
  end: number;
}

/**
 * @-completion for a textarea: the name typed at the caret is offered in the shared member listbox (arrows,
 * Enter or Tab inserts the username, Escape closes the list). The server chooses the members (GET /api/users),
 * so a private topic offers only those who may read it.
 */
export function useMentionCompletion(options: {
  topicId?: string;
  categoryId?: string;
  value: string;
  onChange: (value: string, caret: number) => void;
}): {
  inputProps: Record<string, unknown>;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  list: ReactNode;
  track: (element: HTMLTextAreaElement) => void;
} {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Typed | null>(null);
  const [prefix, setPrefix] = useState('');
  // Ask once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setPrefix(typed?.prefix ?? ''), 150);
    return () => clearTimeout(timer);
  }, [typed?.prefix]);
  const candidates = useMentionCandidates(prefix, { topicId: options.topicId, categoryId: options.categoryId });

  const choose = (user: UserDto) => {
    if (!typed) return;
    const before = options.value.slice(0, typed.start);
    const after = options.value.slice(typed.end);
    const inserted = `${user.username} `;
    setTyped(null);
    options.onChange(`${before}${inserted}${after.replace(/^ /, '')}`, before.length + inserted.length);
  };

  const listbox = useMemberListbox({
    members: typed && prefix === typed.prefix ? (candidates.data?.items ?? []) : [],
    label: t('profiles.mentions.suggestions'),
    onChoose: choose,
    onClose: () => setTyped(null),
  });

  /** Reads what is being typed at the caret (called on input, clicks and caret moves). */
  const track = (element: HTMLTextAreaElement) => {
    const caret = element.selectionStart;
    const match = element.selectionEnd === caret ? MENTION_BEFORE_CARET.exec(element.value.slice(0, caret)) : null;
    const next = match?.[1] ? { prefix: match[1], start: caret - match[1].length, end: caret } : null;
    if (next?.prefix !== typed?.prefix || next?.start !== typed?.start) listbox.resetActive();
    setTyped(next);
  };

  return { inputProps: listbox.inputProps, onKeyDown: listbox.onKeyDown, list: listbox.list, track };
}
