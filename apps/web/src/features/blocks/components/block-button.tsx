import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { UserDto } from '@harbour/contracts';
import { useMe } from '../../../lib/session';
import { Alert } from '../../../ui/alert';
import { useBlocks, useSetBlock } from '../../shared/api/blocks';

/**
 * Block or unblock the member whose profile this is: shown to signed-in members on anyone's profile but
 * their own. Its label says what it will do; it asks before blocking and says what happened in a live region.
 */
export function BlockButton({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data);
  const blocks = useBlocks(signedIn);
  const setBlock = useSetBlock();
  const [said, setSaid] = useState<string | null>(null);
  if (!me.data || me.data.id === user.id || !blocks.data) return null;
  const blocked = blocks.data.items.some((item) => item.id === user.id);
  const name = user.displayName;

  const toggle = () => {
    if (!blocked && !window.confirm(t('blocks.blockConfirm', { name }))) return;
    setSaid(null);
    setBlock.mutate(
      { userId: user.id, blocked: !blocked },
      { onSuccess: () => setSaid(blocked ? t('blocks.unblocked', { name }) : t('blocks.blockedNotice', { name })) },
    );
  };

  return (
    <div className="block-button">
      <button type="button" disabled={setBlock.isPending} onClick={toggle}>
        {blocked ? t('blocks.unblockName', { name }) : t('blocks.blockName', { name })}
      </button>
      {said && <Alert kind="success">{said}</Alert>}
      {setBlock.isError && <Alert kind="error">{t('blocks.failed')}</Alert>}
    </div>
  );
}
