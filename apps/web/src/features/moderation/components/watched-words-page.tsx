import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
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
  const [response, setResponse] = useState('');
  const [responseFr, setResponseFr] = useState('');
  // `respond` is moderation 1.1's: its name is with that version's strings.
  const actionName = (value: WatchedWordAction) =>
    value === 'respond' ? t('moderation11.words.respond') : t(`moderation.words.actions.${value}`);
  const error =
    add.error instanceof ApiError && add.error.status === 409 ? t('moderation.words.duplicate') : add.error ? add.error.message : null;
  return (
    <Page title={t('moderation.words.title')}>
      <p className="muted">{t('moderation.words.explain')}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const notices =
            action === 'respond' ? { response: response.trim(), ...(responseFr.trim() ? { responseFr: responseFr.trim() } : {}) } : {};
          add.mutate(
            { word: word.trim(), action, ...notices },
            {
              onSuccess: () => {
                setWord('');
                setResponse('');
                setResponseFr('');
              },
            },
          );
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
                {actionName(value)}
              </option>
            ))}
          </select>
        </div>
        {action === 'respond' && (
          <div className="word-responses">
            <p className="muted" id="word-response-hint">
              {t('moderation11.words.responseHint')}
            </p>
            <div className="field">
              <label htmlFor="word-response">{t('moderation11.words.response')}</label>
              <textarea
                id="word-response"
                required
                rows={4}
                maxLength={2000}
                aria-describedby="word-response-hint"
                value={response}
                onChange={(event) => setResponse(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="word-response-fr">{t('moderation11.words.responseFr')}</label>
              <textarea
                id="word-response-fr"
                rows={4}
                maxLength={2000}
                lang="fr"
                value={responseFr}
                onChange={(event) => setResponseFr(event.target.value)}
              />
            </div>
          </div>
        )}
        <button type="submit" disabled={add.isPending}>
          {t('moderation.words.add')}
        </button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      <ul className="word-list">
        {words.data?.items.map((entry) => (
          <li key={entry.id}>
            <span>{entry.word}</span> <span className="badge">{actionName(entry.action)}</span>{' '}
            <button type="button" aria-label={t('moderation.words.remove', { word: entry.word })} onClick={() => remove.mutate(entry.id)}>
              {t('moderation.words.removeShort')}
            </button>
            {entry.response && (
              <p className="notification-response muted">{t('moderation11.words.responses', { response: entry.response })}</p>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
