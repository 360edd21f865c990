import { useTranslation } from '../../../i18n/use-translation';
import type { MailingDto } from '@harbour/contracts';
import { useCancelMailing } from '../api/mailings';

/** Where a mailing stands: scheduled (with cancel), or its counts, refreshed while it sends. */
export function Progress({ mailing }: { mailing: MailingDto }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelMailing(mailing.id);
  if (mailing.status === 'scheduled') {
    return (
      <section className="panel" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('mailings.progress.title')}</h2>
        <p>{t('mailings.scheduledFor', { date: new Date(mailing.scheduledAt ?? '').toLocaleString(i18n.language) })}</p>
        <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {t('mailings.cancel')}
        </button>
      </section>
    );
  }
  const done = mailing.sent + mailing.failed + mailing.bounced + mailing.complained;
  const counts = [
    ['queued', mailing.queued],
    ['sent', mailing.sent],
    ['failed', mailing.failed],
    ['interrupted', mailing.interrupted],
    ['bounced', mailing.bounced],
    ['complained', mailing.complained],
    ['unsubscribed', mailing.unsubscribed],
  ] as const;
  return (
    <section className="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('mailings.progress.title')}</h2>
      <label htmlFor="mailing-progress">{t('mailings.progress.ofTotal', { sent: done, total: mailing.total })}</label>
      <progress id="mailing-progress" max={Math.max(1, mailing.total)} value={done} className="full-width" />
      <dl className="mailing-counts">
        {counts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`mailings.progress.${key}`)}</dt>
            <dd>{value.toLocaleString(i18n.language)}</dd>
          </div>
        ))}
      </dl>
      {mailing.interrupted > 0 && <p className="muted">{t('mailings.progress.interruptedExplain')}</p>}
      {mailing.sentAt && <p>{t('mailings.finishedAt', { date: new Date(mailing.sentAt).toLocaleString(i18n.language) })}</p>}
    </section>
  );
}
