import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The member being erased, as they were: each part finds its rows by id, address or name before they go. */
export interface ErasedMember {
  userId: string;
  /** Lower-cased, as stored. */
  email: string;
  username: string;
  displayName: string;
  /** What becomes of their posts: tombstones, or kept under the anonymous name. */
  posts: 'delete' | 'anonymize';
  /** What the account is called from now on: `deleted-<n>` and `deleted-<n>@deleted.invalid`. */
  anonymous: { username: string; email: string };
}

/** The member whose data is exported. */
export interface ExportedMember {
  userId: string;
  /** Lower-cased, as stored. */
  email: string;
}

/**
 * A file of the export. An object or a list becomes JSON; bytes are written as they are (uploads). Two parts
 * giving the same JSON file are merged: objects key by key, lists one after the other.
 */
export type ExportFile = Record<string, unknown> | unknown[] | Uint8Array;

/**
 * What one lib holds about a member (README, "Leaving"): every lib with rows about members provides one, so
 * the export and the deletion cannot forget a table. Each part's SQL is its own lib's (its tables).
 */
export interface MemberDataPart {
  /** The lib's name; the deletion refuses to start when a required part is missing. */
  readonly name: string;
  /** Everything this lib holds about the member, by file name (`posts.json`, `uploads/avatar.webp`). */
  export(member: ExportedMember): Promise<Record<string, ExportFile>>;
  /**
   * Erases (or anonymises) the member's rows inside the deletion's one transaction. Answers what to do once it
   * has committed (events, caches), if anything: never before, or a rollback would leave them told.
   */
  erase(member: ErasedMember, manager: EntityManager): Promise<(() => void) | void>;
}

/**
 * Where each lib registers its part at start-up. It lives here, below every lib, because mail and jobs (below
 * accounts) hold member data too: each lib registers itself, and accounts' deletion walks them all.
 */
@Injectable()
export class MemberData {
  private readonly registered = new Map<string, MemberDataPart>();

  register(part: MemberDataPart): void {
    this.registered.set(part.name, part);
  }

  /** The parts registered, accounts' last (it clears the identifiers the others look their rows up by). */
  parts(): MemberDataPart[] {
    return [...this.registered.values()].sort((a, b) => Number(a.name === 'accounts') - Number(b.name === 'accounts'));
  }

  names(): string[] {
    return [...this.registered.keys()].sort();
  }
}
