import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import type { PushKeyDto, PushSubscriptionCreatedDto } from '@harbour/contracts';
import { PushSubscriptionDto } from './push.dtos';
import { PushService } from './push.service';

@ApiTags('push')
@Controller('push')
export class PushController {
  constructor(private readonly push: PushService) {}

  /** The application server key is public by nature (every subscribing browser is given it). */
  @Public()
  @Get('key')
  key(): Promise<PushKeyDto> {
    return this.push.key();
  }

  @Authenticated()
  @Post('subscriptions')
  @HttpCode(201)
  @EvenWhenSilenced()
  subscribe(@CurrentCaller() caller: Caller, @Body() dto: PushSubscriptionDto): Promise<PushSubscriptionCreatedDto> {
    return this.push.subscribe(caller, dto);
  }

  @Authenticated()
  @Delete('subscriptions/:id')
  @HttpCode(204)
  @EvenWhenSilenced()
  unsubscribe(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    return this.push.unsubscribe(caller, id);
  }
}
