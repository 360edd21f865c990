import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { useMarkRead, useNotifications } from '../api/notifications';
import { notificationLink, notificationText } from './notification-text';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const anyUnread = items.some((item) => item.readAt === null);
  return (
    <Page title={t('notifications.title')}>
      <div className="toolbar">
        <button type="button" disabled={!anyUnread || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          {t('notifications.markAllRead')}
        </button>
        <Link to="/settings/notifications">{t('notifications.preferences')}</Link>
      </div>
      {notifications.isPending ? (
        <p>{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <EmptyState title={t('design.empty.notifications')} hint={t('design.empty.notificationsHint')} />
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification' : 'notification unread'}>
              <Link to={notificationLink(item)} onClick={() => item.readAt === null && markRead.mutate({ ids: [item.id] })}>
                {item.readAt === null && <span className="visually-hidden">{t('notifications.unread')} </span>}
                {notificationText(t, item)}
              </Link>{' '}
              <time className="muted" dateTime={item.createdAt}>
                {new Date(item.createdAt).toLocaleString(i18n.language)}
              </time>
              {/* A watched word's notice (crisis lines, naloxone sites): the admins' words, shown whole, as text. */}
              {item.data.response && <p className="notification-response">{item.data.response}</p>}
            </li>
          ))}
        </ul>
      )}
      {notifications.hasNextPage && (
        <button type="button" onClick={() => void notifications.fetchNextPage()} disabled={notifications.isFetchingNextPage}>
          {t('notifications.more')}
        </button>
      )}
    </Page>
  );
}
