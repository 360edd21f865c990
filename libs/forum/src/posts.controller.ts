import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import { PageQueryDto } from '@harbour/common';
import type { BookmarkDto, PageDto, PostDto, RevisionDto } from '@harbour/contracts';
import { BookmarksService } from './bookmarks.service';
import { PreviewDto, UpdatePostDto } from './forum.dtos';
import { renderMarkdown } from './markdown';
import { MemberStateService } from './member-state.service';
import { PostEditsService } from './post-edits.service';
import { PostsService } from './posts.service';

@ApiTags('forum')
@Controller()
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly edits: PostEditsService,
    private readonly memberState: MemberStateService,
    private readonly bookmarkPages: BookmarksService,
  ) {}

  @Public()
  @Get('posts/:id')
  get(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<PostDto> {
    return this.posts.get(caller, id);
  }

  @Authenticated()
  @Patch('posts/:id')
  update(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: UpdatePostDto): Promise<PostDto> {
    return this.edits.update(caller, id, dto);
  }

  @Public()
  @Get('posts/:id/revisions')
  revisions(@CurrentCaller() caller: Caller | null, @Param('id') id: string): Promise<{ items: RevisionDto[] }> {
    return this.posts.revisions(caller, id);
  }

  @Authenticated()
  @Delete('posts/:id')
  @HttpCode(204)
  delete(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.edits.delete(caller, id);
  }

  @Authenticated()
  @Put('posts/:id/reactions/:emoji')
  @HttpCode(204)
  react(@CurrentCaller() caller: Caller, @Param('id') id: string, @Param('emoji') emoji: string): Promise<void> {
    return this.memberState.react(caller, id, emoji, true);
  }

  @Authenticated()
  @Delete('posts/:id/reactions/:emoji')
  @HttpCode(204)
  unreact(@CurrentCaller() caller: Caller, @Param('id') id: string, @Param('emoji') emoji: string): Promise<void> {
    return this.memberState.react(caller, id, emoji, false);
  }

  @Authenticated()
  @Put('posts/:id/bookmark')
  @HttpCode(204)
  bookmark(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.memberState.bookmark(caller, id, true);
  }

  @Authenticated()
  @Delete('posts/:id/bookmark')
  @HttpCode(204)
  unbookmark(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.memberState.bookmark(caller, id, false);
  }

  /** The composer's preview: exactly the HTML the post would get. */
  @Authenticated()
  @Post('posts/preview')
  @HttpCode(200)
  preview(@Body() dto: PreviewDto): { html: string } {
    return { html: renderMarkdown(dto.body) };
  }

  @Authenticated()
  @Get('bookmarks')
  bookmarks(@CurrentCaller() caller: Caller, @Query() query: PageQueryDto): Promise<PageDto<BookmarkDto>> {
    return this.bookmarkPages.page(caller, query);
  }
}
