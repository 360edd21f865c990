import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessService, Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import { ForbiddenError, NotFoundError } from '@harbour/common';
import type { EmailOriginalDto } from '@harbour/contracts';
import { ForumLookup } from '@harbour/forum';
import { EmailOriginals } from './email-originals.repository';

/** How much of a kept email staff get to read: the words and headers, not every attached photo's bytes. */
const MAX_SOURCE_BYTES = 1024 * 1024;

/** The original of a reply by email, for the moderators of its space (what the member actually sent, quotes and all). */
@ApiTags('moderation')
@Controller()
export class EmailOriginalsController {
  constructor(
    private readonly lookup: ForumLookup,
    private readonly access: AccessService,
    private readonly originals: EmailOriginals,
  ) {}

  @Authenticated()
  @Get('moderation/posts/:id/email')
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<EmailOriginalDto> {
    const { post, category } = await this.lookup.post(caller, id);
    if (!this.access.can(caller, { action: 'moderation.act', category })) throw new ForbiddenError('You are not allowed to do this');
    const original = post.viaEmail ? await this.originals.forPost(post.id) : null;
    if (!original) throw new NotFoundError();
    const cut = original.raw.length > MAX_SOURCE_BYTES;
    return {
      postId: post.id,
      receivedAt: original.receivedAt.toISOString(),
      source: original.raw.subarray(0, MAX_SOURCE_BYTES).toString('utf8') + (cut ? '\n[…]' : ''),
    };
  }
}
