import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { VisibilityBadge } from '../../../ui/visibility-badge';
import { useCreateCategory } from '../../shared/api/categories';
import { categoryStyle } from '../../shared/category-color';
import { useCategories } from '../../shared/api/spaces';
import { orderCategories, siblingsOf } from '../../shared/category-order';
import { CategoryMoveButtons } from '../../shared/components/category-move-buttons';
import './categories.css';

/**
 * The site's categories for an admin, in the order members see them: Up and Down move one among its
 * siblings (keyboard first: focus stays on the button), Settings opens everything else about it.
 */
export function CategoriesPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  // A category deleted from its settings page comes back here with a notice saying so.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [announcement, setAnnouncement] = useState('');
  const items = categories.data?.items ?? [];
  const names = new Map(items.map((category) => [category.id, category.name]));
  return (
    <Page title={t('categories.title')}>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p>{t('categories.intro')}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {categories.data && items.length === 0 && <p>{t('categories.empty')}</p>}
      <ul className="category-list category-admin-list">
        {orderCategories(items).map(({ category, depth }) => (
          <li key={category.id} style={{ ...categoryStyle(category), marginInlineStart: depth > 0 ? '1.5rem' : undefined }}>
            <span className="category-dot" aria-hidden="true" /> <Link to={`/c/${category.id}`}>{category.name}</Link>{' '}
            {category.private && <VisibilityBadge visibility="privateSpace" />}
            <span className="muted">
              {category.parentId && names.has(category.parentId) && (
                <> · {t('categories.inside', { parent: names.get(category.parentId) })}</>
              )}
              {' · '}
              {t('forum.topicCount', { count: category.topicCount })}
            </span>{' '}
            <CategoryMoveButtons category={category} siblings={siblingsOf(items, category)} onMoved={setAnnouncement} />{' '}
            {category.can.edit && (
              <Link to={`/c/${category.id}/settings`} aria-label={t('categories.settingsOf', { name: category.name })}>
                {t('categories.settings')}
              </Link>
            )}
          </li>
        ))}
      </ul>
      <NewCategoryForm />
    </Page>
  );
}

function NewCategoryForm() {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create.mutateAsync({ name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
    setName('');
    setDescription('');
  };
  return (
    <form className="panel" aria-labelledby="new-category-heading" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <h2 id="new-category-heading">{t('categories.newTitle')}</h2>
      <TextField label={t('categories.name')} value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} />
      <TextField
        label={t('categories.description')}
        hint={t('categories.descriptionHint')}
        value={description}
        maxLength={500}
        onChange={(event) => setDescription(event.target.value)}
      />
      <button type="submit" disabled={create.isPending}>
        {t('categories.create')}
      </button>
      {create.error instanceof ApiError && <Alert kind="error">{create.error.messages.join(' ')}</Alert>}
    </form>
  );
}
