import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { CategoryAccessDto, GroupDto } from '@harbour/contracts';
import { useQueryClient, useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';

const PRESETS: Record<'private' | 'announcements' | 'open', CategoryAccessDto> = {
  private: { see: 'members', start: 'members', reply: 'members' },
  announcements: { see: 'everyone', start: 'moderators', reply: 'members' },
  open: { see: 'everyone', start: 'members', reply: 'everyone' },
};

/** A group owner makes a space (a category of the group), picking who sees, starts topics and replies. */
export function NewSpace({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: { name: string; groupId: string; access: CategoryAccessDto }) => api('POST', '/categories', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<keyof typeof PRESETS>('private');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create.mutateAsync({ name, groupId: group.id, access: PRESETS[preset] });
    setName('');
  };
  return (
    <form className="panel" aria-labelledby="new-space-heading" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <h3 id="new-space-heading">{t('groups.newSpace')}</h3>
      <TextField label={t('groups.spaceName')} value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
      <fieldset>
        <legend>{t('groups.spaceAccess')}</legend>
        {(Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="space-access" checked={preset === option} onChange={() => setPreset(option)} />
            {t(`groups.presets.${option}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={create.isPending}>
        {t('groups.createSpace')}
      </button>
      {create.error instanceof ApiError && <Alert kind="error">{create.error.messages.join(' ')}</Alert>}
    </form>
  );
}
