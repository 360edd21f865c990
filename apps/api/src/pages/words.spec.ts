import { pickLanguage } from './words';

describe('pickLanguage', () => {
  it("answers the visitor's first language when it is English or French, else the site's default", () => {
    expect(pickLanguage('fr-CA,fr;q=0.9,en;q=0.8', 'en')).toBe('fr');
    expect(pickLanguage('en-GB,en;q=0.9', 'fr')).toBe('en');
    // Neither: the site's default language (issue 19), English when none is given.
    expect(pickLanguage('de-DE,de;q=0.9', 'fr')).toBe('fr');
    expect(pickLanguage(undefined, 'fr')).toBe('fr');
    expect(pickLanguage('es')).toBe('en');
  });
});
