import { useCallback, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { UserDto } from '@harbour/contracts';
import { Avatar } from './avatar';

/** What the text field needs to act as the combobox of the list (spread onto the input or textarea). */
export type ComboboxProps = {
  role: 'combobox';
  'aria-autocomplete': 'list';
  'aria-expanded': boolean;
  'aria-controls': string | undefined;
  'aria-activedescendant': string | undefined;
};

/**
 * The popup of a member completion (the ARIA 1.2 combobox pattern with a listbox popup), shared by @-mentions
 * and the conversation fields: the text field keeps focus, arrows move the active option (announced through
 * aria-activedescendant), Enter or Tab chooses it, Escape closes the list. The caller finds the members and
 * decides what choosing and closing do; `resetActive` puts the active option back on the first one.
 */
export function useMemberListbox(options: { members: UserDto[]; label: string; onChoose: (user: UserDto) => void; onClose: () => void }): {
  inputProps: ComboboxProps;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => boolean;
  list: ReactNode;
  resetActive: () => void;
} {
  const { members, onChoose } = options;
  const listId = useId();
  const [active, setActive] = useState(0);
  const open = members.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;
  // Stable, so that an effect may call it without running again at every render.
  const resetActive = useCallback(() => setActive(0), []);

  /** Handles the list's keys; true when the key was used (the caller then does nothing more with it). */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + members.length) % members.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      const user = members[active];
      if (!user) return false;
      event.preventDefault();
      onChoose(user);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      options.onClose();
      return true;
    }
    return false;
  };

  const list = open ? (
    <ul id={listId} role="listbox" className="mention-list" aria-label={options.label}>
      {members.map((user, index) => (
        <li
          key={user.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'mention-option mention-option-active' : 'mention-option'}
          // mousedown would take the focus from the text field before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(user)}
          // Keys reach the options through the text field (aria-activedescendant): the list never takes focus.
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
    resetActive,
  };
}
