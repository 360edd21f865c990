import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { DraftKeyString } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { ComposerActions } from '../../shared/components/composer-actions';
import { useComposerUploads } from '../../shared/components/composer-uploads';
import { RenderedHtml } from '../../shared/components/rendered-html';
import { DraftOffer, DraftStatusLine } from '../../shared/drafts/draft-notice';
import { useDraft } from '../../shared/drafts/use-draft';
import { useCategoryAnonymity } from '../api/category-anonymity';
import { usePreview } from '../api/posts';
import { useMentionCompletion } from './mention-completion';

export interface ComposerValue {
  body: string;
  contentWarning?: string;
  /** Posted anonymously: only sent where the category allows the choice (where it is required, the server decides). */
  anonymous?: true;
}

interface ComposerProps {
  label: string;
  submitLabel: string;
  initialBody?: string;
  withContentWarning?: boolean;
  autoFocus?: boolean;
  onSubmit: (value: ComposerValue) => Promise<unknown>;
  onCancel?: () => void;
  /** Called as the member types (the topic page tells the room someone is typing). */
  onType?: () => void;
  /** The topic written in: @-completion offers its readers first (and only them in a private space). */
  topicId?: string;
  /** A new topic's category, where there is no topic yet. */
  categoryId?: string;
  /**
   * Saves what is typed as the member's draft for this place (a reply's `topic:<id>`, a new topic's
   * `new-topic:<categoryId>` with its title) and offers a saved one back. Without it (an edit) nothing is saved.
   */
  draft?: { key: DraftKeyString; title?: string; onRestoreTitle?: (title: string) => void };
  /** The category a new post goes to: where it allows anonymous posts, the composer offers (or states) it. */
  anonymityOf?: string;
}

/** Markdown editor with a server-rendered preview (exactly what the post will look like) and a content warning. */
export function Composer({
  label,
  submitLabel,
  initialBody = '',
  withContentWarning,
  autoFocus,
  onSubmit,
  onCancel,
  onType,
  topicId,
  categoryId,
  draft: place,
  anonymityOf,
}: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [contentWarning, setContentWarning] = useState('');
  const anonymity = useCategoryAnonymity(anonymityOf);
  const [anonymous, setAnonymous] = useState(false);
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = usePreview();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const uploads = useComposerUploads({ textarea, setBody });
  const draft = useDraft(place?.key, { body, contentWarning, ...(place?.title !== undefined && { title: place.title }) });
  const mentions = useMentionCompletion({
    topicId,
    categoryId,
    value: body,
    onChange: (next, caret) => {
      setBody(next);
      // After React writes the new text, put the caret just after the inserted name.
      requestAnimationFrame(() => textarea.current?.setSelectionRange(caret, caret));
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('forum.errors.emptyBody'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const emptied = { body: '', contentWarning: '', ...(place?.title !== undefined && { title: place.title }) };
      await draft.sending(
        () =>
          onSubmit({
            body,
            contentWarning: contentWarning.trim() || undefined,
            ...(anonymity === 'allowed' && anonymous ? { anonymous: true as const } : {}),
          }),
        emptied,
      );
      setBody('');
      setContentWarning('');
      setPreviewHtml(null);
      uploads.clear();
    } catch (caught) {
      setError(describe(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const showPreview = async () => {
    try {
      setPreviewHtml((await preview.mutateAsync(body)).html);
    } catch (caught) {
      setError(describe(caught, t));
    }
  };

  return (
    <form
      {...uploads.formProps}
      className={uploads.formProps.className ? `composer ${uploads.formProps.className}` : 'composer'}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      {error && <Alert kind="error">{error}</Alert>}
      {place && (
        <DraftOffer
          draft={draft}
          onRestore={(saved) => {
            setBody(saved.body);
            setContentWarning(saved.contentWarning ?? '');
            if (saved.title !== null) place.onRestoreTitle?.(saved.title);
          }}
        />
      )}
      <div className="composer-tabs" role="group" aria-label={t('forum.composerMode')}>
        <button type="button" aria-pressed={previewHtml === null} onClick={() => setPreviewHtml(null)}>
          {t('forum.write')}
        </button>
        <button type="button" aria-pressed={previewHtml !== null} onClick={() => void showPreview()}>
          {t('forum.preview')}
        </button>
      </div>
      {previewHtml === null ? (
        <div className="field">
          <label htmlFor={`${id}-body`}>{label}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('forum.markdownHint')}
          </p>
          <span id={`${id}-mentions`} className="visually-hidden">
            {t('profiles.mentions.hint')}
          </span>
          <textarea
            ref={textarea}
            id={`${id}-body`}
            {...mentions.inputProps}
            aria-describedby={`${id}-hint ${id}-mentions`}
            value={body}
            rows={6}
            onKeyDown={mentions.onKeyDown}
            onSelect={(event) => mentions.track(event.currentTarget)}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- only when the member just opened this box (reply, quote, edit)
            autoFocus={autoFocus}
            onChange={(event) => {
              setBody(event.target.value);
              onType?.();
              mentions.track(event.target);
            }}
          />
          {mentions.list}
        </div>
      ) : (
        <RenderedHtml className="post-body preview" aria-label={t('forum.preview')} html={previewHtml} />
      )}
      {uploads.controls}
      {withContentWarning && (
        <div className="field">
          <label htmlFor={`${id}-cw`}>{t('forum.contentWarning')}</label>
          <p className="field-hint">{t('forum.contentWarningHint')}</p>
          <input id={`${id}-cw`} value={contentWarning} maxLength={200} onChange={(event) => setContentWarning(event.target.value)} />
        </div>
      )}
      {anonymity === 'allowed' && (
        <div className="field">
          <label>
            <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />{' '}
            {t('anonymous.postAnonymously')}
          </label>
          <p className="field-hint">{t('anonymous.postAnonymouslyHint')}</p>
        </div>
      )}
      {anonymity === 'required' && <p className="field-hint">{t('anonymous.required')}</p>}
      {place && <DraftStatusLine status={draft.status} />}
      <ComposerActions submitLabel={submitLabel} busy={busy || uploads.uploading} onCancel={onCancel} cancelLabel={t('forum.cancel')} />
    </form>
  );
}

function describe(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 422) return t('forum.errors.locked');
    if (error.status === 409) return t('forum.errors.editConflict');
    if (error.status === 429) return t('auth.errors.rateLimited');
    if (error.status === 403) return t('auth.errors.forbidden');
    if (error.messages.length > 0) return error.messages.join(' ');
  }
  return t('auth.errors.generic');
}
