import { useMemo, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { TFunction } from '../../../i18n/translator';
import type { ModerationLogEntryDto, UserDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { useModerationLog } from '../api/moderation';
import { formatDateTime } from '../../../lib/dates';

const KINDS = [
  '',
  'flag',
  'post',
  'topic',
  'sanction',
  'appeal',
  'user',
  'note',
  'message',
  'settings',
  'watched_word',
  'category',
  'mailing',
  'subscriber',
] as const;

/** The targets whose label a sentence names (the rest are said by their kind: "the site settings"). */
const NAMED = ['post', 'topic', 'user', 'category'];

/**
 * Every staff action, newest first, as sentences in the reader's language ("Sam silenced alex"), filtered by
 * moderator, member and kind of action. A list rather than a table: readable on a phone. Nothing here can be
 * edited: the server refuses.
 */
export function ModerationLogPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [member, setMember] = useState<{ id: string; label: string } | null>(null);
  const log = useModerationLog({ action, actorId, memberId: member?.id ?? '' });
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);
  // The moderators seen so far (and the one chosen, even when the filter leaves none of theirs).
  const [seen, setSeen] = useState<Map<string, UserDto>>(new Map());
  const actors = new Map(seen);
  for (const entry of entries) if (entry.actor) actors.set(entry.actor.id, entry.actor);
  if (actors.size !== seen.size) setSeen(actors);
  return (
    <Page title={t('moderation.log.title')}>
      <p className="muted">{t('moderation11.log.intro')}</p>
      <fieldset className="log-filters">
        <legend>{t('moderation11.log.filters')}</legend>
        <div className="field">
          <label htmlFor="log-filter">{t('moderation11.log.action')}</label>
          <select id="log-filter" value={action} onChange={(event) => setAction(event.target.value)}>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`moderation11.log.kinds.${value || 'all'}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-actor">{t('moderation11.log.moderator')}</label>
          <select id="log-actor" value={actorId} onChange={(event) => setActorId(event.target.value)}>
            <option value="">{t('moderation11.log.anyModerator')}</option>
            {[...actors.values()].map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.displayName} (@{actor.username})
              </option>
            ))}
          </select>
        </div>
        {member && (
          <p>
            {t('moderation11.log.about', { member: member.label })}{' '}
            <button type="button" className="link-button" onClick={() => setMember(null)}>
              {t('moderation11.log.clearMember')}
            </button>
          </p>
        )}
      </fieldset>
      {log.isError && <Alert kind="error">{t('moderation.error')}</Alert>}
      {log.isSuccess && entries.length === 0 && <EmptyState title={t('design.empty.log')} />}
      {entries.length > 0 && (
        <ol className="log-list" aria-label={t('moderation.log.title')}>
          {entries.map((entry) => (
            <li key={entry.id} className="log-entry">
              <p>{logSentence(t, entry)}</p>
              <p className="muted">
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, i18n.language)}</time>
                {entry.reason && <> · {t('moderation11.log.reason', { reason: entry.reason })}</>}
                {entry.targetType === 'user' && entry.targetId && entry.target.label && member?.id !== entry.targetId && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setMember({ id: entry.targetId!, label: entry.target.label! })}
                    >
                      {t('moderation11.log.onlyMember', { member: entry.target.label })}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {t('moderation11.log.more')}
        </button>
      )}
    </Page>
  );
}

/** "Sam silenced alex": the entry's action as a sentence, its target named as the server labelled it for the reader. */
export function logSentence(t: TFunction, entry: ModerationLogEntryDto): string {
  const type = NAMED.includes(entry.targetType) ? entry.targetType : null;
  const target = type
    ? t(`moderation11.log.targets.${type}${entry.target.label ? '' : '_unnamed'}`, { label: entry.target.label ?? '' })
    : t(`moderation11.log.targets.${entry.targetType}`, { defaultValue: t('moderation11.log.targets.other') });
  const actor = entry.actor?.displayName ?? t('moderation11.log.someone');
  return t(`moderation11.log.actions.${entry.action}`, {
    actor,
    target,
    action: entry.action,
    defaultValue: t('moderation11.log.actions.other', { actor, target, action: entry.action }),
  });
}
