import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { ROLES, type AdminUserDto, type Role } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { Page } from '../../../ui/page';
import { TableScroll } from '../../../ui/table-scroll';
import { useAdminUsers, useApproveUser, useChangeRole } from '../api/users';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { CreateAccountForm } from './create-account-form';
import { DeleteUserDialog } from './delete-user-dialog';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useAdminUsers(q);
  const changeRole = useChangeRole();
  const approve = useApproveUser();
  const me = useMe();
  const [deleting, setDeleting] = useState<AdminUserDto | null>(null);
  // A role change gives or takes away power over others: asked first, saying what the role may do.
  const [promoting, setPromoting] = useState<{ user: AdminUserDto; role: Role } | null>(null);
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
  };

  return (
    <Page title={t('admin.usersTitle')}>
      <CreateAccountForm />
      {promoting && (
        <ConfirmDialog
          title={t('setup.confirm.roleTitle', { name: promoting.user.username, role: t(`admin.roles.${promoting.role}`) })}
          confirmLabel={t('setup.confirm.roleConfirm')}
          danger={promoting.role === 'admin'}
          pending={changeRole.isPending}
          onConfirm={() => changeRole.mutate({ id: promoting.user.id, role: promoting.role }, { onSettled: () => setPromoting(null) })}
          onClose={() => setPromoting(null)}
        >
          <p>{t(`setup.confirm.role.${promoting.role}`, { name: promoting.user.username })}</p>
        </ConfirmDialog>
      )}
      <form role="search" onSubmit={onSearch} className="inline-form">
        <label htmlFor="user-search">{t('admin.search')}</label>
        <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">{t('admin.searchSubmit')}</button>
      </form>
      {rows.length === 0 && !users.isPending ? (
        <p>{t('admin.noUsers')}</p>
      ) : (
        <TableScroll label={t('admin.usersTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auth.username')}</th>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.joined')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.username}</th>
                  <td>{user.email}</td>
                  <td>
                    {/* What is left of a deleted account has no role to give (the server answers 404). */}
                    {user.status !== 'deleted' && (
                      <select
                        aria-label={t('admin.roleOf', { name: user.username })}
                        value={user.role}
                        onChange={(e) => setPromoting({ user, role: e.target.value as Role })}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`admin.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {user.status === 'deleted' ? t('leaving.admin.deletedStatus') : t(`admin.statuses.${user.status}`)}
                    {user.status === 'pending' && (
                      <button type="button" onClick={() => approve.mutate(user.id)}>
                        {t('admin.approve')}
                      </button>
                    )}
                    {/* The server's `user.delete` rule: not one's own account (that is /settings/delete), nor an admin's. */}
                    {user.status !== 'deleted' && user.role !== 'admin' && user.id !== me.data?.id && (
                      <button type="button" className="button-danger" onClick={() => setDeleting(user)}>
                        {t('leaving.admin.delete')}
                      </button>
                    )}
                  </td>
                  <td>{new Date(user.createdAt).toLocaleDateString(i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {users.hasNextPage && (
        <button type="button" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          {t('admin.more')}
        </button>
      )}
      {deleting && <DeleteUserDialog user={deleting} onClose={() => setDeleting(null)} />}
    </Page>
  );
}
