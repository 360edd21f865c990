import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { isAdmin, useMe } from '../../../lib/session';
import { useSite } from '../../../lib/site';
import { useCategories } from '../../shared/api/spaces';
import { orderCategories } from '../../shared/category-order';
import { useCreateCategory } from '../../shared/api/categories';
import { categoryStyle } from '../../shared/category-color';
import { TopicLists } from './topic-lists';
import { VisibilityBadge } from '../../../ui/visibility-badge';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite();
  const categories = useCategories();
  const categoryNames = useMemo(
    () => new Map((categories.data?.items ?? []).map((category) => [category.id, category.name])),
    [categories.data],
  );
  const categoryColors = useMemo(
    () => new Map((categories.data?.items ?? []).map((category) => [category.id, category.color])),
    [categories.data],
  );
  return (
    <Page title={t('home.title', { site: site.data?.siteName ?? 'Harbour' })}>
      <p>{site.data?.siteDescription || t('home.intro')}</p>
      <p>{me.data ? t('home.signedIn', { name: me.data.displayName }) : t('home.guest')}</p>
      <div className="home-columns">
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading">{t('forum.categories')}</h2>
          {categories.data?.items.length === 0 && <p>{t('forum.noCategories')}</p>}
          {/* A new site's admin is walked through its setup rather than left with a one-field form (issue 19). */}
          {categories.data?.items.length === 0 && isAdmin(me.data) && (
            <p>
              <Link to="/setup" className="button-primary">
                {t('setup.startLink')}
              </Link>
            </p>
          )}
          <ul className="category-list">
            {orderCategories(categories.data?.items ?? []).map(({ category, depth }) => (
              <li key={category.id} style={{ ...categoryStyle(category), marginInlineStart: depth > 0 ? '1.5rem' : undefined }}>
                <span className="category-dot" aria-hidden="true" /> <Link to={`/c/${category.id}`}>{category.name}</Link>{' '}
                {category.private && <VisibilityBadge visibility="privateSpace" />}
                <span className="muted"> · {t('forum.topicCount', { count: category.topicCount })}</span>
                {category.description && <p className="muted">{category.description}</p>}
              </li>
            ))}
          </ul>
          {isAdmin(me.data) && (
            <p>
              <Link to="/admin/categories">{t('categories.manage')}</Link>
            </p>
          )}
          {isAdmin(me.data) && <NewCategory />}
        </section>
        <TopicLists categoryNames={categoryNames} categoryColors={categoryColors} />
      </div>
    </Page>
  );
}

function NewCategory() {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    await create.mutateAsync({ name: name.trim() });
    setName('');
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="inline-form">
      <TextField label={t('forum.newCategory')} value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
      <button type="submit" disabled={create.isPending}>
        {t('forum.createCategory')}
      </button>
    </form>
  );
}
