import { avatarSizeFor } from './avatar-image';
import { generatedAvatarSvg, initialsOf } from './generated-avatar';

describe('the generated picture', () => {
  it('takes one or two initials from the username', () => {
    expect(initialsOf('jane_doe')).toBe('JD');
    expect(initialsOf('river.song')).toBe('RS');
    expect(initialsOf('zed')).toBe('ZE');
    expect(initialsOf('q')).toBe('Q');
    expect(initialsOf('__')).toBe('?');
  });

  it('gives a username the same colour every time, ignoring case, and different names different colours', () => {
    const fill = (name: string) => /fill="(hsl\([^)]*\))"/.exec(generatedAvatarSvg(name))?.[1];
    expect(fill('Jane_Doe')).toBe(fill('jane_doe'));
    const colours = new Set(['ana', 'bo', 'cy', 'di', 'ed', 'flo', 'gus', 'hal'].map(fill));
    expect(colours.size).toBeGreaterThan(4);
  });

  it('is an inert picture: no script, link, style or foreign object, and the letters escaped', () => {
    const svg = generatedAvatarSvg('a<b');
    expect(svg).not.toMatch(/<script|href|style=|foreignObject|on\w+=/i);
    expect(svg).toContain('>A&#60;</text>');
  });
});

describe('avatar sizes', () => {
  it('serves the stored size nearest above the one asked, 128 by default and 256 at most', () => {
    expect([undefined, 1, 64, 65, 128, 200, 256, 1024].map(avatarSizeFor)).toEqual([128, 64, 64, 128, 128, 256, 256, 256]);
  });
});
