import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Page } from '../../../ui/page';
import { useOutbox, useOutboxMessage } from '../api/outbox';

/** The message's text with its links made clickable (only this site's own links are mailed). */
function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="mail-source">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/** Mail written to disk when no SMTP server is configured: lets a laptop install reset passwords. */
export function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const [openId, setOpenId] = useState<string | null>(null);
  const message = useOutboxMessage(openId);

  return (
    <Page title={t('admin.outboxTitle')}>
      {outbox.data && !outbox.data.enabled ? (
        <p>{t('admin.outboxDisabled')}</p>
      ) : (
        <>
          <p>{t('admin.outboxIntro')}</p>
          {outbox.data?.items.length === 0 && <p>{t('admin.outboxEmpty')}</p>}
          <ul className="outbox-list">
            {outbox.data?.items.map((item) => (
              <li key={item.id}>
                <button type="button" aria-expanded={openId === item.id} onClick={() => setOpenId(openId === item.id ? null : item.id)}>
                  {item.subject}
                </button>
                <span className="muted">
                  {' '}
                  {t('admin.to')}: {item.to} · {item.date}
                </span>
                {openId === item.id && message.data && <MailText text={message.data.text} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
