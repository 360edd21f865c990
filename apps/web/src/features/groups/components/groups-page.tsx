import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate } from 'react-router';
import { GROUP_VISIBILITIES, type GroupVisibility } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { isAdmin, useMe } from '../../../lib/session';
import { useSite } from '../../../lib/site';
import { useGroups } from '../../shared/api/spaces';
import { useAnswerInvitation, useCreateGroup, useMyInvitations } from '../api/groups';
import { VisibilityBadge } from '../../../ui/visibility-badge';

/** The group directory: the caller's invitations, every group they may know of, and creating one. */
export function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite();
  const groups = useGroups();
  const mayCreate = me.data && (site.data?.groupCreation !== 'admins' || isAdmin(me.data));
  return (
    <Page title={t('groups.title')}>
      <p>{t('groups.intro')}</p>
      {me.data && <MyInvitations />}
      {groups.data?.items.length === 0 && <EmptyState title={t('groups.none')} hint={t('design.empty.groupsHint')} />}
      <ul className="category-list">
        {groups.data?.items.map((group) => (
          <li key={group.id}>
            <Link to={`/g/${group.slug}`}>{group.name}</Link> <VisibilityBadge visibility={group.visibility} />
            <span className="muted"> · {t('groups.memberCount', { count: group.memberCount })}</span>
            {group.myRole && <span className="muted"> · {t(`groups.roles.${group.myRole}`)}</span>}
            {group.description && <p className="muted">{group.description}</p>}
          </li>
        ))}
      </ul>
      {mayCreate && <NewGroup />}
    </Page>
  );
}

function MyInvitations() {
  const { t } = useTranslation();
  const invitations = useMyInvitations(true);
  const answer = useAnswerInvitation();
  if (!invitations.data?.items.length) return null;
  return (
    <section aria-labelledby="my-invitations-heading" className="panel">
      <h2 id="my-invitations-heading">{t('groups.myInvitations')}</h2>
      <ul>
        {invitations.data.items.map((invitation) => (
          <li key={invitation.id}>
            {t('groups.invitedBy', { group: invitation.group.name, name: invitation.invitedBy.displayName })}{' '}
            <button type="button" onClick={() => answer.mutate({ id: invitation.id, accept: true })}>
              {t('groups.accept')}
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => answer.mutate({ id: invitation.id, accept: false })}>
              {t('groups.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewGroup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateGroup();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<GroupVisibility>('private');
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.forField(field).length > 0 ? t(`groups.errors.${field}`) : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const group = await create.mutateAsync({ name, slug: slug.toLowerCase(), description: description || undefined, visibility });
    await navigate(`/g/${group.slug}`);
  };
  return (
    <form className="panel" aria-labelledby="new-group-heading" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <h2 id="new-group-heading">{t('groups.create')}</h2>
      <TextField
        label={t('groups.name')}
        value={name}
        maxLength={80}
        required
        error={fieldError('name')}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label={t('groups.slug')}
        hint={t('groups.slugHint')}
        value={slug}
        maxLength={40}
        required
        error={
          fieldError('slug') ?? (create.error instanceof ApiError && create.error.status === 409 ? t('groups.errors.slugTaken') : undefined)
        }
        onChange={(e) => setSlug(e.target.value)}
      />
      <TextField label={t('groups.description')} value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
      <fieldset>
        <legend>{t('groups.visibility')}</legend>
        {GROUP_VISIBILITIES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="visibility" value={option} checked={visibility === option} onChange={() => setVisibility(option)} />
            {t(`groups.visibilities.${option}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {t('groups.createSubmit')}
      </button>
      {create.isError && !(create.error instanceof ApiError && create.error.status < 500) && (
        <Alert kind="error">{t('auth.errors.generic')}</Alert>
      )}
    </form>
  );
}
