import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate, useParams } from 'react-router';
import type { ConversationDto } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useConversation, useLeaveConversation, useMarkConversationRead, useMessages, useSendMessage } from '../api/conversations';
import { useLiveConversation } from '../api/live-conversation';
import { InviteForm } from './invite-form';
import { MessageComposer } from './message-composer';
import { MessageView } from './message-view';
import { Participants } from './participants';

/** /messages/:id: a conversation, oldest message first, live, with the reply box at the bottom. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const conversation = useConversation(id);
  if (conversation.isError) {
    // Not a participant and missing are one answer (404): the page says the same for both.
    return (
      <Page title={t('conversations.page.notFound')}>
        <Link to="/messages">{t('conversations.page.backToInbox')}</Link>
      </Page>
    );
  }
  if (!conversation.data) return <p>{t('app.loading')}</p>;
  return <Conversation conversation={conversation.data} />;
}

function Conversation({ conversation }: { conversation: ConversationDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const myId = me.data?.id;
  const { id, can } = conversation;
  const messages = useMessages(id);
  const send = useSendMessage(id);
  const leave = useLeaveConversation(id);
  const live = useLiveConversation(id, myId);
  // `mutate` is stable for the component's life: the effect below runs again only when a newer message shows.
  const { mutate: markRead } = useMarkConversationRead(id);
  const [inviting, setInviting] = useState(false);
  const all = useMemo(() => messages.data?.pages.flatMap((page) => page.items) ?? [], [messages.data]);
  const lastId = all[all.length - 1]?.id;
  const markedId = useRef<string | null>(null);

  useEffect(() => {
    // Read up to the last message shown, once per message (a message arriving live while open is read too).
    if (!lastId || markedId.current === lastId) return;
    markedId.current = lastId;
    markRead(lastId);
  }, [lastId, markRead]);

  const typingNames = live.typing.map((user) => user.displayName).join(', ');
  return (
    <Page title={conversation.subject}>
      <p className="muted">
        <Link to="/messages">{t('conversations.page.backToInbox')}</Link>
      </p>
      {conversation.group && <p className="conversation-group">{t('conversations.page.staffOf', { group: conversation.group.name })}</p>}
      <Participants users={conversation.participants} label={t('conversations.page.participants')} />
      {(can.invite || can.leave) && (
        <div className="toolbar">
          {can.invite && (
            <button type="button" aria-expanded={inviting} onClick={() => setInviting((open) => !open)}>
              {t('conversations.invite.button')}
            </button>
          )}
          {can.leave && (
            <button
              type="button"
              disabled={leave.isPending}
              onClick={() => {
                if (!window.confirm(t('conversations.leave.confirm'))) return;
                leave.mutate(undefined, { onSuccess: () => void navigate('/messages', { replace: true }) });
              }}
            >
              {t('conversations.leave.button')}
            </button>
          )}
        </div>
      )}
      {leave.isError && <Alert kind="error">{t('conversations.page.failed')}</Alert>}
      {inviting && (
        <InviteForm
          conversationId={id}
          exclude={conversation.participants.map((user) => user.username)}
          onDone={() => setInviting(false)}
        />
      )}
      {messages.isPending ? (
        <p>{t('app.loading')}</p>
      ) : all.length === 0 ? (
        <p className="muted">{t('conversations.page.noMessages')}</p>
      ) : (
        <ol className="message-list">
          {all.map((message) => (
            <li key={message.id}>
              <MessageView message={message} mine={message.author !== null && message.author.id === myId} can={can} />
            </li>
          ))}
        </ol>
      )}
      {messages.hasNextPage && (
        <button type="button" onClick={() => void messages.fetchNextPage()} disabled={messages.isFetchingNextPage}>
          {t('conversations.page.loadMore')}
        </button>
      )}
      {/* Polite live regions: who is typing (visible), and each message that arrives (for screen readers). */}
      <p className="muted presence" role="status">
        {live.typing.length > 0 ? t('conversations.page.typing', { names: typingNames, count: live.typing.length }) : ''}
      </p>
      <p className="visually-hidden" role="status">
        {/* Keyed by message: a second message from the same person is new text, announced again. */}
        {live.arrived && (
          <span key={live.arrived.id}>
            {t('conversations.inbox.newMessageFrom', { name: live.arrived.author?.displayName ?? '', subject: conversation.subject })}
          </span>
        )}
      </p>
      {can.reply ? (
        <div className="reply-box">
          <MessageComposer
            label={t('conversations.page.reply')}
            submitLabel={t('conversations.page.send')}
            onType={live.typed}
            draftKey={`conversation:${conversation.id}`}
            onSubmit={(body) => send.mutateAsync({ body })}
          />
        </div>
      ) : (
        <p className="muted">{t('conversations.page.cannotReply')}</p>
      )}
    </Page>
  );
}
