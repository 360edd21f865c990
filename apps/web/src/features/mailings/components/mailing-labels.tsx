import { useTranslation } from '../../../i18n/use-translation';
import type { MailingStatus, MailingSummaryDto } from '@harbour/contracts';

export function MailingStatusBadge({ status }: { status: MailingStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`mailings.statuses.${status}`)}</span>;
}

export function AudienceLabel({ mailing }: { mailing: Pick<MailingSummaryDto, 'audience' | 'audienceName'> }) {
  const { t } = useTranslation();
  if (typeof mailing.audience === 'string') return <>{t(`mailings.audiences.${mailing.audience}`)}</>;
  return <>{t('mailings.audiences.group', { name: mailing.audienceName ?? '?' })}</>;
}
