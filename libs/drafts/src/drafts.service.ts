import { Injectable } from '@nestjs/common';
import { AccessService, type Caller, type DraftPlace } from '@harbour/access';
import { InvalidInputError, isUuid, NotFoundError, PostedDrafts, type DraftKey } from '@harbour/common';
import type { DraftDto } from '@harbour/contracts';
import { ConversationLookup } from '@harbour/conversations';
import { ForumLookup } from '@harbour/forum';
import type { SaveDraftDto } from './drafts.dtos';
import { DraftRepository, type DraftRow } from './draft.repository';

const KEY_RULE = 'key must be topic:<id>, new-topic:<categoryId>, conversation:<id> or new-conversation';

/** A key as the path gives it, checked: its kind and the id it names (a 400 naming `key` otherwise). */
export function parseDraftKey(key: string): { key: DraftKey; kind: DraftPlace['kind']; id: string | null } {
  if (key === 'new-conversation') return { key, kind: 'new-conversation', id: null };
  const match = /^(topic|new-topic|conversation):(.+)$/.exec(key);
  if (!match || !isUuid(match[2]!)) throw new InvalidInputError(KEY_RULE);
  const kind = match[1] as 'topic' | 'new-topic' | 'conversation';
  const id = match[2]!.toLowerCase();
  return { key: `${kind}:${id}`, kind, id };
}

export function toDraftDto(row: DraftRow): DraftDto {
  return {
    key: row.key as DraftKey,
    body: row.body,
    title: row.title,
    contentWarning: row.contentWarning,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A member's drafts: kept only where they may write what each drafts, so a draft for a topic, category or
 * conversation that closed to them (or never existed) is the same 404 as a missing one, and saving one there
 * is too. Forum and conversations throw a draft away when its post or message is made (PostedDrafts).
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftRepository,
    private readonly access: AccessService,
    private readonly forum: ForumLookup,
    private readonly conversations: ConversationLookup,
    posted: PostedDrafts,
  ) {
    posted.register((manager, userId, key) => this.drafts.delete(userId, key, manager));
  }

  async save(caller: Caller, rawKey: string, dto: SaveDraftDto): Promise<void> {
    const key = await this.assertWritable(caller, rawKey);
    await this.drafts.save(caller.userId, { key, body: dto.body, title: dto.title ?? null, contentWarning: dto.contentWarning ?? null });
  }

  async get(caller: Caller, rawKey: string): Promise<DraftDto> {
    const key = await this.assertWritable(caller, rawKey);
    const row = await this.drafts.find(caller.userId, key);
    if (!row) throw new NotFoundError();
    return toDraftDto(row);
  }

  /** Throws the caller's own draft away. Nothing else is asked: it answers 204 whether or not there was one, or its place is still theirs. */
  async discard(caller: Caller, rawKey: string): Promise<void> {
    await this.drafts.delete(caller.userId, parseDraftKey(rawKey).key);
  }

  /** The checked key, or the missing draft's 404 where the caller may not (or no longer) write what it drafts. */
  private async assertWritable(caller: Caller, rawKey: string): Promise<DraftKey> {
    const { key, kind, id } = parseDraftKey(rawKey);
    if (!this.access.can(caller, { action: 'draft.write', place: await this.place(caller, kind, id) })) throw new NotFoundError();
    return key;
  }

  private async place(caller: Caller, kind: DraftPlace['kind'], id: string | null): Promise<DraftPlace> {
    switch (kind) {
      case 'topic': {
        const { topic, category, site } = await this.forum.topic(caller, id!);
        return { kind, category, site, topic };
      }
      case 'new-topic': {
        const { category, site } = await this.forum.category(caller, id!);
        return { kind, category, site };
      }
      case 'conversation':
        return { kind, conversation: (await this.conversations.conversation(caller, id!)).ref };
      case 'new-conversation':
        return { kind };
    }
  }
}
