import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate } from 'react-router';
import type { CategoryDto, TopicDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { TextField } from '../../../ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { useCategories } from '../../shared/api/spaces';
import { noticesKey, useMergeTopic, useSplitTopic, useTopicSearch } from '../api/surgery';
import { useUpdateTopic } from '../api/topics';
import type { PostSelectionState } from './topic-surgery-selection';
import { postPath } from './use-topic-reading';

type Open = 'split' | 'merge' | 'move' | null;

/**
 * A moderator's surgery on a topic: tick posts and split them (with their replies) into a new topic, merge the
 * topic into another, move it. Each asks first in a dialog that says what will happen; shown only when the
 * topic's `can.moderate` is true, and the categories offered are those whose `can.moderate` is.
 */
export function TopicSurgeryTools({ topic, surgery }: { topic: TopicDto; surgery: PostSelectionState }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [splitInto, setSplitInto] = useState<TopicDto | null>(null);
  const count = surgery.selected.size;
  return (
    <div className="topic-surgery">
      <div role="group" aria-label={t('surgery.tools')} className="toolbar">
        <button type="button" aria-pressed={surgery.selecting} onClick={() => surgery.setSelecting(!surgery.selecting)}>
          {surgery.selecting ? t('surgery.stopSelecting') : t('surgery.select')}
        </button>
        {surgery.selecting && (
          <button type="button" disabled={count === 0} onClick={() => setOpen('split')}>
            {t('surgery.split')}
          </button>
        )}
        <button type="button" onClick={() => setOpen('merge')}>
          {t('surgery.merge')}
        </button>
        <button type="button" onClick={() => setOpen('move')}>
          {t('surgery.move')}
        </button>
      </div>
      {surgery.selecting && (
        <p className="muted" role="status">
          {count > 0 ? t('surgery.selected', { count }) : t('surgery.selectHint')}
        </p>
      )}
      {splitInto && (
        <Alert kind="success">
          {t('surgery.splitDone')} <Link to={postPath(splitInto, null)}>{splitInto.title}</Link>
        </Alert>
      )}
      {open === 'split' && (
        <SplitDialog
          topic={topic}
          postIds={[...surgery.selected]}
          onClose={() => setOpen(null)}
          onDone={(created) => {
            setOpen(null);
            surgery.setSelecting(false);
            setSplitInto(created);
          }}
        />
      )}
      {open === 'merge' && <MergeDialog topic={topic} onClose={() => setOpen(null)} />}
      {open === 'move' && <MoveDialog topic={topic} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** Categories the caller moderates, for a split's or a move's destination. */
function useModeratedCategories(): CategoryDto[] {
  return (useCategories().data?.items ?? []).filter((category) => category.can.moderate);
}

function errorOf(error: Error | null): string | null {
  if (!error) return null;
  return error instanceof ApiError ? error.messages.join(' ') || error.message : error.message;
}

function Actions({ confirm, pending, disabled, onClose }: { confirm: string; pending: boolean; disabled?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={pending || disabled}>
        {confirm}
      </button>
      <button type="button" onClick={onClose}>
        {t('surgery.cancel')}
      </button>
    </div>
  );
}

function CategorySelect({ value, onChange, exclude }: { value: string; onChange: (id: string) => void; exclude?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const categories = useModeratedCategories().filter((category) => category.id !== exclude);
  return (
    <div className="field">
      <label htmlFor={id}>{t('surgery.category')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t('surgery.categoryHint')}
      </p>
      <select id={id} aria-describedby={`${id}-hint`} value={value} onChange={(event) => onChange(event.target.value)}>
        {exclude && <option value="">—</option>}
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function SplitDialog(props: { topic: TopicDto; postIds: string[]; onClose: () => void; onDone: (created: TopicDto) => void }) {
  const { topic, postIds, onClose, onDone } = props;
  const { t } = useTranslation();
  const split = useSplitTopic(topic.id);
  const [title, setTitle] = useState('');
  const [categoryId, setCategoryId] = useState(topic.categoryId);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    split.mutate({ postIds, title, ...(categoryId !== topic.categoryId ? { categoryId } : {}) }, { onSuccess: onDone });
  };
  return (
    <Dialog title={t('surgery.splitTitle')} onClose={onClose}>
      <form onSubmit={submit}>
        <p>{t('surgery.splitExplain', { count: postIds.length })}</p>
        <TextField
          label={t('surgery.newTitle')}
          hint={t('surgery.newTitleHint')}
          required
          minLength={3}
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <CategorySelect value={categoryId} onChange={setCategoryId} />
        {split.error && <Alert kind="error">{errorOf(split.error)}</Alert>}
        <Actions confirm={t('surgery.splitConfirm')} pending={split.isPending} onClose={onClose} />
      </form>
    </Dialog>
  );
}

function MergeDialog({ topic, onClose }: { topic: TopicDto; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeTopic(topic.id);
  const [words, setWords] = useState('');
  const [into, setInto] = useState<{ id: string; title: string } | null>(null);
  const found = useTopicSearch(words);
  const results = (found.data ?? []).filter((hit) => hit.topicId !== topic.id);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (into) merge.mutate({ intoTopicId: into.id }, { onSuccess: () => void navigate(`/t/${into.id}`, { replace: true }) });
  };
  return (
    <Dialog title={t('surgery.mergeTitle')} onClose={onClose}>
      <form onSubmit={submit}>
        <TextField
          label={t('surgery.mergeSearch')}
          hint={t('surgery.mergeSearchHint')}
          type="search"
          value={words}
          onChange={(event) => setWords(event.target.value)}
        />
        {words.trim().length >= 2 && found.isSuccess && results.length === 0 && <p className="muted">{t('surgery.noResults')}</p>}
        {results.length > 0 && (
          <fieldset>
            <legend>{t('surgery.mergeResults')}</legend>
            {results.map((hit) => (
              <label key={hit.topicId} className="choice">
                <input
                  type="radio"
                  name="into"
                  checked={into?.id === hit.topicId}
                  onChange={() => setInto({ id: hit.topicId, title: hit.title })}
                />{' '}
                {hit.title}
              </label>
            ))}
          </fieldset>
        )}
        <p>{into ? t('surgery.mergeExplain', { from: topic.title, into: into.title }) : t('surgery.mergeChooseFirst')}</p>
        {merge.error && <Alert kind="error">{errorOf(merge.error)}</Alert>}
        <Actions confirm={t('surgery.mergeConfirm')} pending={merge.isPending} disabled={!into} onClose={onClose} />
      </form>
    </Dialog>
  );
}

function MoveDialog({ topic, onClose }: { topic: TopicDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateTopic(topic.id);
  const [categoryId, setCategoryId] = useState('');
  const target = useModeratedCategories().find((category) => category.id === categoryId);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    update.mutate(
      { categoryId },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({ queryKey: noticesKey(topic.id) });
          onClose();
        },
      },
    );
  };
  return (
    <Dialog title={t('surgery.moveTitle')} onClose={onClose}>
      <form onSubmit={submit}>
        <CategorySelect value={categoryId} onChange={setCategoryId} exclude={topic.categoryId} />
        {target && <p>{t('surgery.moveExplain', { category: target.name })}</p>}
        {update.error && <Alert kind="error">{errorOf(update.error)}</Alert>}
        <Actions confirm={t('surgery.moveConfirm')} pending={update.isPending} disabled={!target} onClose={onClose} />
      </form>
    </Dialog>
  );
}
