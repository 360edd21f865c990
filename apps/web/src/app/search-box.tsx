import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { useNavigate } from 'react-router';

/** The header's search box: sends the words to the search page, which holds the filters. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) void navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" aria-label={t('search.siteSearch')} className="search-box" onSubmit={submit}>
      <label htmlFor="header-search" className="visually-hidden">
        {t('search.query')}
      </label>
      <input
        id="header-search"
        type="search"
        value={q}
        maxLength={500}
        placeholder={t('search.placeholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
