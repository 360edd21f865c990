import { useEffect } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { useRealtime, useSocketEvent } from '../../../lib/realtime';
import { useRefreshConversations, useUnreadConversations } from '../api/conversations';

/**
 * The header's link to the inbox with how many conversations have unread messages. It is mounted on every
 * page of a signed-in member, so it also keeps the inbox fresh when a message arrives.
 */
export function MessagesLink() {
  const { t } = useTranslation();
  const count = useUnreadConversations(true);
  const refresh = useRefreshConversations();
  const { connectedAt } = useRealtime();
  useSocketEvent('message:created', (message) => refresh(message.conversationId));
  // A reconnecting tab catches up on what arrived while it was offline.
  useEffect(() => {
    if (connectedAt > 0) refresh();
  }, [connectedAt, refresh]);
  const unread = count.data?.count ?? 0;
  return (
    <Link to="/messages" className="messages-link" aria-label={t('conversations.navLabel', { count: unread })}>
      <span aria-hidden="true">{t('conversations.nav')}</span>
      {unread > 0 && (
        <span className="messages-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
