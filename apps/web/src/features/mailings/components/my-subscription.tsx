import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { useMySubscription, useSetMySubscription } from '../api/subscribers';

/** A member's one-click choice to receive the network's mailings at their account's address. */
export function MySubscription() {
  const { t } = useTranslation();
  const mine = useMySubscription(true);
  const change = useSetMySubscription();
  if (!mine.data) return null;
  return (
    <section className="panel" aria-labelledby="my-mailings-title">
      <h2 id="my-mailings-title">{t('mailings.mine.title')}</h2>
      <div className="field checkbox">
        <input
          id="my-mailings"
          type="checkbox"
          checked={mine.data.subscribed}
          disabled={change.isPending}
          aria-describedby="my-mailings-hint"
          onChange={(event) => change.mutate(event.target.checked)}
        />
        <label htmlFor="my-mailings">{t('mailings.mine.label')}</label>
        <p id="my-mailings-hint" className="hint">
          {t('mailings.mine.hint')}
        </p>
      </div>
      {change.isSuccess && <Alert kind="success">{t(change.data.subscribed ? 'mailings.mine.on' : 'mailings.mine.off')}</Alert>}
      {change.error && <Alert kind="error">{change.error.message}</Alert>}
    </section>
  );
}
