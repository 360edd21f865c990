import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { AdminUserDto, DeletedPosts } from '@harbour/contracts';
import { PostsChoice, type PostsChoiceOption } from '../../shared/components/posts-choice';
import { Alert } from '../../../ui/alert';
import { Dialog } from '../../../ui/dialog';
import { useDeleteUser } from '../api/delete-user';

/**
 * An admin deletes an account at its member's request: the same two choices for the posts as the member has,
 * worded about the member (their posts), not as the member's own words.
 */
export function DeleteUserDialog({ user, onClose }: { user: AdminUserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteUser();
  const [posts, setPosts] = useState<DeletedPosts | null>(null);
  const choices: PostsChoiceOption[] = [
    { value: 'delete', label: t('leaving.admin.choiceDelete'), help: t('leaving.admin.choiceDeleteHelp') },
    { value: 'anonymize', label: t('leaving.admin.choiceAnonymize'), help: t('leaving.admin.choiceAnonymizeHelp') },
  ];
  return (
    <Dialog title={t('leaving.admin.confirmTitle', { name: user.username })} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (posts) remove.mutate({ id: user.id, posts }, { onSuccess: onClose });
        }}
      >
        <p>{t('leaving.admin.confirmIntro')}</p>
        <PostsChoice name="admin-posts" legend={t('leaving.admin.choiceLegend')} options={choices} value={posts} onChange={setPosts} />
        {remove.isError && <Alert kind="error">{t('leaving.errors.generic')}</Alert>}
        <div className="form-actions">
          <button type="submit" className="button-danger" disabled={!posts || remove.isPending}>
            {t('leaving.admin.confirmButton')}
          </button>
          <button type="button" onClick={onClose}>
            {t('leaving.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
