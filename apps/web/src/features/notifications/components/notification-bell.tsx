import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import type { NotificationDto } from '@harbour/contracts';
import { useRealtime, useSocketEvent } from '../../../lib/realtime';
import { unreadCountKey, useRefreshNotifications, useUnreadCount } from '../api/notifications';
import { notificationLink, notificationText } from './notification-text';

/** Replies and mentions are worth interrupting for; the rest waits in the list. */
const TOASTED: NotificationDto['type'][] = ['reply', 'mention'];
const TOAST_MS = 8000;

/**
 * The header's link to the notifications, with the unread count kept live over the socket, and a polite
 * live region that announces replies and mentions as they arrive.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const count = useUnreadCount(true);
  const refresh = useRefreshNotifications();
  const { connectedAt } = useRealtime();
  const [toasts, setToasts] = useState<NotificationDto[]>([]);

  useSocketEvent('notification:count', (payload) => queryClient.setQueryData(unreadCountKey, payload));
  useSocketEvent('notification', (notification) => {
    refresh();
    if (TOASTED.includes(notification.type)) setToasts((current) => [...current.slice(-2), notification]);
  });
  // A reconnecting tab catches up through the API on whatever it missed.
  useEffect(() => {
    if (connectedAt > 0) refresh();
  }, [connectedAt, refresh]);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => setToasts((current) => current.slice(1)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);

  const unread = count.data?.count ?? 0;
  return (
    <>
      <Link to="/notifications" className="notification-bell" aria-label={t('notifications.bell', { count: unread })}>
        {/* Drawn here: an emoji bell needs a font many phones lack, and nothing is loaded from elsewhere. */}
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <p key={toast.id} className="toast">
            <Link to={notificationLink(toast)} onClick={() => setToasts((current) => current.filter((item) => item.id !== toast.id))}>
              {notificationText(t, toast)}
            </Link>
          </p>
        ))}
      </div>
    </>
  );
}
