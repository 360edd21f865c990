import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@harbour/access';

/** `/api/uploads/<uuid>` as it appears in rendered HTML: the one spelling a post or message uses an upload by. */
const UPLOAD_URL = /\/api\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/g;

/** The ids of the uploads rendered HTML shows or links to, once each. */
export function uploadIdsIn(html: string): string[] {
  return [...new Set([...html.matchAll(UPLOAD_URL)].map((match) => match[1]!))];
}

/**
 * One lib whose writings use uploads (forum's posts, conversations' messages). Uploads sit below both, so
 * each tells this registry, at start-up, how to answer for its own rows (the same port as MemberData).
 */
export interface UploadUseReader {
  readonly name: string;
  /** Whether the caller (null: a visitor) may see a live post or message that uses the upload. */
  seenBy(caller: Caller | null, uploadId: string): Promise<boolean>;
  /** Those of these uploads that a live post or message still uses. */
  stillUsed(uploadIds: string[], manager: EntityManager): Promise<Set<string>>;
}

/**
 * Where uploads are used. A post or message "uses" only its own author's uploads (UploadRepository.ownedBy
 * when it is written): pasting someone else's URL into a public post would otherwise publish a file from a
 * private space. Access is computed on every request from where the uses are now, so a topic moved into a
 * private space takes its files with it at once.
 */
@Injectable()
export class UploadUses {
  private readonly readers: UploadUseReader[] = [];

  register(reader: UploadUseReader): void {
    if (!this.readers.some(({ name }) => name === reader.name)) this.readers.push(reader);
  }

  async seenBy(caller: Caller | null, uploadId: string): Promise<boolean> {
    for (const reader of this.readers) {
      if (await reader.seenBy(caller, uploadId)) return true;
    }
    return false;
  }

  async stillUsed(uploadIds: string[], manager: EntityManager): Promise<Set<string>> {
    const used = new Set<string>();
    for (const reader of this.readers) {
      for (const id of await reader.stillUsed(uploadIds, manager)) used.add(id);
    }
    return used;
  }
}
