import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import { EmailVerificationService } from './email-verification.service';
import { ChangeEmailDto, VerifyEmailDto } from './self-service.dtos';

/** The member's address: verifying it, sending the link again, moving to another one. */
@ApiTags('accounts')
@Controller()
export class EmailController {
  constructor(private readonly emails: EmailVerificationService) {}

  /** Anyone holding the link: it is the proof, and the member may not be able to sign in before it. */
  @Public()
  @Post('auth/verify-email')
  @HttpCode(204)
  verify(@Body() dto: VerifyEmailDto): Promise<void> {
    return this.emails.verify(dto.token);
  }

  /** Securing one's own account changes nothing others see: a silenced member may too. */
  @Authenticated()
  @EvenWhenSilenced()
  @Post('me/verify-email')
  @HttpCode(202)
  resend(@CurrentCaller() caller: Caller): Promise<void> {
    return this.emails.resend(caller);
  }

  @Authenticated()
  @EvenWhenSilenced()
  @Post('me/email')
  @HttpCode(202)
  change(@CurrentCaller() caller: Caller, @Body() dto: ChangeEmailDto): Promise<void> {
    return this.emails.requestChange(caller, dto);
  }
}
