import { useTranslation } from '../../../i18n/use-translation';
import type { MessageDto } from '@harbour/contracts';
import { RenderedHtml } from '../../shared/components/rendered-html';
import { formatDateTime } from '../../../lib/dates';

/**
 * A reported private message with the five before it, oldest first, the reported one marked. Moderators see
 * this only because of the report, and the server logs that they opened it: the note says so to them.
 */
export function MessageContext({ messages, reportedId }: { messages: MessageDto[]; reportedId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="message-context">
      <p className="alert alert-info">{t('conversations.moderation.note')}</p>
      <ol className="message-context-list" aria-label={t('conversations.moderation.context')}>
        {messages.map((message) => {
          const reported = message.id === reportedId;
          return (
            <li
              key={message.id}
              className={reported ? 'message-context-item reported' : 'message-context-item'}
              aria-current={reported ? 'true' : undefined}
            >
              <p className="muted">
                {reported && <strong className="badge badge-unread">{t('conversations.moderation.reported')}</strong>}{' '}
                <span className="post-author">{message.author ? message.author.displayName : t('conversations.page.deletedAuthor')}</span>{' '}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
                {message.editedAt && <> · {t('conversations.page.edited')}</>}
              </p>
              {/* The html was sanitized on the server when the message was written. */}
              <RenderedHtml html={message.html} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
