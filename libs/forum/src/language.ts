import type { Locale } from '@harbour/contracts';

/** Common short words that tell French from English; enough for stemming, which is all this is for. */
const FRENCH = new Set(
  'le la les un une des du de et est sont pas que qui dans pour sur avec ce cette ces il elle nous vous ils elles je tu on au aux mais ou où donc car ne plus très être avoir fait été'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the a an and is are not that who in for on with this these it he she we you they i to of at but or so be have has was were do does very'.split(
    ' ',
  ),
);

/**
 * The language a post is indexed in: French or English by its common words, or the author's locale when
 * the text does not say (short posts, links, names). Only 'en' and 'fr' exist, as in the locales.
 */
export function detectLanguage(text: string, fallback: Locale): Locale {
  let french = 0;
  let english = 0;
  for (const word of text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}']+/u)
    .slice(0, 400)) {
    if (FRENCH.has(word)) french++;
    if (ENGLISH.has(word)) english++;
  }
  if (french === english) return fallback;
  return french > english ? 'fr' : 'en';
}
