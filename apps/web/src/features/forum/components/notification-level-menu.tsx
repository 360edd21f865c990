import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { NOTIFICATION_LEVELS, type NotificationLevel } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { useSetNotificationLevel, type LevelTarget } from '../api/lists';
import './lists.css';

const ITEMS = '[role="menuitemradio"]';

/**
 * The member's notification level on a topic or a category: a menu button (WAI-ARIA menu pattern) whose
 * items are radio choices (menuitemradio, aria-checked), each with a one-line explanation read as its
 * description. Enter, Space or ArrowDown open it on the chosen level; arrows, Home and End move; Enter or
 * Space choose; Escape closes and gives focus back to the button. Nothing for a visitor.
 */
export function NotificationLevelMenu({ target, level }: { target: LevelTarget; level: NotificationLevel | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const id = useId();
  const set = useSetNotificationLevel(target);
  const [open, setOpen] = useState(false);
  // What the member just chose shows at once; the server's answer (after the refetch) takes over.
  const [chosen, setChosen] = useState<NotificationLevel | null>(null);
  const [status, setStatus] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const current = chosen ?? level ?? 'normal';
  const kind = 'topicId' in target ? 'topic' : 'category';

  useEffect(() => {
    if (!open) return;
    const items = [...(list.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
    const onPointer = (event: MouseEvent) => {
      const where = event.target as Node;
      if (!list.current?.contains(where) && !button.current?.contains(where)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  if (!me.data) return null;

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (next: NotificationLevel) => {
    close();
    if (next === current) return;
    setChosen(next);
    set.mutate(next, {
      onSuccess: () => setStatus(t('lists.level.saved', { level: t(`lists.level.names.${next}`) })),
      onError: () => {
        setChosen(null);
        setStatus(t('lists.level.failed'));
      },
    });
  };
  const onListKey = (event: ReactKeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      // The keyboard shortcuts and dialogs listen on the document: this Escape is the menu's.
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <div className="menu menu-align-end level-menu">
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className="button-quiet level-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true" className={`level-icon level-icon-${current}`} />
        {t('lists.level.button', { level: t(`lists.level.names.${current}`) })}
      </button>
      <ul
        ref={list}
        id={`${id}-list`}
        role="menu"
        aria-label={t(kind === 'topic' ? 'lists.level.menuTopic' : 'lists.level.menuCategory')}
        className="menu-list level-menu-list"
        hidden={!open}
        onKeyDown={onListKey}
      >
        {NOTIFICATION_LEVELS.map((option) => (
          <li
            key={option}
            role="menuitemradio"
            aria-checked={option === current}
            aria-describedby={`${id}-${option}-hint`}
            tabIndex={-1}
            className="level-option"
            onClick={() => choose(option)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                choose(option);
              }
            }}
          >
            <span className="level-option-name">{t(`lists.level.names.${option}`)}</span>
            <span id={`${id}-${option}-hint`} className="level-option-hint">
              {t(`lists.level.${kind}.${option}`)}
            </span>
          </li>
        ))}
      </ul>
      <span role="status" className="visually-hidden">
        {status}
      </span>
    </div>
  );
}
