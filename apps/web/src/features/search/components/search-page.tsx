import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { EmptyState } from '../../../ui/empty-state';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { useCategories, useGroups } from '../../shared/api/spaces';
import { useSearch } from '../api/search';
import { anonymousName } from '../../shared/components/anonymous-name';

/** Search with filters; the URL holds the query, so a search can be shared and the back button works. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    categoryId: params.get('categoryId') ?? undefined,
    groupId: params.get('groupId') ?? undefined,
    author: params.get('author') ?? undefined,
  };
  const [draft, setDraft] = useState(filters);
  const results = useSearch(filters);
  const categories = useCategories();
  const groups = useGroups();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  };
  const hits = results.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title={t('search.title')}>
      <form role="search" onSubmit={submit} className="search-form">
        <TextField
          label={t('search.query')}
          hint={t('search.hint')}
          type="search"
          value={draft.q}
          maxLength={500}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <div className="filters">
          <label>
            {t('search.category')}
            <select value={draft.categoryId ?? ''} onChange={(e) => setDraft({ ...draft, categoryId: e.target.value || undefined })}>
              <option value="">{t('search.any')}</option>
              {categories.data?.items.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('search.group')}
            <select value={draft.groupId ?? ''} onChange={(e) => setDraft({ ...draft, groupId: e.target.value || undefined })}>
              <option value="">{t('search.any')}</option>
              {groups.data?.items.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('search.author')}
            value={draft.author ?? ''}
            maxLength={30}
            onChange={(e) => setDraft({ ...draft, author: e.target.value || undefined })}
          />
        </div>
        <button type="submit" className="button-primary">
          {t('search.submit')}
        </button>
      </form>
      {results.error instanceof ApiError && <Alert kind="error">{results.error.messages.join(' ')}</Alert>}
      {filters.q && results.data && (
        <div role="status">
          {hits.length === 0 ? (
            <EmptyState title={t('search.none')} hint={t('design.empty.searchHint')} />
          ) : (
            <p>{t('search.count', { count: hits.length })}</p>
          )}
        </div>
      )}
      <ol className="search-results">
        {hits.map((hit) =>
          // A hit by a member the reader blocked is collapsed like their posts: one click (details) shows it.
          hit.blockedAuthor ? (
            <li key={hit.postId}>
              <details>
                <summary className="muted">{t('blocks.collapsedHit')}</summary>
                <Link to={`/t/${hit.topicId}#post-${hit.postId}`}>{hit.title}</Link>
              </details>
            </li>
          ) : (
            <li key={hit.postId}>
              <Link to={`/t/${hit.topicId}#post-${hit.postId}`}>{hit.title}</Link>
              {hit.contentWarning !== null ? (
                <p className="snippet content-warning-note">{t('search.contentWarning', { warning: hit.contentWarning })}</p>
              ) : (
                // The server escapes everything in a snippet except the <mark> around matched words.
                <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              )}
              <p className="muted">
                {hit.author ? hit.author.displayName : anonymousName(hit.anonymousLabel, t)} ·{' '}
                <time dateTime={hit.createdAt}>{new Date(hit.createdAt).toLocaleDateString()}</time>
              </p>
            </li>
          ),
        )}
      </ol>
      {results.hasNextPage && (
        <button type="button" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>
          {t('search.more')}
        </button>
      )}
    </Page>
  );
}
