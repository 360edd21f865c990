import { useTranslation } from '../i18n/use-translation';
import type { GroupVisibility } from '@harbour/contracts';

/** Says who can see a group or a space; private and hidden ones carry a visible, announced badge. */
export function VisibilityBadge({ visibility }: { visibility: GroupVisibility | 'privateSpace' }) {
  const { t } = useTranslation();
  if (visibility === 'public') return null;
  return <span className={`badge badge-${visibility === 'privateSpace' ? 'private' : visibility}`}>{t(`groups.badge.${visibility}`)}</span>;
}
