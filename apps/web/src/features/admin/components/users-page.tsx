import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@harbour/contracts';
import { Page } from '../../../ui/page';
import { useAdminUsers, useApproveUser, useChangeRole } from '../api/users';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useAdminUsers(q);
  const changeRole = useChangeRole();
  const approve = useApproveUser();
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
  };

  return (
    <Page title={t('admin.usersTitle')}>
      <form role="search" onSubmit={onSearch} className="inline-form">
        <label htmlFor="user-search">{t('admin.search')}</label>
        <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit">{t('admin.searchSubmit')}</button>
      </form>
      {rows.length === 0 && !users.isPending ? (
        <p>{t('admin.noUsers')}</p>
      ) : (
        <div className="table-scroll">
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
                    <select
                      aria-label={t('admin.roleOf', { name: user.username })}
                      value={user.role}
                      onChange={(e) => changeRole.mutate({ id: user.id, role: e.target.value as Role })}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`admin.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {t(`admin.statuses.${user.status}`)}
                    {user.status === 'pending' && (
                      <button type="button" onClick={() => approve.mutate(user.id)}>
                        {t('admin.approve')}
                      </button>
                    )}
                  </td>
                  <td>{new Date(user.createdAt).toLocaleDateString(i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage && (
        <button type="button" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          {t('admin.more')}
        </button>
      )}
    </Page>
  );
}
