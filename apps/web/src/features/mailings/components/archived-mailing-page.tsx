import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useParams } from 'react-router';
import type { Locale } from '@harbour/contracts';
import { Page } from '../../../ui/page';
import { useArchivedMailing } from '../api/archive';

/** One sent mailing's public page, in either language it was written in. */
export function ArchivedMailingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const mailing = useArchivedMailing(id);
  const [chosen, setChosen] = useState<Locale | null>(null);
  if (mailing.isError) {
    return (
      <Page title={t('app.notFound')}>
        <Link to="/mailings">{t('mailings.archive.title')}</Link>
      </Page>
    );
  }
  if (!mailing.data) return null;
  const m = mailing.data;
  const locale: Locale = chosen ?? (i18n.language.startsWith('fr') && m.htmlFr ? 'fr' : 'en');
  const french = locale === 'fr' && m.htmlFr !== null;
  return (
    <Page title={french && m.subjectFr ? m.subjectFr : m.subject}>
      <p className="muted">{t('mailings.archive.sentOn', { date: new Date(m.sentAt).toLocaleDateString(i18n.language) })}</p>
      {m.htmlFr && (
        <p>
          <button type="button" className="link-button" onClick={() => setChosen(french ? 'en' : 'fr')} lang={french ? 'en' : 'fr'}>
            {french ? t('mailings.archive.readInEnglish') : t('mailings.archive.readInFrench')}
          </button>
        </p>
      )}
      {/* Sanitized server-side (Markdown without raw HTML, then an allowlist). */}
      <article className="post-body" lang={french ? 'fr' : 'en'} dangerouslySetInnerHTML={{ __html: french ? (m.htmlFr ?? '') : m.html }} />
      <p>
        <Link to="/mailings">{t('mailings.archive.title')}</Link> ·{' '}
        <Link to="/mailing/subscribe">{t('mailings.public.subscribeTitle')}</Link>
      </p>
    </Page>
  );
}
