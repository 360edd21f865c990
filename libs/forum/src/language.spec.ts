import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('tells French from English by their common words', () => {
    expect(detectLanguage('Les intervenants de la ville sont dans le local pour la distribution', 'en')).toBe('fr');
    expect(detectLanguage('The outreach workers are in the van for the night shift', 'fr')).toBe('en');
  });

  it("falls back to the author's locale when the text does not say", () => {
    expect(detectLanguage('naloxone!', 'fr')).toBe('fr');
    expect(detectLanguage('', 'en')).toBe('en');
    expect(detectLanguage('https://example.org 🙂', 'fr')).toBe('fr');
  });
});
