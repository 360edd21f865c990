import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@harbour/contracts';
import { Avatar } from '../../shared/components/avatar';
import { useMemberCompletion } from '../api/conversations';

/**
 * Username completion for a text input (the ARIA 1.2 combobox pattern with a listbox popup): the input keeps
 * focus, arrows move the active option, Enter or Tab takes it, Escape closes the list. `typed` is the name
 * being written (the input's whole value, or its last name); `exclude` names already chosen.
 */
export function useMemberCompletionList(options: { typed: string; exclude: string[]; onChoose: (user: UserDto) => void }): {
  inputProps: Record<string, unknown>;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => boolean;
  list: ReactNode;
} {
  const { t } = useTranslation();
  const listId = useId();
  const [prefix, setPrefix] = useState('');
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);
  const typed = options.typed.trim().replace(/^@/, '');
  // Ask once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setPrefix(/^[A-Za-z0-9_.-]{1,30}$/.test(typed) ? typed : '');
      setActive(0);
      setClosed(false);
    }, 150);
    return () => clearTimeout(timer);
  }, [typed]);
  const candidates = useMemberCompletion(prefix);
  const excluded = new Set(options.exclude.map((name) => name.toLowerCase()));
  const items =
    prefix && prefix === typed && !closed
      ? (candidates.data?.items ?? []).filter((user) => !excluded.has(user.username.toLowerCase()))
      : [];
  const open = items.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;
  const choose = (user: UserDto) => {
    setClosed(true);
    options.onChoose(user);
  };

  /** Handles the list's keys; true when the key was used (the caller then does nothing more with it). */
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + items.length) % items.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      const user = items[active];
      if (!user) return false;
      event.preventDefault();
      choose(user);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setClosed(true);
      return true;
    }
    return false;
  };

  const list = open ? (
    <ul id={listId} role="listbox" className="mention-list" aria-label={t('conversations.new.suggestions')}>
      {items.map((user, index) => (
        <li
          key={user.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'mention-option mention-option-active' : 'mention-option'}
          // mousedown would take the focus from the input before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(user)}
          // Keys reach the options through the input (aria-activedescendant): the list never takes focus.
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
      autoComplete: 'off',
    },
    onKeyDown,
    list,
  };
}
