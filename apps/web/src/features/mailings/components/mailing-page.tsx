import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate, useParams } from 'react-router';
import { LOCALES, type Locale, type MailingDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import {
  useCreateMailing,
  useDeleteMailing,
  useMailing,
  useMailingPreview,
  useRecipientCount,
  useSendMailing,
  useTestSend,
  useUpdateMailing,
  type MailingDraft,
} from '../api/mailings';
import { useAdminSettings } from '../../shared/api/site-logo';
import { MailingForm } from './mailing-form';
import { AudienceLabel, MailingStatusBadge } from './mailing-labels';
import { Progress } from './mailing-progress';

const EMPTY: MailingDraft = { subject: '', body: '', subjectFr: null, bodyFr: null, audience: 'subscribers' };

/** `/admin/mailings/new` writes a draft; `/admin/mailings/:id` edits, previews, tests and sends it, then follows it. */
export function MailingPage() {
  const { id = 'new' } = useParams();
  return id === 'new' ? <NewMailing /> : <ExistingMailing id={id} />;
}

function NewMailing() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMailing();
  return (
    <Page title={t('mailings.new')}>
      <MailingForm
        initial={EMPTY}
        pending={create.isPending}
        error={create.error}
        onSave={(draft) => create.mutate(draft, { onSuccess: (mailing) => void navigate(`/admin/mailings/${(mailing as MailingDto).id}`) })}
      />
    </Page>
  );
}

function ExistingMailing({ id }: { id: string }) {
  const { t } = useTranslation();
  const mailing = useMailing(id);
  const update = useUpdateMailing(id);
  if (mailing.isError) return <Page title={t('app.notFound')}>{null}</Page>;
  if (!mailing.data) return null;
  const m = mailing.data;
  return (
    <Page title={m.subject}>
      <p>
        <Link to="/admin/mailings">{t('mailings.backToList')}</Link>
      </p>
      <p>
        <MailingStatusBadge status={m.status} /> · <AudienceLabel mailing={m} />
      </p>
      {m.status === 'draft' ? (
        <>
          <MailingForm
            initial={{ subject: m.subject, body: m.body, subjectFr: m.subjectFr, bodyFr: m.bodyFr, audience: m.audience }}
            pending={update.isPending}
            error={update.error}
            saved={update.isSuccess}
            onSave={(draft) => update.mutate(draft)}
          />
          <Preview mailing={m} />
          <TestSend id={m.id} />
          <SendControls mailing={m} />
        </>
      ) : (
        <>
          <Progress mailing={m} />
          <Preview mailing={m} />
        </>
      )}
    </Page>
  );
}

function Preview({ mailing }: { mailing: MailingDto }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>('en');
  const [open, setOpen] = useState(false);
  const preview = useMailingPreview(mailing.id, locale, open);
  return (
    <section aria-labelledby="preview-title" className="panel">
      <h2 id="preview-title">{t('mailings.preview')}</h2>
      <div role="group" aria-label={t('mailings.previewLanguage')} className="toolbar">
        {LOCALES.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={open && locale === value}
            onClick={() => {
              setLocale(value);
              setOpen(true);
            }}
          >
            {t(`mailings.languages.${value}`)}
          </button>
        ))}
      </div>
      {open && preview.data && (
        <>
          <p>
            <strong>{t('mailings.subject')}:</strong> {preview.data.subject}
          </p>
          {/* The server's own rendering: Markdown without raw HTML, sanitized; the footer is escaped text. The
              message's inline styles (for mail clients) are dropped: this page's CSP refuses them. */}
          <div
            className="mail-preview"
            lang={locale}
            dangerouslySetInnerHTML={{ __html: preview.data.html.replace(/ style="[^"]*"/g, '') }}
          />
          <details>
            <summary>{t('mailings.plainText')}</summary>
            <pre className="mail-source">{preview.data.text}</pre>
          </details>
        </>
      )}
    </section>
  );
}

function TestSend({ id }: { id: string }) {
  const { t } = useTranslation();
  const test = useTestSend(id);
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Locale>('en');
  return (
    <section aria-labelledby="test-title" className="panel">
      <h2 id="test-title">{t('mailings.test')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          test.mutate({ email: email.trim(), locale });
        }}
      >
        <TextField label={t('mailings.testAddress')} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <div className="field">
          <label htmlFor="test-locale">{t('mailings.language')}</label>
          <select id="test-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((value) => (
              <option key={value} value={value}>
                {t(`mailings.languages.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={test.isPending}>
          {t('mailings.testSubmit')}
        </button>
      </form>
      {test.isSuccess && <Alert kind="success">{t('mailings.testSent', { email })}</Alert>}
      {test.error && <Alert kind="error">{test.error.message}</Alert>}
    </section>
  );
}

function SendControls({ mailing }: { mailing: MailingDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const send = useSendMailing(mailing.id);
  const remove = useDeleteMailing(mailing.id);
  const [at, setAt] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const settings = useAdminSettings();
  const count = useRecipientCount(mailing.id, confirming);
  // CASL: no mailing without the sender's postal address; the server refuses it too, the button says so first.
  const noAddress = settings.data !== undefined && settings.data.mailingAddress.trim() === '';
  return (
    <section aria-labelledby="send-title" className="panel">
      <h2 id="send-title">{t('mailings.send')}</h2>
      {noAddress && (
        <Alert kind="info">
          {t('setup.confirm.needsAddress')} <Link to="/admin/settings">{t('account.settings')}</Link>
        </Alert>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={noAddress || settings.data === undefined}
        onClick={() => setConfirming(true)}
      >
        {t('mailings.sendNow')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('setup.confirm.sendTitle', { subject: mailing.subject })}
          confirmLabel={count.data ? t('setup.confirm.sendConfirm', { count: count.data.count }) : t('mailings.sendNow')}
          disabled={!count.data}
          pending={send.isPending}
          onConfirm={() => send.mutate(null, { onSettled: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        >
          <p aria-live="polite">
            {count.data ? t('setup.confirm.sendBody', { count: count.data.count }) : t('setup.confirm.sendCounting')}
          </p>
        </ConfirmDialog>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (at) send.mutate(new Date(at).toISOString());
        }}
      >
        <div className="field">
          <label htmlFor="schedule-at">{t('mailings.scheduleAt')}</label>
          <input id="schedule-at" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
        <button type="submit" disabled={send.isPending}>
          {t('mailings.schedule')}
        </button>
      </form>
      {send.error instanceof ApiError && send.error.messages.some((message) => message.includes('mailing address')) ? (
        <Alert kind="error">
          {t('mailings.needsAddress')} <Link to="/admin/settings">{t('account.settings')}</Link>
        </Alert>
      ) : (
        send.error && <Alert kind="error">{send.error.message}</Alert>
      )}
      <button type="button" className="link-button" onClick={() => setDeleting(true)}>
        {t('mailings.deleteDraft')}
      </button>
      {deleting && (
        <ConfirmDialog
          title={t('setup.confirm.deleteDraftTitle')}
          confirmLabel={t('setup.confirm.deleteDraftConfirm')}
          danger
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(undefined, { onSuccess: () => void navigate('/admin/mailings'), onSettled: () => setDeleting(false) })
          }
          onClose={() => setDeleting(false)}
        >
          <p>{t('setup.confirm.deleteDraftBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
