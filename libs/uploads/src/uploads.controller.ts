import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type { UploadDto } from '@harbour/contracts';
import { contentDisposition } from './upload-name';
import { UploadInterceptor } from './upload.interceptor';
import { UploadsService, type ReceivedFile, type ServedFile } from './uploads.service';

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Authenticated()
  @Post()
  @HttpCode(201)
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  upload(@CurrentCaller() caller: Caller, @UploadedFile() file: ReceivedFile | undefined): Promise<UploadDto> {
    return this.uploads.upload(caller, file);
  }

  @Public()
  @Get(':id')
  async file(
    @CurrentCaller() caller: Caller | null,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return send(response, await this.uploads.serve(caller, id, 'file'));
  }

  /** A picture's small version (what posts show inline); a document's is the document itself. */
  @Public()
  @Get(':id/thumbnail')
  async thumbnail(
    @CurrentCaller() caller: Caller | null,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return send(response, await this.uploads.serve(caller, id, 'thumbnail'), 'thumbnail');
  }
}

/**
 * Every file: no browser may sniff it as another type or run anything in it (a document opened on its own
 * gets no script, style, frame or form), a document always downloads, and a file only members may see is
 * kept by no cache at all. A public one may be kept by the reader's own browser for an hour, never by a
 * shared cache: moving its topic into a private space must not leave copies behind.
 */
function send(response: Response, served: ServedFile, variant: 'file' | 'thumbnail' = 'file'): StreamableFile {
  const { upload, bytes } = served;
  const thumbnail = variant === 'thumbnail' && upload.family === 'picture';
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Cache-Control', served.public ? 'private, max-age=3600' : 'private, no-store');
  response.setHeader('Content-Disposition', contentDisposition(upload.family === 'picture' ? 'inline' : 'attachment', upload.name));
  return new StreamableFile(bytes, { type: thumbnail ? 'image/webp' : upload.contentType, length: bytes.length });
}
