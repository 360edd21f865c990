import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@harbour/contracts';
import { Page } from '../../../ui/page';

/**
 * Placeholder of issue 15's skeleton: its owner replaces it. `actions`: buttons other features add for
 * the member shown (app/ composes the block button in).
 */
export function ProfilePage({ actions }: { actions?: (user: UserDto) => ReactNode }) {
  const { t } = useTranslation();
  void actions;
  return <Page title={t('profiles.title')}>{null}</Page>;
}
