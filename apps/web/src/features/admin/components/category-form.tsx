import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type {
  CategoryAccessDto,
  CategoryAnonymous,
  CategoryDto,
  GroupDto,
  SpaceAudience,
  TopicsVisibleTo,
  UpdateCategoryBody,
} from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { useUpdateCategory } from '../../shared/api/categories';
import { contrastWithWhite, PRESET_COLORS } from '../../shared/category-color';

/**
 * Every setting of a category (api.md 1.1): name, description, colour, place, who sees, starts and replies,
 * sharing with other groups (a group's space), anonymous posting and support-desk visibility. Only what
 * changed is sent; the server's refusal is shown as it words it.
 */
export function CategoryForm({ category, categories, groups }: { category: CategoryDto; categories: CategoryDto[]; groups: GroupDto[] }) {
  const { t } = useTranslation();
  const update = useUpdateCategory();
  const [name, setName] = useState(category.name);
  const [description, setDescription] = useState(category.description);
  const [color, setColor] = useState<string | null>(category.color);
  const [custom, setCustom] = useState(category.color ?? '#1a7f5a');
  const [parentId, setParentId] = useState(category.parentId ?? '');
  const [access, setAccess] = useState<CategoryAccessDto>(category.access);
  const [shared, setShared] = useState(category.sharedGroupIds);
  const [anonymous, setAnonymous] = useState<CategoryAnonymous>(category.anonymous);
  const [anonymousReview, setAnonymousReview] = useState(category.anonymousReview);
  const [visibleTo, setVisibleTo] = useState<TopicsVisibleTo>(category.topicsVisibleTo);
  const [saved, setSaved] = useState(false);
  const space = category.groupId !== null;
  const hasChildren = categories.some((other) => other.parentId === category.id);
  const parents = categories.filter((other) => other.id !== category.id && other.groupId === category.groupId && other.parentId === null);
  const otherGroups = groups.filter((group) => group.id !== category.groupId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const changes: UpdateCategoryBody = {};
    if (name.trim() !== category.name) changes.name = name.trim();
    if (description.trim() !== category.description) changes.description = description.trim();
    if (color !== category.color) changes.color = color;
    if ((parentId || null) !== category.parentId) changes.parentId = parentId || null;
    if (access.see !== category.access.see) changes.seeAccess = access.see;
    if (access.start !== category.access.start) changes.startAccess = access.start;
    if (access.reply !== category.access.reply) changes.replyAccess = access.reply;
    if (space && [...shared].sort().join() !== [...category.sharedGroupIds].sort().join()) changes.sharedGroupIds = shared;
    if (anonymous !== category.anonymous) changes.anonymous = anonymous;
    if (anonymousReview !== category.anonymousReview) changes.anonymousReview = anonymousReview;
    if (visibleTo !== category.topicsVisibleTo) changes.topicsVisibleTo = visibleTo;
    await update.mutateAsync({ id: category.id, changes });
    setSaved(true);
  };
  const setSee = (see: CategoryAccessDto['see']) =>
    // Nobody may start or reply where they cannot see: narrowing who sees narrows the others with it.
    setAccess((now) => ({
      see,
      start: see === 'members' && now.start === 'everyone' ? 'members' : now.start,
      reply: see === 'members' && now.reply === 'everyone' ? 'members' : now.reply,
    }));
  const writers: [SpaceAudience, string, boolean][] = space
    ? [
        ['everyone', t('categories.audience.everyoneSignedIn'), access.see === 'members'],
        ['members', t('categories.audience.members'), false],
        ['moderators', t('categories.audience.moderators'), false],
      ]
    : [
        ['everyone', t('categories.audience.everyoneSignedIn'), false],
        ['moderators', t('categories.audience.staff'), false],
      ];

  return (
    <form className="category-form" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <TextField label={t('categories.name')} value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} />
      <TextField
        label={t('categories.description')}
        hint={t('categories.descriptionHint')}
        value={description}
        maxLength={500}
        onChange={(event) => setDescription(event.target.value)}
      />
      <fieldset>
        <legend>{t('categories.color.legend')}</legend>
        <p className="field-hint">{t('categories.color.hint')}</p>
        <Radio name="color" checked={color === null} onChange={() => setColor(null)}>
          {t('categories.color.automatic')}
        </Radio>
        {(Object.entries(PRESET_COLORS) as [keyof typeof PRESET_COLORS, string][]).map(([key, value]) => (
          <Radio key={key} name="color" checked={color === value} onChange={() => setColor(value)}>
            <span className="color-swatch" style={{ background: value }} aria-hidden="true" /> {t(`categories.color.names.${key}`)}
          </Radio>
        ))}
        <Radio
          name="color"
          checked={color !== null && !Object.values<string>(PRESET_COLORS).includes(color)}
          onChange={() => setColor(custom)}
        >
          {t('categories.color.custom')}
        </Radio>
        <input
          type="color"
          aria-label={t('categories.color.custom')}
          value={custom}
          onChange={(event) => {
            setCustom(event.target.value);
            setColor(event.target.value);
          }}
        />
        {color !== null && contrastWithWhite(color) < 3 && <Alert kind="info">{t('categories.color.faint')}</Alert>}
      </fieldset>
      <div className="field">
        <label htmlFor="category-parent">{t('categories.parent')}</label>
        <p className="field-hint" id="category-parent-hint">
          {t('categories.parentHint')}
        </p>
        <select
          id="category-parent"
          aria-describedby="category-parent-hint"
          value={parentId}
          disabled={hasChildren}
          onChange={(event) => setParentId(event.target.value)}
        >
          <option value="">{t('categories.parentNone')}</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {t('categories.parentIn', { name: parent.name })}
            </option>
          ))}
        </select>
      </div>
      {space ? (
        <Choices
          legend={t('categories.see')}
          name="see"
          value={access.see}
          onChange={setSee}
          options={[
            ['everyone', t('categories.audience.everyone')],
            ['members', t('categories.audience.members')],
          ]}
        />
      ) : (
        <p>{t('categories.siteSeesAll')}</p>
      )}
      <Choices
        legend={t('categories.start')}
        name="start"
        value={access.start}
        onChange={(start) => setAccess({ ...access, start })}
        options={writers}
      />
      <Choices
        legend={t('categories.reply')}
        name="reply"
        value={access.reply}
        onChange={(reply) => setAccess({ ...access, reply })}
        options={writers}
      />
      {space && (
        <fieldset>
          <legend>{t('categories.shared')}</legend>
          <p className="field-hint">{t('categories.sharedHint')}</p>
          {otherGroups.length === 0 && <p className="muted">{t('categories.noOtherGroups')}</p>}
          {otherGroups.map((group) => (
            <label key={group.id} className="choice">
              <input
                type="checkbox"
                checked={shared.includes(group.id)}
                onChange={(event) => setShared(event.target.checked ? [...shared, group.id] : shared.filter((id) => id !== group.id))}
              />{' '}
              {group.name}
            </label>
          ))}
        </fieldset>
      )}
      <Choices
        legend={t('categories.anonymous.legend')}
        hint={t('unmask.anonymousHint')}
        name="anonymous"
        value={anonymous}
        onChange={setAnonymous}
        options={(['off', 'allowed', 'required'] as const).map((option) => [option, t(`categories.anonymous.${option}`)])}
      />
      {anonymous !== 'off' && (
        <label className="choice">
          <input type="checkbox" checked={anonymousReview} onChange={(event) => setAnonymousReview(event.target.checked)} />{' '}
          {t('unmask.anonymousReview')}
        </label>
      )}
      <Choices
        legend={t('categories.topicsVisibleTo.legend')}
        hint={t('supportDesk.editorHint')}
        name="visible-to"
        value={visibleTo}
        onChange={setVisibleTo}
        options={(['everyone', 'author'] as const).map((option) => [option, t(`categories.topicsVisibleTo.${option}`)])}
      />
      <button type="submit" className="button-primary" disabled={update.isPending}>
        {t('categories.save')}
      </button>
      {saved && <Alert kind="success">{t('categories.saved')}</Alert>}
      {update.error instanceof ApiError && <Alert kind="error">{update.error.messages.join(' ')}</Alert>}
    </form>
  );
}

function Radio({ name, checked, onChange, children }: { name: string; checked: boolean; onChange: () => void; children: ReactNode }) {
  return (
    <label className="choice">
      <input type="radio" name={name} checked={checked} onChange={onChange} /> {children}
    </label>
  );
}

/** A radio group; an option may be offered disabled (third item true) when the other choices rule it out. */
function Choices<T extends string>({
  legend,
  hint,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  hint?: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string, boolean?])[];
  onChange: (value: T) => void;
}) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {options.map(([option, label, disabled]) => (
        <label key={option} className="choice">
          <input type="radio" name={name} checked={value === option} disabled={disabled === true} onChange={() => onChange(option)} />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
