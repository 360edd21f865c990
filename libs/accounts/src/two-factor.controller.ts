import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import type { RecoveryCodesDto, TwoFactorSetupDto } from '@harbour/contracts';
import { TwoFactorConfirmDto, TwoFactorDisableDto, TwoFactorStartDto } from './two-factor.dtos';
import { TwoFactorService } from './two-factor.service';

/** The member's own two-factor set-up. Securing one's account changes nothing others see: allowed while silenced. */
@ApiTags('accounts')
@Controller('me/2fa')
@Authenticated()
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Post()
  @HttpCode(200)
  @EvenWhenSilenced()
  setup(@CurrentCaller() caller: Caller, @Body() dto: TwoFactorStartDto): Promise<TwoFactorSetupDto> {
    return this.twoFactor.setup(caller, dto.password);
  }

  @Post('confirm')
  @HttpCode(200)
  @EvenWhenSilenced()
  confirm(@CurrentCaller() caller: Caller, @Body() dto: TwoFactorConfirmDto): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirm(caller, dto.code);
  }

  @Delete()
  @HttpCode(204)
  @EvenWhenSilenced()
  disable(@CurrentCaller() caller: Caller, @Body() dto: TwoFactorDisableDto): Promise<void> {
    return this.twoFactor.disable(caller, dto.password, dto.code);
  }
}
