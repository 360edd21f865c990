import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { UserDto } from '@harbour/contracts';
import { useMemberListbox } from '../../shared/components/member-listbox';
import { useMemberCompletion } from '../api/conversations';

/**
 * Username completion for a text input: asks the server once typing pauses, leaves out the names already
 * chosen, and shows them in the shared member listbox (arrows, Enter or Tab, Escape). `typed` is the name
 * being written (the input's whole value, or its last name); `exclude` names already chosen.
 */
export function useMemberCompletionList(options: { typed: string; exclude: string[]; onChoose: (user: UserDto) => void }): {
  inputProps: Record<string, unknown>;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => boolean;
  list: ReactNode;
} {
  const { t } = useTranslation();
  const [prefix, setPrefix] = useState('');
  const [closed, setClosed] = useState(false);
  const typed = options.typed.trim().replace(/^@/, '');
  const candidates = useMemberCompletion(prefix);
  const excluded = new Set(options.exclude.map((name) => name.toLowerCase()));
  const members =
    prefix && prefix === typed && !closed
      ? (candidates.data?.items ?? []).filter((user) => !excluded.has(user.username.toLowerCase()))
      : [];
  const listbox = useMemberListbox({
    members,
    label: t('conversations.new.suggestions'),
    onChoose: (user) => {
      setClosed(true);
      options.onChoose(user);
    },
    onClose: () => setClosed(true),
  });
  const { resetActive } = listbox;
  // Ask once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setPrefix(/^[A-Za-z0-9_.-]{1,30}$/.test(typed) ? typed : '');
      resetActive();
      setClosed(false);
    }, 150);
    return () => clearTimeout(timer);
  }, [typed, resetActive]);

  return {
    // A browser's own suggestions would cover the list.
    inputProps: { ...listbox.inputProps, autoComplete: 'off' },
    onKeyDown: listbox.onKeyDown,
    list: listbox.list,
  };
}
