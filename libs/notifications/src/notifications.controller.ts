import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import type { NotificationDto, NotificationPreferencesDto, PageDto } from '@harbour/contracts';
import { MarkReadDto, NotificationsQueryDto, UnsubscribeDto, UpdatePreferencesDto } from './notifications.dtos';
import { NotificationsService } from './notifications.service';
import type { MailKind } from './unsubscribe-token';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: NotificationsQueryDto): Promise<PageDto<NotificationDto>> {
    return this.notifications.list(caller, query);
  }

  @Authenticated()
  @Get('unread-count')
  unreadCount(@CurrentCaller() caller: Caller): Promise<{ count: number }> {
    return this.notifications.unreadCount(caller);
  }

  @Authenticated()
  @Post('read')
  @HttpCode(204)
  @EvenWhenSilenced()
  markRead(@CurrentCaller() caller: Caller, @Body() dto: MarkReadDto): Promise<void> {
    return this.notifications.markRead(caller, dto);
  }

  @Authenticated()
  @Get('preferences')
  preferences(@CurrentCaller() caller: Caller): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(caller);
  }

  @Authenticated()
  @Patch('preferences')
  @EvenWhenSilenced()
  updatePreferences(@CurrentCaller() caller: Caller, @Body() dto: UpdatePreferencesDto): Promise<NotificationPreferencesDto> {
    return this.notifications.updatePreferences(caller, dto);
  }

  /** RFC 8058 one-click unsubscribe: the token is in the link (`?token=`) or in the JSON body. */
  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @EvenWhenSilenced()
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  unsubscribe(@Query() query: UnsubscribeDto, @Body() body: UnsubscribeDto): Promise<{ kind: MailKind; unsubscribed: true }> {
    return this.notifications.unsubscribe(query.token ?? body.token);
  }
}
