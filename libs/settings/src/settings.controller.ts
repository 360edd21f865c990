import { Body, Controller, Delete, Get, Patch, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import { Optional } from '@harbour/common';
import type { Exactly, SettingsDto, SiteDto, SiteLogoQuery } from '@harbour/contracts';
import { LOGO_MAX_BYTES } from './logo-image';
import { SettingsService, toSettingsDto, toSiteDto } from './settings.service';
import { SiteLogoService } from './site-logo.service';
import { UpdateSettingsDto } from './update-settings.dto';

export class SiteLogoQueryDto implements Exactly<SiteLogoQuery, SiteLogoQueryDto> {
  @Optional() @Type(() => Number) @IsInt() @Min(-2_147_483_647) @Max(2_147_483_647) v?: number;
}

/** Over the limit is a 413 before the rest is read; any other part or field is refused. */
const LOGO_UPLOAD = FileInterceptor('file', { limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });

@ApiTags('admin')
@Controller('admin/settings')
@Authenticated({ permission: 'admin.settings' })
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly logo: SiteLogoService,
  ) {}

  @Put('logo')
  @UseInterceptors(LOGO_UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  putLogo(@CurrentCaller() caller: Caller, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<SettingsDto> {
    return this.logo.put(caller.userId, file);
  }

  @Delete('logo')
  removeLogo(@CurrentCaller() caller: Caller): Promise<SettingsDto> {
    return this.logo.remove(caller.userId);
  }

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
  constructor(
    private readonly settings: SettingsService,
    private readonly logo: SiteLogoService,
  ) {}

  /** The logo, kept for good when the URL names the current version; a browser may never run or sniff it. */
  @Public()
  @Get('logo')
  @ApiProduces('image/webp')
  async logoImage(@Query() query: SiteLogoQueryDto, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const [bytes, settings] = await Promise.all([this.logo.image(), this.settings.get()]);
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', query.v === settings.logoVersion ? 'public, max-age=31536000, immutable' : 'no-cache');
    return new StreamableFile(bytes, { type: 'image/webp', length: bytes.length });
  }

  /** What the client needs before sign-in: the site's name and how registration works. */
  @Public()
  @Get()
  async get(): Promise<SiteDto> {
    return toSiteDto(await this.settings.get());
  }
}
