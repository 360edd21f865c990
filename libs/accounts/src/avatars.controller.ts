import { Controller, Delete, Get, Param, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { Authenticated, CurrentCaller, EvenWhenSilenced, Public, type Caller } from '@harbour/access';
import { Optional } from '@harbour/common';
import type { AvatarQuery, Exactly, MeDto } from '@harbour/contracts';
import { AVATAR_MAX_BYTES } from './avatar-image';
import { AvatarsService, type AvatarImage } from './avatars.service';

export class AvatarQueryDto implements Exactly<AvatarQuery, AvatarQueryDto> {
  @Optional() @Type(() => Number) @IsInt() @Min(-2_147_483_647) @Max(2_147_483_647) v?: number;
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(1024) size?: number;
}

/** The one part an avatar upload carries; multer's other fields are not used. */
interface UploadedPicture {
  buffer: Buffer;
}

/** Over the limit is a 413 before the rest is read; any other part or field is refused. */
const UPLOAD = FileInterceptor('file', { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 0, parts: 1 } });

@ApiTags('accounts')
@Controller()
export class AvatarsController {
  constructor(private readonly avatars: AvatarsService) {}

  @Authenticated()
  @Put('me/avatar')
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  upload(@CurrentCaller() caller: Caller, @UploadedFile() file: UploadedPicture | undefined): Promise<MeDto> {
    return this.avatars.upload(caller, file);
  }

  /** Taking one's picture down is allowed even while silenced: it only ever shows less of the member. */
  @Authenticated()
  @EvenWhenSilenced()
  @Delete('me/avatar')
  remove(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.avatars.remove(caller);
  }

  @Public()
  @Get('avatars/:userId')
  @ApiProduces('image/webp', 'image/svg+xml')
  async image(
    @CurrentCaller() caller: Caller | null,
    @Param('userId') userId: string,
    @Query() query: AvatarQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return send(response, await this.avatars.image(caller, userId, query));
  }
}

/**
 * An image no browser may run or sniff as anything else (an SVG opened on its own gets no script, style or
 * frame), kept by the member's own browser only, for good when its URL names the current version.
 */
function send(response: Response, image: AvatarImage): StreamableFile {
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', image.current ? 'private, max-age=31536000, immutable' : 'private, no-cache');
  return new StreamableFile(image.bytes, { type: image.type, length: image.bytes.length });
}
