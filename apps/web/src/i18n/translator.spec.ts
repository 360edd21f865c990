import { Translator } from './translator';

describe('the client translator', () => {
  const make = () => {
    const translator = new Translator('fr', 'en');
    translator.addResourceBundle('en', {
      forum: { replies_one: '{{count}} reply', replies_other: '{{count}} replies', hello: 'Hello {{name}}', onlyEnglish: 'English only' },
    });
    translator.addResourceBundle('fr', {
      forum: { replies_one: '{{count}} réponse', replies_other: '{{count}} réponses', hello: 'Bonjour {{name}}' },
    });
    return translator;
  };

  it('looks up dotted keys, fills placeholders and picks the plural form by the language’s rules', () => {
    const { t } = make();
    expect(t('forum.hello', { name: 'Nia' })).toBe('Bonjour Nia');
    // French says "0 réponse", English "0 replies": Intl.PluralRules decides, per language.
    expect([t('forum.replies', { count: 0 }), t('forum.replies', { count: 1 }), t('forum.replies', { count: 2 })]).toEqual([
      '0 réponse',
      '1 réponse',
      '2 réponses',
    ]);
    const english = make();
    english.changeLanguage('en');
    expect(english.t('forum.replies', { count: 0 })).toBe('0 replies');
    // A `_zero` form, where the dictionary has one, says 0 in words ("Notifications, none unread").
    english.addResourceBundle('en', { bell_zero: 'Notifications, none unread', bell_one: '1 unread', bell_other: '{{count}} unread' });
    expect([0, 1, 5].map((count) => english.t('bell', { count }))).toEqual(['Notifications, none unread', '1 unread', '5 unread']);
  });

  it('falls back to English, then to the default value, then to the key', () => {
    const { t } = make();
    expect(t('forum.onlyEnglish')).toBe('English only');
    expect(t('forum.missing', { defaultValue: 'The server said no.' })).toBe('The server said no.');
    expect(t('forum.missing')).toBe('forum.missing');
    // A key naming a group of strings is not a string: the key itself, never "[object Object]".
    expect(t('forum')).toBe('forum');
  });

  it('leaves a placeholder without a value as written, and adds later strings without losing earlier ones', () => {
    const translator = make();
    expect(translator.t('forum.hello')).toBe('Bonjour {{name}}');
    translator.addResourceBundle('fr', { forum: { later: 'Plus tard' } });
    expect([translator.t('forum.later'), translator.t('forum.hello', { name: 'Léa' })]).toEqual(['Plus tard', 'Bonjour Léa']);
  });

  it('tells listeners of a change of language and gives a new t only then', () => {
    const translator = make();
    const seen: string[] = [];
    const stop = translator.onLanguageChanged((language) => seen.push(language));
    const before = translator.t;
    translator.changeLanguage('fr');
    expect(translator.t).toBe(before);
    translator.changeLanguage('en');
    stop();
    translator.changeLanguage('fr');
    expect(seen).toEqual(['en']);
    expect(translator.t).not.toBe(before);
  });
});
