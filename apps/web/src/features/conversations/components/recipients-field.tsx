import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { MAX_PARTICIPANTS } from '@harbour/contracts';
import { useMemberCompletionList } from './member-completion';

interface RecipientsFieldProps {
  recipients: string[];
  /** What is typed and not yet added. */
  pending: string;
  error?: string;
  onChange: (recipients: string[], pending: string) => void;
}

/**
 * The "To" field: chosen usernames as removable chips, and an input that completes usernames. Enter, a
 * comma or a space adds what is typed; Backspace in the empty input removes the last one.
 */
export function RecipientsField({ recipients, pending, error, onChange }: RecipientsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const add = (names: string[], rest = '') => {
    const next = [...recipients];
    for (const typed of names) {
      const name = typed.replace(/^@/, '');
      if (name && !next.some((other) => other.toLowerCase() === name.toLowerCase())) next.push(name);
    }
    onChange(next, rest);
  };
  const completion = useMemberCompletionList({ typed: pending, exclude: recipients, onChoose: (user) => add([user.username]) });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (completion.onKeyDown(event)) return;
    if ((event.key === 'Enter' || event.key === ',') && pending.trim()) {
      event.preventDefault();
      add([pending.trim()]);
    } else if (event.key === 'Backspace' && pending === '' && recipients.length > 0) {
      onChange(recipients.slice(0, -1), '');
    }
  };
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field recipients-field">
      <label htmlFor={`${id}-input`}>{t('conversations.new.recipients')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t('conversations.new.recipientsHint', { max: MAX_PARTICIPANTS - 1 })}
      </p>
      {recipients.length > 0 && (
        <ul className="recipient-chips" aria-label={t('conversations.new.chosen')}>
          {recipients.map((name) => (
            <li key={name} className="recipient-chip">
              <span>{name}</span>
              <button
                type="button"
                className="link-button"
                aria-label={t('conversations.new.remove', { name })}
                onClick={() =>
                  onChange(
                    recipients.filter((other) => other !== name),
                    pending,
                  )
                }
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-input`}
        {...completion.inputProps}
        value={pending}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        disabled={recipients.length >= MAX_PARTICIPANTS - 1}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          // A pasted or typed list: every name before the last separator is added at once.
          const parts = event.target.value.split(/[\s,]+/);
          if (parts.length > 1) add(parts.slice(0, -1), parts[parts.length - 1] ?? '');
          else onChange(recipients, event.target.value);
        }}
      />
      {completion.list}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
