import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import { GROUP_ROLES, GROUP_VISIBILITIES, type GroupDto, type GroupRole, type GroupVisibility, type MeDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useMe } from '../../../lib/session';
import {
  useDecideJoinRequest,
  useGroup,
  useGroupMembers,
  useInvite,
  useJoinRequests,
  useRemoveMember,
  useRequestToJoin,
  useUpdateGroup,
} from '../api/groups';
import { GroupSpaces } from './group-spaces';
import { MemberChangeDialog, type MemberChange } from './member-change-dialog';
import { ProfileVisibility } from './profile-visibility';
import { VisibilityBadge } from '../../../ui/visibility-badge';

/** A group: what it is, its spaces, its members, and — for its owners and moderators — how people get in. */
export function GroupPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const group = useGroup(slug);
  if (group.isError) {
    return (
      <Page title={t('app.notFound')}>
        <Link to="/groups">{t('groups.back')}</Link>
      </Page>
    );
  }
  if (!group.data) return <p>{t('app.loading')}</p>;
  const g = group.data;
  // What the caller may do comes with the group (api.md 1.1 `can`): `invite` is the group moderators' level
  // (invitations, join requests, removing members), `manage` the owners' (settings, roles, spaces).
  const { can } = g;
  return (
    <Page title={g.name}>
      <p>
        <VisibilityBadge visibility={g.visibility} /> {t(`groups.visibilities.${g.visibility}`)} ·{' '}
        {t('groups.memberCount', { count: g.memberCount })}
        {g.myRole && <> · {t(`groups.roles.${g.myRole}`)}</>}
      </p>
      {g.description && <p>{g.description}</p>}
      {can.message && (
        <p>
          <Link
            to={`/messages/new?group=${encodeURIComponent(g.slug)}`}
            className="message-button button-outline"
            aria-label={t('conversations.groupButtonLabel', { group: g.name })}
          >
            {t('conversations.groupButton')}
          </Link>
        </p>
      )}
      {me.data && <Membership group={g} me={me.data} />}
      {me.data && g.myRole && <ProfileVisibility slug={g.slug} />}
      <GroupSpaces group={g} />
      {/* A private or hidden group's member list is for its members and those who manage it. */}
      {(g.visibility === 'public' || g.myRole || can.manage) && <Members group={g} me={me.data ?? null} />}
      {can.invite && <Invite group={g} />}
      {can.invite && <JoinRequests group={g} />}
      {can.manage && <GroupSettings group={g} />}
    </Page>
  );
}

function Membership({ group, me }: { group: GroupDto; me: MeDto }) {
  const { t } = useTranslation();
  const join = useRequestToJoin(group.slug);
  const leave = useRemoveMember(group.slug);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (group.myRole) {
    // The last owner cannot leave (`can.leave` is false): someone must be left to run the group.
    if (!group.can.leave) return null;
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t('groups.leave')}
        </button>
        {confirming && (
          <ConfirmDialog
            title={t('setup.confirm.leaveTitle', { name: group.name })}
            confirmLabel={t('setup.confirm.leaveConfirm')}
            danger
            pending={leave.isPending}
            onConfirm={() => leave.mutate(me.id, { onSettled: () => setConfirming(false) })}
            onClose={() => setConfirming(false)}
          >
            <p>{t('setup.confirm.leaveBody')}</p>
          </ConfirmDialog>
        )}
        {leave.error instanceof ApiError && leave.error.status === 409 && <Alert kind="error">{t('groups.errors.lastOwner')}</Alert>}
      </p>
    );
  }
  if (group.myJoinRequestPending || join.data?.status === 'pending') return <Alert kind="info">{t('groups.requestPending')}</Alert>;
  if (!group.can.join && !group.can.requestToJoin) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate({ message: message || undefined });
  };
  return (
    <form onSubmit={submit} className="inline-form">
      {group.can.requestToJoin && (
        <TextField label={t('groups.requestMessage')} value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} />
      )}
      <button type="submit" className="button-primary" disabled={join.isPending}>
        {group.can.join ? t('groups.join') : t('groups.requestToJoin')}
      </button>
    </form>
  );
}

function Members({ group, me }: { group: GroupDto; me: MeDto | null }) {
  const { t } = useTranslation();
  const members = useGroupMembers(group.slug, true);
  // A role change or a removal is asked first (MemberChangeDialog).
  const [change, setChange] = useState<MemberChange | null>(null);
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('groups.members')}</h2>
      <ul className="member-list">
        {members.data?.items.map(({ user, role }) => (
          <li key={user.id}>
            <span>{user.displayName}</span> <span className="muted">@{user.username}</span> · {t(`groups.roles.${role}`)}
            {group.can.manage && user.id !== me?.id && (
              <label className="inline-label">
                <span className="visually-hidden">{t('groups.roleOf', { name: user.displayName })}</span>
                <select value={role} onChange={(e) => setChange({ kind: 'role', user, role: e.target.value as GroupRole })}>
                  {GROUP_ROLES.map((option) => (
                    <option key={option} value={option}>
                      {t(`groups.roles.${option}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {/* Group moderators remove members; owners (manage) anyone. */}
            {user.id !== me?.id && (group.can.manage || (group.can.invite && role === 'member')) && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setChange({ kind: 'remove', user })}
                aria-label={t('groups.removeNamed', { name: user.displayName })}
              >
                {t('groups.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {change && <MemberChangeDialog group={group} change={change} onClose={() => setChange(null)} />}
    </section>
  );
}

function Invite({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const invite = useInvite(group.slug);
  const [who, setWho] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = who.trim();
    const result = await invite.mutateAsync(value.includes('@') ? { email: value } : { username: value });
    setSent(result.token ? `${window.location.origin}/invitations/${result.id}?token=${result.token}` : value);
    setWho('');
  };
  return (
    <form className="panel" aria-labelledby="invite-heading" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <h2 id="invite-heading">{t('groups.invite')}</h2>
      <TextField
        label={t('groups.inviteWho')}
        hint={t('groups.inviteHint')}
        value={who}
        maxLength={254}
        required
        error={invite.error instanceof ApiError ? invite.error.messages.join(' ') : undefined}
        onChange={(e) => setWho(e.target.value)}
      />
      <button type="submit" disabled={invite.isPending}>
        {t('groups.inviteSubmit')}
      </button>
      {sent && (
        <Alert kind="success">
          {sent.startsWith('http') ? (
            <>
              {t('groups.invitationLink')} <code>{sent}</code>
            </>
          ) : (
            t('groups.invited', { name: sent })
          )}
        </Alert>
      )}
    </form>
  );
}

function JoinRequests({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const requests = useJoinRequests(group.slug, group.visibility !== 'public');
  const decide = useDecideJoinRequest(group.slug);
  if (!requests.data?.items.length) return null;
  return (
    <section aria-labelledby="requests-heading" className="panel">
      <h2 id="requests-heading">{t('groups.joinRequests')}</h2>
      <ul>
        {requests.data.items.map((request) => (
          <li key={request.id}>
            <strong>{request.user.displayName}</strong> <span className="muted">@{request.user.username}</span>
            {request.message && <p>{request.message}</p>}
            <button type="button" onClick={() => decide.mutate({ id: request.id, approve: true })}>
              {t('groups.approve')}
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => decide.mutate({ id: request.id, approve: false })}>
              {t('groups.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function GroupSettings({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const update = useUpdateGroup(group.slug);
  // A visibility change exposes or hides people: it is asked first, saying what it does.
  const [asked, setAsked] = useState<GroupVisibility | null>(null);
  return (
    <section aria-labelledby="group-settings-heading" className="panel">
      <h2 id="group-settings-heading">{t('groups.settings')}</h2>
      <fieldset>
        <legend>{t('groups.visibility')}</legend>
        {GROUP_VISIBILITIES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="group-visibility" checked={group.visibility === option} onChange={() => setAsked(option)} />
            {t(`groups.visibilities.${option}`)}
          </label>
        ))}
      </fieldset>
      {asked && (
        <ConfirmDialog
          title={t('setup.confirm.visibilityTitle', { name: group.name })}
          confirmLabel={t('setup.confirm.visibilityConfirm')}
          danger={asked === 'public'}
          pending={update.isPending}
          onConfirm={() => update.mutate({ visibility: asked }, { onSettled: () => setAsked(null) })}
          onClose={() => setAsked(null)}
        >
          <p>
            <strong>{t(`groups.visibilities.${asked}`)}</strong>
          </p>
          <p>{t(`setup.confirm.visibility.${asked}`)}</p>
        </ConfirmDialog>
      )}
      <p className="muted">{t('groups.closingNote')}</p>
    </section>
  );
}
