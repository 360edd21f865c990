import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';

interface MenuProps {
  /** The button's accessible name, e.g. "More actions for post 12". */
  label: string;
  /** What the button shows (an icon, "⋯"); defaults to the label. Mark icons aria-hidden. */
  buttonContent?: ReactNode;
  buttonClassName?: string;
  /** Which edge of the button the list lines up with; `end` (the default) suits a menu at a row's right. */
  align?: 'start' | 'end';
  children: ReactNode;
}

const ITEMS = '[role="menuitem"]:not([disabled])';

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ArrowDown open it on the first item, ArrowUp on the
 * last; ArrowUp/ArrowDown/Home/End move between items; Escape closes it and gives focus back to the button;
 * Tab or a click outside closes it. Items are <MenuItem>s; choosing one closes the menu first, so a dialog the
 * item opens returns focus to the menu button when it closes.
 */
export function Menu({ label, buttonContent, buttonClassName, align = 'end', children }: MenuProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // Which item takes focus when the list opens: the first or the last (ArrowUp on the button).
  const [start, setStart] = useState<'first' | 'last'>('first');
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const items = () => [...(list.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const all = items();
    (start === 'last' ? all[all.length - 1] : all[0])?.focus();
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!list.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open, start]);

  const openAt = (where: 'first' | 'last') => {
    setStart(where);
    setOpen(true);
  };
  const onButtonKey = (event: ReactKeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };
  const onListKey = (event: ReactKeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      // The shortcut handler and dialogs listen on the document: this Escape is the menu's.
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div className={`menu menu-align-${align}`}>
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className={buttonClassName ?? 'button-quiet'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-label={buttonContent === undefined ? undefined : label}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKey}
      >
        {buttonContent ?? label}
      </button>
      {/* Closing on a choice happens in the click handler so the item's own action runs after it. */}
      <ul
        ref={list}
        id={`${id}-list`}
        role="menu"
        aria-labelledby={`${id}-button`}
        className="menu-list"
        hidden={!open}
        onKeyDown={onListKey}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest(ITEMS)) close(true);
        }}
      >
        {children}
      </ul>
    </div>
  );
}

/** One choice in a <Menu>. `danger` draws a destructive action (delete) in the danger colour. */
export function MenuItem({
  onSelect,
  danger,
  disabled,
  children,
}: {
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <li role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className={danger ? 'menu-item menu-item-danger' : 'menu-item'}
        disabled={disabled}
        onClick={() => {
          // The list's click handler has not run yet (bubbling): defer so focus returns to the button first.
          queueMicrotask(onSelect);
        }}
      >
        {children}
      </button>
    </li>
  );
}
