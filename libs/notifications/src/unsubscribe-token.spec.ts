import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const secret = 'a-secret-of-the-site-a-secret-of-the-site';
  const userId = '7d6f3c1e-2b4a-4c8e-9f10-123456789abc';

  it('name the member and the kind of mail they turn off', () => {
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, userId, 'reply'))).toEqual({ userId, kind: 'reply' });
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, userId, 'digest'))).toEqual({ userId, kind: 'digest' });
  });

  it('refuse a token signed with another secret, altered, or malformed', () => {
    const token = unsubscribeToken(secret, userId, 'mention');
    expect(readUnsubscribeToken('another-secret-another-secret-another', token)).toBeNull();
    const [payload, signature] = token.split('.') as [string, string];
    const otherKind = Buffer.from(`${userId}|reply`).toString('base64url');
    expect(readUnsubscribeToken(secret, `${otherKind}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${payload}.`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${payload}.${signature}.x`)).toBeNull();
    expect(readUnsubscribeToken(secret, '')).toBeNull();
    expect(readUnsubscribeToken(secret, '☃.☃')).toBeNull();
  });
});
