import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, type Caller } from '@harbour/access';
import type { MeDto } from '@harbour/contracts';
import { UpdateMeDto } from './account.dtos';
import { MeService } from './me.service';

@ApiTags('accounts')
@Controller('me')
@Authenticated()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  get(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.me.get(caller);
  }

  @Patch()
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.me.update(caller, dto);
  }
}
