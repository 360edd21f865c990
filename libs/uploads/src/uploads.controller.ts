import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, CurrentCaller, Public, type Caller } from '@harbour/access';
import type { UploadDto } from '@harbour/contracts';
import { contentDisposition } from './upload-name';
import { UploadInterceptor } from './upload.interceptor';
import { UploadsService, type ReceivedFile } from './uploads.service';

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
  file(
    @CurrentCaller() caller: Caller | null,
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.send(caller, id, 'file', request, response);
  }

  /** A picture's small version (what posts show inline); a document's is the document itself. */
  @Public()
  @Get(':id/thumbnail')
  thumbnail(
    @CurrentCaller() caller: Caller | null,
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.send(caller, id, 'thumbnail', request, response);
  }

  /**
   * Every file: no browser may sniff it as another type or run anything in it (a document opened on its own
   * gets no script, style, frame or form), and a document always downloads. A file only some may see is kept
   * by no cache at all. A public one is kept by the reader's browser but asked about again each time (a 304
   * costs no bytes): moving its topic into a private space must take it away at once, even from a browser
   * that fetched it before. Never by a shared cache.
   */
  private async send(
    caller: Caller | null,
    id: string,
    variant: 'file' | 'thumbnail',
    request: Request,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    const opened = await this.uploads.open(caller, id);
    const { upload } = opened;
    const etag = `"${upload.id}-${variant}"`;
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    response.setHeader('Content-Disposition', contentDisposition(upload.family === 'picture' ? 'inline' : 'attachment', upload.name));
    if (!opened.public) {
      response.setHeader('Cache-Control', 'private, no-store');
    } else {
      response.setHeader('Cache-Control', 'private, no-cache');
      response.setHeader('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        response.status(304);
        return undefined;
      }
    }
    const bytes = await this.uploads.bytes(opened, variant);
    const type = variant === 'thumbnail' && upload.family === 'picture' ? 'image/webp' : upload.contentType;
    return new StreamableFile(bytes, { type, length: bytes.length });
  }
}
