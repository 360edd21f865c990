import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useCategory } from '../../shared/api/categories';
import { useCategories, useGroups } from '../../shared/api/spaces';
import { CategoryDelete } from './category-delete';
import { CategoryForm } from './category-form';
import './categories.css';

/**
 * One category's settings, for whoever the server lets edit it (`can.edit`): admins for the site's
 * categories, a group's owners for its spaces. The same screen serves both; it leads back to where they
 * manage the others (the admin list, or the group's page).
 */
export function CategorySettingsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const category = useCategory(id);
  const categories = useCategories();
  const groups = useGroups();
  const [deleted, setDeleted] = useState(false);
  if (category.isError && !deleted) {
    return (
      <Page title={t('app.notFound')}>
        <Link to="/">{t('app.backHome')}</Link>
      </Page>
    );
  }
  if (!category.data || !categories.data || !groups.data) return <p>{t('app.loading')}</p>;
  const data = category.data;
  const group = groups.data.items.find((candidate) => candidate.id === data.groupId);
  const back = group ? `/g/${group.slug}` : '/admin/categories';
  return (
    <Page title={t('categories.settingsOf', { name: data.name })}>
      <p>
        <Link to={back}>{group ? t('categories.backToGroup', { name: group.name }) : t('categories.allCategories')}</Link>
        {' · '}
        <Link to={`/c/${data.id}`}>{data.name}</Link>
      </p>
      {data.can.edit ? (
        <>
          <CategoryForm key={`${data.id}`} category={data} categories={categories.data.items} groups={groups.data.items} />
          <CategoryDelete
            category={data}
            categories={categories.data.items}
            onDeleted={() => {
              setDeleted(true);
              void navigate(back, { state: { notice: t('categories.remove.done', { name: data.name }) } });
            }}
          />
        </>
      ) : (
        <Alert kind="info">{t('categories.notAllowed')}</Alert>
      )}
    </Page>
  );
}
