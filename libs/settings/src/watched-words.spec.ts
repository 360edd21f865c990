import { censorHtml, firstMatch, fold, htmlText, type WatchedRule } from './watched-words';

const rules: WatchedRule[] = [
  { word: 'scamlink', action: 'block' },
  { word: 'Crétin', action: 'censor' },
  { word: 'buy now', action: 'review' },
];

describe('watched words', () => {
  it.each([
    ['plain', 'visit scamlink today'],
    ['upper case', 'visit SCAMLINK today'],
    ['accents added', 'visit scämlînk today'],
    ['zero-width space inside', 'visit scam\u200Blink today'],
    ['soft hyphen and joiner inside', 'visit sc\u00ADam\u200Dlink'],
    ['Cyrillic look-alikes', 'visit sсаmlink'],
    ['Greek omicron', 'visit scamlinκ'],
    ['fullwidth letters', 'visit ｓｃａｍｌｉｎｋ'],
    ['at the very start and end', 'scamlink'],
    ['next to punctuation', '(scamlink!)'],
  ])('finds a blocked word written %s', (_how, text) => {
    expect(firstMatch(text, rules, 'block')?.word).toBe('scamlink');
  });

  it.each([
    ['inside a longer word', 'scamlinks'],
    ['glued to a prefix', 'myscamlink'],
    ['another word', 'scam link'],
  ])('does not match %s', (_how, text) => {
    expect(firstMatch(text, rules, 'block')).toBeNull();
  });

  it('matches a phrase across any run of white space, and only for its own action', () => {
    expect(firstMatch('please buy   now', rules, 'review')?.word).toBe('buy now');
    expect(firstMatch('please buy now', rules, 'block')).toBeNull();
  });

  it('folds accents in the word as in the text, and keeps a map back to the original', () => {
    expect(fold('Crétin').folded).toBe('cretin');
    const { folded, origin } = fold('a\u200Bé');
    expect(folded).toBe('ae');
    expect(origin).toEqual([0, 2]);
  });

  it('masks censored words in text, never inside tags or attributes', () => {
    const html = '<p>You <a href="https://example.org/cretin" rel="nofollow ugc noopener">CRÉTIN</a>, cretin!</p>';
    expect(censorHtml(html, rules)).toBe('<p>You <a href="https://example.org/cretin" rel="nofollow ugc noopener">■■■■■■</a>, ■■■■■■!</p>');
  });

  it('masks a look-alike spelling whole, invisible characters included', () => {
    expect(censorHtml('<p>crе\u200Btin</p>', rules)).toBe('<p>■■■■■■■</p>');
  });

  it('reads rendered HTML as a reader sees it: inline tags joined, blocks apart', () => {
    expect(firstMatch(htmlText('<p>scam<em>link</em></p>'), rules, 'block')?.word).toBe('scamlink');
    expect(htmlText('<p>scam</p><p>link</p>')).toBe(' scam  link ');
    expect(firstMatch(htmlText('<p>scam</p><p>link</p>'), rules, 'block')).toBeNull();
  });
});
