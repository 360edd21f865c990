import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService, type Caller } from '@harbour/access';
import { UserRepository } from '@harbour/accounts';
import { PostedDrafts, RuleRefusedError } from '@harbour/common';
import { renderMarkdown } from '@harbour/forum';
import { RateLimiter, SettingsService, WatchedWordsService } from '@harbour/settings';
import { ConversationRepository } from './conversation.repository';
import { MessageRepository, type MessageRow } from './message.repository';
import { MessageUploads } from './message-uploads';

/** A body rendered and judged before the writing transaction opens (judging reads on other connections). */
export interface PreparedMessage {
  body: string;
  html: string;
}

/**
 * What writing a message shares with starting a conversation: the rules of posts. Watched words `block` (422)
 * and `censor` apply; `review` holds nothing here, since holding a message would show it to moderators, and
 * nobody but its participants reads a conversation. Messages count in the posts-per-minute limit and new
 * conversations in the topics-per-day one (site staff are exempt, as for posts).
 */
@Injectable()
export class MessageWriter {
  constructor(
    private readonly access: AccessService,
    private readonly users: UserRepository,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly watchedWords: WatchedWordsService,
    private readonly settings: SettingsService,
    private readonly limiter: RateLimiter,
    private readonly messageUploads: MessageUploads,
    private readonly drafts: PostedDrafts,
  ) {}

  async prepare(body: string, subject?: string): Promise<PreparedMessage> {
    const verdict = await this.watchedWords.judge({ html: renderMarkdown(body), title: subject });
    if (verdict.blockedBy) throw new RuleRefusedError(`This contains a word that is not allowed here: "${verdict.blockedBy}"`);
    return { body, html: verdict.html };
  }

  /** Spends the caller's budget: a message always, a new conversation also from the daily one. */
  async spend(caller: Caller, options: { newConversation: boolean }): Promise<void> {
    if (this.access.can(caller, { action: 'rateLimits.exempt' })) return;
    const { rateLimits } = await this.settings.get();
    if (options.newConversation) await this.limiter.consume('topic', caller.userId, rateLimits.topicsPerDay, 86_400);
    await this.limiter.consume('post', caller.userId, rateLimits.postsPerMinute, 60);
  }

  /** First in a writing transaction, before any conversation or message row: see UserRepository.holdWriter. */
  async holdWriter(manager: EntityManager, userId: string): Promise<void> {
    await this.users.holdWriter(userId, manager);
  }

  /** Appends a message, numbered under the conversation's row lock, and moves the writer's read position to it. */
  async append(
    manager: EntityManager,
    input: { conversationId: string; authorId: string; authorKind: 'participant' | 'staff'; prepared: PreparedMessage },
  ): Promise<{ id: string; number: number }> {
    const number = await this.conversations.countMessage(manager, input.conversationId);
    const id = await this.messages.insert(manager, {
      conversationId: input.conversationId,
      number,
      authorId: input.authorId,
      body: input.prepared.body,
      html: input.prepared.html,
    });
    await this.conversations.markRead(manager, input.conversationId, input.authorId, number, input.authorKind);
    await this.messageUploads.record(manager, id, input.authorId, input.prepared.html);
    // The first message starts the conversation: it was written in the new-conversation composer.
    await this.drafts.posted(manager, input.authorId, number === 1 ? 'new-conversation' : `conversation:${input.conversationId}`);
    return { id, number };
  }

  /** The author's edit: the old body kept as a revision, and the uploads the new one uses. */
  async rewrite(manager: EntityManager, message: MessageRow, prepared: PreparedMessage): Promise<void> {
    await this.messages.rewrite(manager, message, prepared);
    if (message.author_id) await this.messageUploads.record(manager, message.id, message.author_id, prepared.html);
  }
}
