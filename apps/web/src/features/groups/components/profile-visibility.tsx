import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { useMembership, useSetMembershipHidden } from '../api/membership';

/** For a member of the group: whether their profile lists it (the group's own member list always does). */
export function ProfileVisibility({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const id = useId();
  const membership = useMembership(slug);
  const setHidden = useSetMembershipHidden(slug);
  const [saved, setSaved] = useState(false);
  // Shown at once as chosen (a checkbox must answer the click); the server's answer then stands.
  const [chosen, setChosen] = useState<boolean | null>(null);
  if (!membership.data) return null;
  return (
    <div className="field field-checkbox">
      <input
        id={`${id}-hide`}
        type="checkbox"
        checked={chosen ?? membership.data.hiddenOnProfile}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setSaved(false);
          setChosen(event.target.checked);
          setHidden.mutate(event.target.checked, { onSuccess: () => setSaved(true), onSettled: () => setChosen(null) });
        }}
      />
      <label htmlFor={`${id}-hide`}>{t('profiles.membership.hide')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t('profiles.membership.hint')}
      </p>
      <p role="status" className="muted">
        {saved ? t('profiles.membership.saved') : ''}
      </p>
      {setHidden.isError && <Alert kind="error">{t('profiles.avatar.failed')}</Alert>}
    </div>
  );
}
