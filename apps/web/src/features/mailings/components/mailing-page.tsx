import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LOCALES, type Locale, type MailingDto } from '@harbour/contracts';
import { useGroups } from '../../groups/api/groups';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import {
  useCancelMailing,
  useCreateMailing,
  useDeleteMailing,
  useMailing,
  useMailingPreview,
  useSendMailing,
  useTestSend,
  useUpdateMailing,
  type MailingDraft,
} from '../api/mailings';
import { AudienceLabel, MailingStatusBadge } from './mailing-labels';

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

function MailingForm(props: {
  initial: MailingDraft;
  pending: boolean;
  error: Error | null;
  saved?: boolean;
  onSave: (draft: MailingDraft) => void;
}) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [draft, setDraft] = useState(props.initial);
  const groupId = typeof draft.audience === 'object' ? draft.audience.groupId : '';
  const field = (name: string) => (props.error instanceof ApiError ? props.error.forField(name).join(' ') || undefined : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const french = draft.subjectFr?.trim() && draft.bodyFr?.trim();
    props.onSave({ ...draft, subjectFr: french ? draft.subjectFr : null, bodyFr: french ? draft.bodyFr : null });
  };
  return (
    <form onSubmit={submit} className="mailing-form" aria-label={t('mailings.compose')}>
      <TextField
        label={t('mailings.subject')}
        required
        maxLength={200}
        value={draft.subject}
        error={field('subject')}
        onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
      />
      <div className="field">
        <label htmlFor="mailing-body">{t('mailings.body')}</label>
        <p id="mailing-body-hint" className="field-hint">
          {t('mailings.bodyHint')}
        </p>
        <textarea
          id="mailing-body"
          aria-describedby="mailing-body-hint"
          required
          rows={12}
          value={draft.body}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        />
      </div>
      <fieldset>
        <legend>{t('mailings.french')}</legend>
        <p className="field-hint">{t('mailings.frenchHint')}</p>
        <TextField
          label={t('mailings.subjectFr')}
          lang="fr"
          maxLength={200}
          value={draft.subjectFr ?? ''}
          onChange={(e) => setDraft({ ...draft, subjectFr: e.target.value })}
        />
        <div className="field">
          <label htmlFor="mailing-body-fr">{t('mailings.bodyFr')}</label>
          <textarea
            id="mailing-body-fr"
            lang="fr"
            rows={12}
            value={draft.bodyFr ?? ''}
            onChange={(e) => setDraft({ ...draft, bodyFr: e.target.value })}
          />
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="mailing-audience">{t('mailings.audience')}</label>
        <select
          id="mailing-audience"
          value={typeof draft.audience === 'string' ? draft.audience : 'group'}
          onChange={(e) => {
            const value = e.target.value;
            const first = groups.data?.items[0]?.id ?? '';
            setDraft({ ...draft, audience: value === 'group' ? { groupId: first } : (value as 'subscribers' | 'members') });
          }}
        >
          <option value="subscribers">{t('mailings.audiences.subscribers')}</option>
          <option value="members">{t('mailings.audiences.members')}</option>
          <option value="group">{t('mailings.audiences.aGroup')}</option>
        </select>
      </div>
      {typeof draft.audience === 'object' && (
        <div className="field">
          <label htmlFor="mailing-group">{t('mailings.group')}</label>
          <select id="mailing-group" value={groupId} onChange={(e) => setDraft({ ...draft, audience: { groupId: e.target.value } })}>
            {groups.data?.items.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.error && <Alert kind="error">{props.error.message}</Alert>}
      {props.saved && <Alert kind="success">{t('mailings.saved')}</Alert>}
      <button type="submit" className="button-primary" disabled={props.pending}>
        {t('mailings.save')}
      </button>
    </form>
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
      {send.error && <Alert kind="error">{send.error.message}</Alert>}
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

/** Where a mailing stands: scheduled (with cancel), or its counts, refreshed while it sends. */
function Progress({ mailing }: { mailing: MailingDto }) {
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
  const done = mailing.sent + mailing.failed + mailing.bounced;
  const counts = [
    ['queued', mailing.queued],
    ['sent', mailing.sent],
    ['failed', mailing.failed],
    ['interrupted', mailing.interrupted],
    ['bounced', mailing.bounced],
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
