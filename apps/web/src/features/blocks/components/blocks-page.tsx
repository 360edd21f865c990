import { useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { useBlocks, useSetBlock } from '../../shared/api/blocks';
import { AuthorName } from '../../shared/components/author-name';

/** /settings/blocks: the members the member blocked, each with Unblock (the way back from a block). */
export function BlocksPage() {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const setBlock = useSetBlock();
  const [done, setDone] = useState<string | null>(null);
  // The button pressed disappears with its row: focus moves to the message that says what happened.
  const status = useRef<HTMLDivElement>(null);

  const unblock = (userId: string, name: string) => {
    setDone(null);
    setBlock.mutate(
      { userId, blocked: false },
      {
        onSuccess: () => {
          setDone(t('blocks.unblocked', { name }));
          requestAnimationFrame(() => status.current?.focus());
        },
      },
    );
  };

  return (
    <Page title={t('blocks.title')} narrow>
      <p className="muted">{t('blocks.intro')}</p>
      <div ref={status} tabIndex={-1}>
        {done && <Alert kind="success">{done}</Alert>}
        {setBlock.isError && <Alert kind="error">{t('blocks.failed')}</Alert>}
        {blocks.isError && <Alert kind="error">{t('blocks.loadFailed')}</Alert>}
      </div>
      {blocks.data?.items.length === 0 && <p>{t('blocks.empty')}</p>}
      {blocks.data && blocks.data.items.length > 0 && (
        <ul className="block-list" aria-label={t('blocks.title')}>
          {blocks.data.items.map((user) => (
            <li key={user.id} className="block-row">
              <AuthorName user={user} /> <span className="muted">@{user.username}</span>{' '}
              <button
                type="button"
                aria-label={t('blocks.unblockName', { name: user.displayName })}
                disabled={setBlock.isPending}
                onClick={() => unblock(user.id, user.displayName)}
              >
                {t('blocks.unblock')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
