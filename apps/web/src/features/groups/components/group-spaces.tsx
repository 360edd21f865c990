import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useLocation } from 'react-router';
import type { GroupDto } from '@harbour/contracts';
import { Alert } from '../../../ui/alert';
import { VisibilityBadge } from '../../../ui/visibility-badge';
import { categoryStyle } from '../../shared/category-color';
import { useCategories } from '../../shared/api/spaces';
import { orderCategories, siblingsOf } from '../../shared/category-order';
import { CategoryMoveButtons } from '../../shared/components/category-move-buttons';
import { NewSpace } from './new-space';

/**
 * A group's spaces (its own, in their order, then those other groups share with it). Its owners reorder
 * their own with Up and Down and open each one's settings (permissions, sharing, colour…); the server's
 * `can.edit` decides, so a shared space is never offered to them.
 */
export function GroupSpaces({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [announcement, setAnnouncement] = useState('');
  // A space deleted from its settings page comes back here with a notice saying so.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const items = categories.data?.items ?? [];
  const own = items.filter((category) => category.groupId === group.id);
  const shared = items.filter((category) => category.groupId !== group.id && category.sharedGroupIds.includes(group.id));
  const spaces = [...orderCategories(own), ...shared.map((category) => ({ category, depth: 0 }))];
  return (
    <section aria-labelledby="spaces-heading">
      <h2 id="spaces-heading">{t('groups.spaces')}</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {spaces.length === 0 && <p className="muted">{t('groups.noSpaces')}</p>}
      <ul className="category-list">
        {spaces.map(({ category: space, depth }) => (
          <li key={space.id} style={{ ...categoryStyle(space), marginInlineStart: depth > 0 ? '1.5rem' : undefined }}>
            <span className="category-dot" aria-hidden="true" /> <Link to={`/c/${space.id}`}>{space.name}</Link>{' '}
            {space.private && <VisibilityBadge visibility="privateSpace" />}
            <span className="muted"> · {t('forum.topicCount', { count: space.topicCount })}</span>{' '}
            {space.groupId === group.id && (
              <CategoryMoveButtons category={space} siblings={siblingsOf(own, space)} onMoved={setAnnouncement} />
            )}{' '}
            {space.can.edit && (
              <Link to={`/c/${space.id}/settings`} aria-label={t('categories.settingsOf', { name: space.name })}>
                {t('categories.settings')}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {group.can.manage && <NewSpace group={group} />}
    </section>
  );
}
