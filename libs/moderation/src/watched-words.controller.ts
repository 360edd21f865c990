import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import type { WatchedWordDto } from '@harbour/contracts';
import { WatchedWordsService } from '@harbour/settings';
import { AddWatchedWordDto } from './moderation.dtos';

/** Admins manage the watched words; each change lands in the moderation log with the word. */
@ApiTags('moderation')
@Authenticated({ permission: 'admin.watchedWords' })
@Controller('admin/watched-words')
export class WatchedWordsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly words: WatchedWordsService,
  ) {}

  @Get()
  async list(): Promise<{ items: WatchedWordDto[] }> {
    return { items: await this.words.listWords() };
  }

  @Post()
  add(@CurrentCaller() caller: Caller, @Body() dto: AddWatchedWordDto): Promise<WatchedWordDto> {
    return this.dataSource.transaction(async (manager) => {
      const word = await this.words.addWord(manager, dto);
      await audit(manager, {
        actorId: caller.userId,
        action: 'watched_word.add',
        targetType: 'watched_word',
        targetId: word.id,
        reason: `${word.action}: ${word.word}`,
      });
      return word;
    });
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const word = await this.words.removeWord(manager, id);
      await audit(manager, {
        actorId: caller.userId,
        action: 'watched_word.remove',
        targetType: 'watched_word',
        targetId: word.id,
        reason: `${word.action}: ${word.word}`,
      });
    });
  }
}
