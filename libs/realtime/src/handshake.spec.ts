import { handshakeToken, isOwnOrigin } from './handshake';

describe('handshake', () => {
  it('takes auth.token first, then the session cookie', () => {
    expect(handshakeToken({ token: 'abc' }, { cookie: 'harbour_session=zzz' })).toEqual({ token: 'abc', via: 'bearer' });
    expect(handshakeToken({}, { cookie: 'a=1; harbour_session=zzz; b=2' })).toEqual({ token: 'zzz', via: 'cookie' });
    expect(handshakeToken(undefined, {})).toBeNull();
    expect(handshakeToken({ token: 42 }, {})).toBeNull();
  });

  it('accepts only the site’s own origin for cookie handshakes', () => {
    expect(isOwnOrigin({ origin: 'https://forum.example.org', host: 'internal:3000' }, 'https://forum.example.org')).toBe(true);
    expect(isOwnOrigin({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' }, 'https://forum.example.org')).toBe(true);
    expect(isOwnOrigin({ origin: 'https://evil.example', host: 'forum.example.org' }, 'https://forum.example.org')).toBe(false);
    expect(isOwnOrigin({ host: 'forum.example.org' }, 'https://forum.example.org')).toBe(false);
    expect(isOwnOrigin({ origin: 'null', host: 'forum.example.org' }, 'https://forum.example.org')).toBe(false);
  });
});
