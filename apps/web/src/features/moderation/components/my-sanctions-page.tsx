import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { SanctionDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { useAcknowledge, useAppeal, useMySanctions } from '../api/moderation';

/** A member's own warnings and sanctions: read, acknowledge, and appeal each one once. */
export function MySanctionsPage() {
  const { t } = useTranslation();
  const mine = useMySanctions(true);
  return (
    <Page title={t('moderation.mine.title')} narrow>
      {mine.isSuccess && mine.data.items.length === 0 && <EmptyState title={t('moderation.mine.none')} />}
      <ul className="sanction-list">
        {mine.data?.items.map((sanction) => (
          <SanctionItem key={sanction.id} sanction={sanction} />
        ))}
      </ul>
    </Page>
  );
}

function SanctionItem({ sanction }: { sanction: SanctionDto }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledge();
  const appeal = useAppeal();
  const [message, setMessage] = useState('');
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <li className="sanction">
      <h2>
        {t(`moderation.sanctions.${sanction.type}`)} <span className="muted">· {date(sanction.createdAt)}</span>
      </h2>
      <p>{t('moderation.mine.reason', { reason: sanction.reason })}</p>
      {sanction.until && <p>{t('moderation.mine.until', { date: date(sanction.until) })}</p>}
      {sanction.liftedAt && <p className="badge">{t('moderation.mine.lifted')}</p>}
      {sanction.type === 'warn' && !sanction.acknowledgedAt && (
        <button type="button" onClick={() => acknowledge.mutate(sanction.id)} disabled={acknowledge.isPending}>
          {t('moderation.mine.acknowledge')}
        </button>
      )}
      {sanction.appealedAt ? (
        <p className="muted">{t('moderation.mine.appealed', { date: date(sanction.appealedAt) })}</p>
      ) : (
        !sanction.liftedAt && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              appeal.mutate({ id: sanction.id, message: message.trim() });
            }}
          >
            <div className="field">
              <label htmlFor={`appeal-${sanction.id}`}>{t('moderation.mine.appeal')}</label>
              <p className="field-hint">{t('moderation.mine.appealHint')}</p>
              <textarea
                id={`appeal-${sanction.id}`}
                required
                minLength={3}
                maxLength={2000}
                rows={3}
                value={message}
                onChange={(event) => setMessage(event.target.value)}
              />
            </div>
            {appeal.isError && <Alert kind="error">{appeal.error.message}</Alert>}
            <button type="submit" disabled={appeal.isPending}>
              {t('moderation.mine.sendAppeal')}
            </button>
          </form>
        )
      )}
    </li>
  );
}
