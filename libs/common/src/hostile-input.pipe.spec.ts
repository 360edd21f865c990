import { InvalidInputError } from './domain-errors';
import { findHostileText, HostileInputPipe } from './hostile-input.pipe';

describe('findHostileText', () => {
  it('passes ordinary text, emoji (surrogate pairs) and non-strings', () => {
    expect(findHostileText({ name: 'Café ❤️ 𝄞', n: 1, list: ['a', null], nested: { ok: true } }, '')).toBeNull();
  });

  it.each([
    [{ email: 'a\ud800@example.org' }, '', 'email must not contain a lone UTF-16 surrogate (text must be valid Unicode)'],
    [{ email: 'a\udc00' }, '', 'email must not contain a lone UTF-16 surrogate (text must be valid Unicode)'],
    [{ rateLimits: { siteName: 'a\u0000' } }, '', 'rateLimits.siteName must not contain NUL characters'],
    [{ quotes: ['x', 'y\u0000'] }, '', 'quotes[1] must not contain NUL characters'],
    ['\u0000', 'slug', 'slug must not contain NUL characters'],
    [{ 'a\u0000': 1 }, '', 'field names must not contain NUL characters'],
    ['x\ud800', '', 'body must not contain a lone UTF-16 surrogate (text must be valid Unicode)'],
  ])('names where the hostile text is: %j', (value, path, message) => {
    expect(findHostileText(value, path)).toBe(message);
  });
});

describe('HostileInputPipe', () => {
  const pipe = new HostileInputPipe();

  it('refuses a path parameter with NUL as a 400 naming it', () => {
    expect(() => pipe.transform('\u0000', { type: 'param', data: 'slug' })).toThrow(
      new InvalidInputError('slug must not contain NUL characters'),
    );
  });

  it('returns clean values untouched', () => {
    const body = { q: 'naloxone' };
    expect(pipe.transform(body, { type: 'query' })).toBe(body);
  });
});
