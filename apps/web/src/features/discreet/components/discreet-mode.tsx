import { useEffect } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { isDiscreet, rememberDiscreet, showNeutralIcon } from '../../../lib/discreet';
import { useMe } from '../../../lib/session';

/**
 * Keeps the tab neutral for a discreet member (a title that is not the site's, a plain icon) and the device's
 * memory of it in step with `me`; the pages' own titles ask isDiscreet too (ui/page.tsx). Renders nothing.
 */
export function DiscreetMode() {
  const { t } = useTranslation();
  const me = useMe();
  const known = me.isSuccess;
  const discreet = isDiscreet(me.data);
  useEffect(() => {
    if (known) rememberDiscreet(me.data ?? null);
  }, [known, me.data]);
  useEffect(() => {
    showNeutralIcon(discreet);
    if (discreet) document.title = t('discreet.tabTitle');
  }, [discreet, t]);
  return null;
}
