import { UploadBytesCache } from './upload-bytes.cache';

describe('the cache of served files', () => {
  it('keeps the most recently used files within its budget, and never one larger than its limit', () => {
    const cache = new UploadBytesCache(10, 6);
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    expect(cache.get('a')).toHaveLength(4);
    cache.set('c', Buffer.alloc(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toHaveLength(4);
    expect(cache.get('c')).toHaveLength(4);
    cache.set('huge', Buffer.alloc(7));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toHaveLength(4);
  });
});
