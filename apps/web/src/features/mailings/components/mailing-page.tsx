import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LOCALES, type Locale, type MailingDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import {
  useCreateMailing,
  useDeleteMailing,
  useMailing,
  useMailingPreview,
  useSendMailing,
  useTestSend,
  useUpdateMailing,
  type MailingDraft,
} from '../api/mailings';
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
  return (
    <section aria-labelledby="send-title" className="panel">
      <h2 id="send-title">{t('mailings.send')}</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-send" className="form-actions">
          <p id="confirm-send">{t('mailings.confirmSend')}</p>
          <button
            type="button"
            className="button-primary"
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the confirmation the admin just asked for takes the focus
            autoFocus
            disabled={send.isPending}
            onClick={() => send.mutate(null, { onSettled: () => setConfirming(false) })}
          >
            {t('mailings.sendNow')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('mailings.notYet')}
          </button>
        </div>
      ) : (
        <button type="button" className="button-primary" onClick={() => setConfirming(true)}>
          {t('mailings.sendNow')}
        </button>
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
      <button
        type="button"
        className="link-button"
        onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/admin/mailings') })}
      >
        {t('mailings.deleteDraft')}
      </button>
    </section>
  );
}
