import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type { SettingsDto, SiteDto } from '@harbour/contracts';
import { SettingsService, toSettingsDto, toSiteDto } from './settings.service';
import { UpdateSettingsDto } from './update-settings.dto';

@ApiTags('admin')
@Controller('admin/settings')
@Authenticated({ permission: 'admin.settings' })
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  async get(): Promise<SettingsDto> {
    return toSettingsDto(await this.settings.get());
  }

  @Patch()
  async update(@CurrentCaller() caller: Caller, @Body() patch: UpdateSettingsDto): Promise<SettingsDto> {
    return toSettingsDto(await this.settings.update(caller.userId, patch));
  }
}

@ApiTags('site')
@Controller('site')
export class SiteController {
  constructor(private readonly settings: SettingsService) {}

  /** What the client needs before sign-in: the site's name and how registration works. */
  @Public()
  @Get()
  async get(): Promise<SiteDto> {
    return toSiteDto(await this.settings.get());
  }
}
