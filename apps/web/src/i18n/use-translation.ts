import { useSyncExternalStore } from 'react';
import { i18n } from './index';
import type { TFunction, Translator } from './translator';

const subscribe = (onChange: () => void) => i18n.onLanguageChanged(onChange);
const currentT = () => i18n.t;

/**
 * The current language's `t` and the translator, for a component: it renders again when the language changes
 * (`t` is then a new function, so memos and effects that use it run again too).
 */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const t = useSyncExternalStore(subscribe, currentT);
  return { t, i18n };
}
