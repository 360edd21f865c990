import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { ConversationCan, MessageDto } from '@harbour/contracts';
import { AuthorName } from '../../shared/components/author-name';
import { Avatar } from '../../shared/components/avatar';
import { RenderedHtml } from '../../shared/components/rendered-html';
import { ReportDialog } from '../../shared/components/report-dialog';
import { useBlockedReveal } from '../../shared/components/use-blocked-reveal';
import { useEditMessage } from '../api/conversations';
import { MessageComposer } from './message-composer';
import { formatDateTime } from '../../../lib/dates';

interface MessageViewProps {
  message: MessageDto;
  mine: boolean;
  can: ConversationCan;
}

/** One message: author, time, the server's sanitized html (as posts are shown), and its actions. */
export function MessageView({ message, mine, can }: MessageViewProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditingState] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const setEditing = (on: boolean) => {
    wasEditing.current = !on;
    setEditingState(on);
  };
  // Saved or cancelled: the focus goes back to the Edit button, where the member was before the box opened.
  useEffect(() => {
    if (editing || !wasEditing.current) return;
    wasEditing.current = false;
    editButton.current?.focus();
  }, [editing]);
  const [reporting, setReporting] = useState(false);
  // A message by a member the reader blocked starts collapsed, as their posts do: one click shows it.
  const { article, revealed, reveal } = useBlockedReveal();
  const edit = useEditMessage(message.conversationId);
  const date = formatDateTime(message.createdAt, i18n.language);
  const byId = `message-${message.id}-by`;

  if (message.blockedAuthor && !revealed) {
    return (
      <article ref={article} className="message message-collapsed" id={`message-${message.id}`} tabIndex={-1}>
        <p className="muted">
          {t('conversations.page.collapsed')}{' '}
          <button type="button" aria-expanded={false} aria-label={t('conversations.page.showLabel')} onClick={() => reveal(true)}>
            {t('conversations.page.show')}
          </button>
        </p>
      </article>
    );
  }

  return (
    <article
      ref={article}
      className={mine ? 'message message-mine' : 'message'}
      id={`message-${message.id}`}
      tabIndex={-1}
      aria-labelledby={byId}
    >
      <header className="message-header">
        <Avatar user={message.author} size={28} />{' '}
        <span id={byId} className="post-author">
          {message.author ? <AuthorName user={message.author} /> : t('conversations.page.deletedAuthor')}
        </span>{' '}
        <time className="muted" dateTime={message.createdAt}>
          {date}
        </time>
        {message.editedAt && <span className="muted"> · {t('conversations.page.edited')}</span>}
        {message.blockedAuthor && (
          <button type="button" className="link-button" aria-expanded onClick={() => reveal(false)}>
            {t('conversations.page.hide')}
          </button>
        )}
      </header>
      {editing ? (
        <MessageComposer
          label={t('conversations.page.editLabel')}
          submitLabel={t('conversations.page.save')}
          initialBody={message.body}
          autoFocus
          onSubmit={async (body) => {
            await edit.mutateAsync({ messageId: message.id, body });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        // The html was rendered and sanitized on the server, exactly as a post's.
        <RenderedHtml html={message.html} />
      )}
      {!editing && ((mine && can.edit) || (!mine && message.author && can.flag)) && (
        <div className="post-actions">
          {mine && can.edit && (
            <button ref={editButton} type="button" onClick={() => setEditing(true)}>
              {t('conversations.page.edit')}
            </button>
          )}
          {!mine && message.author && can.flag && (
            <button type="button" onClick={() => setReporting(true)}>
              {t('conversations.page.report')}
            </button>
          )}
        </div>
      )}
      {reporting && <ReportDialog targetType="message" targetId={message.id} onClose={() => setReporting(false)} />}
    </article>
  );
}
