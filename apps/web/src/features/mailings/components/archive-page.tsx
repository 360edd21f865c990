import { useTranslation } from '../../../i18n/use-translation';
import { Link } from 'react-router';
import { Page } from '../../../ui/page';
import { useArchive } from '../api/archive';

/** Every mailing sent to the list, for anyone, in the reader's language when it has a French version. */
export function ArchivePage() {
  const { t, i18n } = useTranslation();
  const archive = useArchive();
  const french = i18n.language.startsWith('fr');
  const items = archive.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t('mailings.archive.title')}>
      <p>
        <Link to="/mailing/subscribe">{t('mailings.public.subscribeTitle')}</Link>
      </p>
      {items.length === 0 && !archive.isPending ? (
        <p>{t('mailings.archive.none')}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/mailings/${item.id}`}>{french && item.subjectFr ? item.subjectFr : item.subject}</Link>{' '}
              <span className="muted">{new Date(item.sentAt).toLocaleDateString(i18n.language)}</span>
            </li>
          ))}
        </ul>
      )}
      {archive.hasNextPage && (
        <button type="button" onClick={() => void archive.fetchNextPage()} disabled={archive.isFetchingNextPage}>
          {t('mailings.more')}
        </button>
      )}
    </Page>
  );
}
