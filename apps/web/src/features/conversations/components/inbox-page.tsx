import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { useSilence } from '../../shared/api/silence';
import type { ConversationDto } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { Avatar } from '../../shared/components/avatar';
import { useConversations } from '../api/conversations';
import { participantNames } from './participants';
import { formatDateTime } from '../../../lib/dates';

/** /messages: the member's conversations, latest activity first; the filter and the search live in the address. */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === 'true';
  const q = params.get('q') ?? '';
  const conversations = useConversations({ unread, q });
  // A silenced member starts no conversation (the banner above says why and until when).
  const silenced = useSilence() !== null;
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return (
    <Page title={t('conversations.inbox.title')}>
      <p className="muted">{t('conversations.inbox.intro')}</p>
      <div className="toolbar inbox-toolbar">
        {!silenced && (
          <Link to="/messages/new" className="button-link">
            {t('conversations.inbox.newConversation')}
          </Link>
        )}
        <button type="button" aria-pressed={unread} onClick={() => set({ unread: unread ? null : 'true' })}>
          {t('conversations.inbox.unreadOnly')}
        </button>
      </div>
      <SearchForm key={q} q={q} onSearch={(value) => set({ q: value || null })} />
      {q && <h2>{t('conversations.inbox.results', { q })}</h2>}
      {conversations.isError && <Alert kind="error">{t('conversations.inbox.loadFailed')}</Alert>}
      {conversations.isPending ? (
        <p>{t('app.loading')}</p>
      ) : items.length === 0 && !conversations.isError ? (
        <EmptyState
          title={
            q ? t('conversations.inbox.emptySearch', { q }) : unread ? t('conversations.inbox.emptyUnread') : t('conversations.inbox.empty')
          }
          hint={q ? t('design.empty.searchHint') : t('design.empty.inboxHint')}
        />
      ) : (
        <ul className="conversation-list">
          {items.map((conversation) => (
            <InboxEntry key={conversation.id} conversation={conversation} />
          ))}
        </ul>
      )}
      {conversations.hasNextPage && (
        <button type="button" onClick={() => void conversations.fetchNextPage()} disabled={conversations.isFetchingNextPage}>
          {t('conversations.inbox.loadMore')}
        </button>
      )}
    </Page>
  );
}

function SearchForm({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" className="inline-form inbox-search" onSubmit={submit}>
      <label htmlFor={`${id}-q`}>{t('conversations.inbox.search')}</label>
      <input id={`${id}-q`} type="search" value={value} maxLength={200} onChange={(event) => setValue(event.target.value)} />
      <button type="submit">{t('conversations.inbox.searchSubmit')}</button>
      {q && (
        <button type="button" onClick={() => onSearch('')}>
          {t('conversations.inbox.clearSearch')}
        </button>
      )}
    </form>
  );
}

function InboxEntry({ conversation }: { conversation: ConversationDto }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const myId = me.data?.id;
  const others = conversation.participants.filter((user) => user.id !== myId);
  const date = formatDateTime(conversation.lastMessageAt, i18n.language);
  return (
    <li className={conversation.unreadCount > 0 ? 'conversation-entry unread' : 'conversation-entry'}>
      <span className="conversation-avatars" aria-hidden="true">
        {others.slice(0, 3).map((user) => (
          <Avatar key={user.id} user={user} size={28} />
        ))}
      </span>
      <div className="conversation-summary">
        <Link to={`/messages/${conversation.id}`} className="conversation-subject">
          {conversation.subject}
        </Link>
        {conversation.unreadCount > 0 && (
          <span className="badge badge-unread">{t('conversations.inbox.unread', { count: conversation.unreadCount })}</span>
        )}
        <p className="muted conversation-meta">
          {conversation.group ? t('conversations.inbox.groupInbox', { group: conversation.group.name }) + ' · ' : ''}
          {t('conversations.inbox.with', { names: participantNames(conversation.participants, myId) })} ·{' '}
          <time dateTime={conversation.lastMessageAt}>{t('conversations.inbox.lastActivity', { date })}</time>
        </p>
      </div>
    </li>
  );
}
