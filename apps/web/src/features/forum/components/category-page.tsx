import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useCategory } from '../../shared/api/categories';
import { useCreateTopic } from '../api/topics';
import { VisibilityBadge } from '../../../ui/visibility-badge';
import { Composer } from './composer';
import { categoryStyle } from '../../shared/category-color';
import { NotificationLevelMenu } from './notification-level-menu';
import { TopicLists } from './topic-lists';

export function CategoryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const category = useCategory(id);
  const [composing, setComposing] = useState(false);

  if (category.isError) {
    return (
      <Page title={t('app.notFound')}>
        <Link to="/">{t('app.backHome')}</Link>
      </Page>
    );
  }
  if (!category.data) return <p>{t('app.loading')}</p>;
  return (
    <Page title={category.data.name}>
      <div className="category-head" style={categoryStyle(category.data)}>
        <span className="category-head-stripe" aria-hidden="true" />
        <NotificationLevelMenu target={{ categoryId: category.data.id }} level={category.data.notificationLevel} />
        {category.data.can.edit && (
          <Link to={`/c/${category.data.id}/settings`} aria-label={t('categories.settingsOf', { name: category.data.name })}>
            {t('categories.settings')}
          </Link>
        )}
      </div>
      {category.data.private && (
        <p>
          <VisibilityBadge visibility="privateSpace" /> {t('groups.privateSpaceNote')}
        </p>
      )}
      {category.data.description && <p>{category.data.description}</p>}
      {category.data.topicsVisibleTo === 'author' && (
        <p className="muted">{t(category.data.can.moderate ? 'supportDesk.staffNote' : 'supportDesk.note')}</p>
      )}
      {category.data.can.startTopic &&
        (composing ? (
          <NewTopic categoryId={id} onCancel={() => setComposing(false)} />
        ) : (
          <button type="button" className="button-primary" onClick={() => setComposing(true)}>
            {t('forum.newTopic')}
          </button>
        ))}
      <TopicLists categoryId={id} categoryColors={new Map([[category.data.id, category.data.color]])} />
    </Page>
  );
}

function NewTopic({ categoryId, onCancel }: { categoryId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTopic();
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();

  return (
    <section aria-labelledby="new-topic-heading" className="new-topic">
      <h2 id="new-topic-heading">{t('forum.newTopic')}</h2>
      <TextField
        label={t('forum.title')}
        value={title}
        maxLength={200}
        error={titleError}
        onChange={(event) => setTitle(event.target.value)}
      />
      <Composer
        label={t('forum.firstPost')}
        submitLabel={t('forum.startTopic')}
        withContentWarning
        categoryId={categoryId}
        anonymityOf={categoryId}
        draft={{ key: `new-topic:${categoryId}`, title, onRestoreTitle: setTitle }}
        onCancel={onCancel}
        onSubmit={async ({ body, contentWarning, anonymous }) => {
          if (title.trim().length < 3) {
            setTitleError(t('forum.errors.title'));
            throw new Error(t('forum.errors.title'));
          }
          setTitleError(undefined);
          try {
            const topic = await create.mutateAsync({ categoryId, title: title.trim(), body, contentWarning, anonymous });
            await navigate(`/t/${topic.id}`);
          } catch (error) {
            if (error instanceof ApiError && error.forField('title').length > 0) setTitleError(t('forum.errors.title'));
            throw error;
          }
        }}
      />
      {create.isError && !titleError && <Alert kind="error">{t('auth.errors.generic')}</Alert>}
    </section>
  );
}
