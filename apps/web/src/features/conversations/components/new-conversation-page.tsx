import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MAX_PARTICIPANTS, type CreateConversationBody } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useComposerUploads } from '../../shared/components/composer-uploads';
import { useSilence } from '../../shared/api/silence';
import { DraftOffer, DraftStatusLine } from '../../shared/drafts/draft-notice';
import { useDraft } from '../../shared/drafts/use-draft';
import { useCreateConversation, useGroupToWrite } from '../api/conversations';
import { RecipientsField } from './recipients-field';
import { describeWriteError, refusedUsername } from './write-errors';

type Field = 'to' | 'subject' | 'body';

/**
 * /messages/new: a conversation with members (`?to=<username>` prefilled from a profile) or with the staff of
 * a group (`?group=<slug>`, from the group's page). Refusals are shown next to the field they concern.
 */
export function NewConversationPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const groupSlug = params.get('group');
  const group = useGroupToWrite(groupSlug);
  const create = useCreateConversation();
  const [recipients, setRecipients] = useState<string[]>(() => params.getAll('to').filter(Boolean));
  const [pending, setPending] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const uploads = useComposerUploads({ textarea, setBody });
  // The subject and the text are kept as the member's one new-conversation draft (recipients are chosen again).
  const draft = useDraft('new-conversation', { body, title: subject });
  const silence = useSilence();

  // Told before typing: a silenced member's message would be refused (the banner above gives the message).
  if (silence) {
    return (
      <Page title={t('conversations.new.title')} narrow>
        <Alert kind="info">
          {t('moderation11.silenced.noWriting', {
            date: new Date(silence.until).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </Alert>
        <Link to="/messages">{t('conversations.page.backToInbox')}</Link>
      </Page>
    );
  }

  if (groupSlug !== null && group.isError) {
    return (
      <Page title={t('conversations.new.title')} narrow>
        <Alert kind="error">{t('conversations.new.groupMissing')}</Alert>
        <Link to="/messages">{t('conversations.page.backToInbox')}</Link>
      </Page>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const to = [...recipients, ...pending.split(/[\s,]+/).filter(Boolean)];
    const found: Partial<Record<Field, string>> = {};
    if (groupSlug === null && to.length === 0) found.to = t('conversations.new.noRecipient');
    if (!subject.trim()) found.subject = t('auth.errors.required');
    if (!body.trim()) found.body = t('conversations.page.emptyBody');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input: CreateConversationBody = { to: groupSlug !== null ? { group: groupSlug } : to, subject: subject.trim(), body };
    try {
      // The page moves to the conversation at once: the text stays as it was sent, with nothing left to save.
      const conversation = await draft.sending(() => create.mutateAsync(input), { body, title: subject });
      void navigate(`/messages/${conversation.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const fields = (['to', 'subject', 'body'] as const).filter((field) => error.forField(field).length > 0);
        setErrors(Object.fromEntries(fields.map((field) => [field, error.forField(field).join(' ')])));
        if (fields.length > 0) return;
      }
      if (error instanceof ApiError && error.status === 403 && groupSlug === null) {
        const name = refusedUsername(error);
        setErrors({ to: name ? t('conversations.new.cannotMessage', { name }) : t('conversations.new.cannotMessageSomeone') });
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        setErrors(groupSlug === null ? { to: t('conversations.new.notFound') } : {});
        if (groupSlug !== null) setFailure(t('conversations.new.groupMissing'));
        return;
      }
      setFailure(describeWriteError(error, t));
    }
  };

  const title = group.data ? t('conversations.new.toGroup', { group: group.data.name }) : t('conversations.new.title');
  return (
    <Page title={title} narrow>
      <form
        {...uploads.formProps}
        onSubmit={(event) => void submit(event)}
        noValidate
        className={`new-conversation ${uploads.formProps.className ?? ''}`.trim()}
      >
        {failure && <Alert kind="error">{failure}</Alert>}
        <DraftOffer
          draft={draft}
          onRestore={(saved) => {
            setBody(saved.body);
            setSubject(saved.title ?? '');
          }}
        />
        {groupSlug !== null ? (
          <p className="field-hint">{t('conversations.new.toGroupHint')}</p>
        ) : (
          <RecipientsField
            recipients={recipients}
            pending={pending}
            error={errors.to}
            onChange={(next, typed) => {
              setRecipients(next.slice(0, MAX_PARTICIPANTS - 1));
              setPending(typed);
            }}
          />
        )}
        <TextField
          label={t('conversations.new.subject')}
          value={subject}
          maxLength={200}
          required
          error={errors.subject}
          onChange={(event) => setSubject(event.target.value)}
        />
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('conversations.new.body')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('conversations.page.markdownHint')}
          </p>
          <textarea
            ref={textarea}
            id={`${id}-body`}
            rows={8}
            value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(event) => setBody(event.target.value)}
          />
          {errors.body && (
            <p id={`${id}-error`} className="field-error">
              {errors.body}
            </p>
          )}
        </div>
        {uploads.controls}
        <DraftStatusLine status={draft.status} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={create.isPending || uploads.uploading}>
            {t('conversations.new.send')}
          </button>
          <Link to="/messages">{t('conversations.page.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
