import type { TFunction } from '../../../i18n/translator';

/**
 * The shown name of an anonymous poster in the reader's language: the API's "Anonymous 2" carries the number
 * the label is built from (the author never reaches the client).
 */
export function anonymousName(label: string | undefined, t: TFunction): string {
  const number = label ? /(\d+)$/.exec(label)?.[1] : undefined;
  return number ? t('anonymous.label', { number }) : (label ?? '');
}
