import { useTranslation } from '../../../i18n/use-translation';
import type { GroupDto, GroupRole, UserDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { useChangeGroupRole, useRemoveMember } from '../api/groups';

/** A change an owner or group moderator asked for, waiting for their confirmation. */
export type MemberChange = { kind: 'role'; user: UserDto; role: GroupRole } | { kind: 'remove'; user: UserDto };

/** Asks before a member's role in the group changes or they are removed, saying what it does (issue 19). */
export function MemberChangeDialog({ group, change, onClose }: { group: GroupDto; change: MemberChange; onClose: () => void }) {
  const { t } = useTranslation();
  const changeRole = useChangeGroupRole(group.slug);
  const remove = useRemoveMember(group.slug);
  const name = change.user.displayName;
  const failed = changeRole.error ?? remove.error;
  const error = failed instanceof ApiError && failed.status === 409 ? t('groups.errors.lastOwner') : failed ? t('setup.failed') : null;
  if (change.kind === 'remove') {
    return (
      <ConfirmDialog
        title={t('setup.confirm.removeTitle', { name, group: group.name })}
        confirmLabel={t('setup.confirm.removeConfirm')}
        danger
        pending={remove.isPending}
        error={error}
        onConfirm={() => remove.mutate(change.user.id, { onSuccess: onClose })}
        onClose={onClose}
      >
        <p>{t('setup.confirm.removeBody', { name })}</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={t('setup.confirm.groupRoleTitle', { name, role: t(`groups.roles.${change.role}`) })}
      confirmLabel={t('setup.confirm.roleConfirm')}
      danger={change.role === 'owner'}
      pending={changeRole.isPending}
      error={error}
      onConfirm={() => changeRole.mutate({ userId: change.user.id, role: change.role }, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t(`setup.confirm.groupRole.${change.role}`, { name })}</p>
    </ConfirmDialog>
  );
}
