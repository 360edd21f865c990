import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../ui/page';
import { useOutbox, useOutboxMessage } from '../api/outbox';

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
                {openId === item.id && message.data && <pre className="mail-source">{message.data.raw}</pre>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
