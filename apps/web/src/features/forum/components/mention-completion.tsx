import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@harbour/contracts';
import { Avatar } from '../../shared/components/avatar';
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
 * @-completion for a textarea (the ARIA 1.2 combobox pattern with a listbox popup): the textarea keeps focus,
 * arrows move the active option (announced through aria-activedescendant), Enter or Tab inserts the username,
 * Escape closes the list. The server chooses the members (GET /api/users), so a private topic offers only
 * those who may read it.
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
  const listId = useId();
  const [typed, setTyped] = useState<Typed | null>(null);
  const [prefix, setPrefix] = useState('');
  const [active, setActive] = useState(0);
  // Ask once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setPrefix(typed?.prefix ?? ''), 150);
    return () => clearTimeout(timer);
  }, [typed?.prefix]);
  const candidates = useMentionCandidates(prefix, { topicId: options.topicId, categoryId: options.categoryId });
  const items = typed && prefix === typed.prefix ? (candidates.data?.items ?? []) : [];
  const open = items.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  /** Reads what is being typed at the caret (called on input, clicks and caret moves). */
  const track = (element: HTMLTextAreaElement) => {
    const caret = element.selectionStart;
    const match = element.selectionEnd === caret ? MENTION_BEFORE_CARET.exec(element.value.slice(0, caret)) : null;
    const next = match?.[1] ? { prefix: match[1], start: caret - match[1].length, end: caret } : null;
    if (next?.prefix !== typed?.prefix || next?.start !== typed?.start) setActive(0);
    setTyped(next);
  };

  const choose = (user: UserDto) => {
    if (!typed) return;
    const before = options.value.slice(0, typed.start);
    const after = options.value.slice(typed.end);
    const inserted = `${user.username} `;
    setTyped(null);
    options.onChange(`${before}${inserted}${after.replace(/^ /, '')}`, before.length + inserted.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + items.length) % items.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const user = items[active];
      if (!user) return;
      event.preventDefault();
      choose(user);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setTyped(null);
    }
  };

  const list = open ? (
    <ul id={listId} role="listbox" className="mention-list" aria-label={t('profiles.mentions.suggestions')}>
      {items.map((user, index) => (
        <li
          key={user.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'mention-option mention-option-active' : 'mention-option'}
          // mousedown would take the focus from the textarea before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(user)}
          // Keys reach the options through the textarea (aria-activedescendant): the list never takes focus.
          onKeyDown={() => undefined}
        >
          <Avatar user={user} size={20} /> <span>{user.displayName}</span> <span className="muted">@{user.username}</span>
        </li>
      ))}
    </ul>
  ) : null;

  return {
    inputProps: {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': open,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(active) : undefined,
    },
    onKeyDown,
    list,
    track,
  };
}
