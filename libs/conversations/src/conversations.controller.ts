import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { ConversationDto, MessageDto, PageDto } from '@harbour/contracts';
import {
  AddParticipantDto,
  ConversationsQueryDto,
  CreateConversationDto,
  EditMessageDto,
  MessagesQueryDto,
  ReadConversationDto,
  SendMessageDto,
} from './conversations.dtos';
import { ConversationsService } from './conversations.service';
import { MessagesService } from './messages.service';

@ApiTags('conversations')
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @Authenticated()
  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateConversationDto): Promise<ConversationDto> {
    return this.conversations.create(caller, dto);
  }

  @Authenticated()
  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: ConversationsQueryDto): Promise<PageDto<ConversationDto>> {
    return this.conversations.list(caller, query);
  }

  @Authenticated()
  @Get('unread-count')
  unreadCount(@CurrentCaller() caller: Caller): Promise<{ count: number }> {
    return this.conversations.unreadCount(caller);
  }

  @Authenticated()
  @Get(':id')
  get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ConversationDto> {
    return this.conversations.get(caller, id);
  }

  @Authenticated()
  @Get(':id/messages')
  messagesPage(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: MessagesQueryDto): Promise<PageDto<MessageDto>> {
    return this.messages.page(caller, id, query);
  }

  @Authenticated()
  @Post(':id/messages')
  send(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: SendMessageDto): Promise<MessageDto> {
    return this.messages.send(caller, id, dto);
  }

  @Authenticated()
  @Patch(':id/messages/:messageId')
  edit(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('messageId') messageId: string,
    @Body() dto: EditMessageDto,
  ): Promise<MessageDto> {
    return this.messages.edit(caller, id, messageId, dto);
  }

  /** Reading changes nothing others see: a silenced member keeps their inbox in order. */
  @Authenticated()
  @EvenWhenSilenced()
  @Put(':id/read')
  @HttpCode(204)
  read(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: ReadConversationDto): Promise<void> {
    return this.conversations.read(caller, id, dto.messageId);
  }

  @Authenticated()
  @Post(':id/participants')
  @HttpCode(204)
  add(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: AddParticipantDto): Promise<void> {
    return this.conversations.add(caller, id, dto);
  }

  /** Leaving is never a privilege a sanction takes away. */
  @Authenticated()
  @EvenWhenSilenced()
  @Delete(':id/participants/me')
  @HttpCode(204)
  leave(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.conversations.leave(caller, id);
  }
}
