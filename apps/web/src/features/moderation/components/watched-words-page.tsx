import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WATCHED_WORD_ACTIONS, type WatchedWordAction } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useAddWatchedWord, useRemoveWatchedWord, useWatchedWords } from '../api/moderation';

/** Admins add and remove watched words; matching ignores case, accents, look-alike letters and invisible characters. */
export function WatchedWordsPage() {
  const { t } = useTranslation();
  const words = useWatchedWords();
  const add = useAddWatchedWord();
  const remove = useRemoveWatchedWord();
  const [word, setWord] = useState('');
  const [action, setAction] = useState<WatchedWordAction>('block');
  const error =
    add.error instanceof ApiError && add.error.status === 409 ? t('moderation.words.duplicate') : add.error ? add.error.message : null;
  return (
    <Page title={t('moderation.words.title')}>
      <p className="muted">{t('moderation.words.explain')}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ word: word.trim(), action }, { onSuccess: () => setWord('') });
        }}
      >
        <div className="field">
          <label htmlFor="word">{t('moderation.words.word')}</label>
          <input id="word" required maxLength={100} value={word} onChange={(event) => setWord(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="word-action">{t('moderation.words.action')}</label>
          <select id="word-action" value={action} onChange={(event) => setAction(event.target.value as WatchedWordAction)}>
            {WATCHED_WORD_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`moderation.words.actions.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={add.isPending}>
          {t('moderation.words.add')}
        </button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      <ul className="word-list">
        {words.data?.items.map((entry) => (
          <li key={entry.id}>
            <span>{entry.word}</span> <span className="badge">{t(`moderation.words.actions.${entry.action}`)}</span>{' '}
            <button type="button" aria-label={t('moderation.words.remove', { word: entry.word })} onClick={() => remove.mutate(entry.id)}>
              {t('moderation.words.removeShort')}
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
