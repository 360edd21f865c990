/**
 * The bytes of recently served files, kept in this process. Files never change once stored, so a copy is
 * never stale; a deleted one is refused before its bytes are asked for (its row is gone, so access says 404)
 * and leaves the cache as newer files push it out. Access is still decided on every request: this spares
 * only moving the bytes out of PostgreSQL, which is most of a thumbnail's cost (bytea travels as hex text).
 */
export class UploadBytesCache {
  private readonly entries = new Map<string, Buffer>();
  private size = 0;

  constructor(
    /** Bytes kept at most, all files together. */
    private readonly budget: number,
    /** A file larger than this is never kept (one full picture must not push out a page of thumbnails). */
    private readonly largest: number,
  ) {}

  get(key: string): Buffer | undefined {
    const bytes = this.entries.get(key);
    if (bytes) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, bytes);
    }
    return bytes;
  }

  set(key: string, bytes: Buffer): void {
    if (bytes.length > this.largest || this.entries.has(key)) return;
    this.entries.set(key, bytes);
    this.size += bytes.length;
    for (const [oldest, dropped] of this.entries) {
      if (this.size <= this.budget) break;
      this.entries.delete(oldest);
      this.size -= dropped.length;
    }
  }
}
