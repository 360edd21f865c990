import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, EvenWhenSilenced, CurrentCaller, Public, type Caller } from '@harbour/access';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import type { AuthResultDto, PendingRegistrationDto } from '@harbour/contracts';
import { LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RegisterDto } from './account.dtos';
import { AuthService, type ClientInfo } from './auth.service';
import { Client } from './client-info.decorator';
import { PasswordResetService } from './password-reset.service';
import { clearSessionCookies, setSessionCookies } from './session-cookies';
import { SessionsService } from './sessions.service';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly passwordReset: PasswordResetService,
    @Inject(HARBOUR_CONFIG) config: HarbourConfig,
  ) {
    this.secureCookies = config.publicUrl.startsWith('https:');
  }

  @Public()
  @Post('register')
  @ApiAcceptedResponse({
    description: 'Registered, waiting for the emailed link (`verify_email`) or for an admin to approve (`pending`)',
    schema: { $ref: getSchemaPath('PendingRegistrationDto') },
  })
  async register(
    @Body() dto: RegisterDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthResultDto | PendingRegistrationDto> {
    const result = await this.auth.register(dto, client);
    if ('token' in result) setSessionCookies(response, result.token, this.secureCookies);
    else response.status(202);
    return result;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Client() client: ClientInfo, @Res({ passthrough: true }) response: Response): Promise<AuthResultDto> {
    const result = await this.auth.login(dto, client);
    setSessionCookies(response, result.token, this.secureCookies);
    return result;
  }

  @Authenticated()
  @EvenWhenSilenced()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.revoke(caller);
    clearSessionCookies(response, this.secureCookies);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto, @Client() client: ClientInfo): Promise<void> {
    await this.passwordReset.request(dto.email, client.address);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.passwordReset.confirm(dto.token, dto.password);
  }
}
