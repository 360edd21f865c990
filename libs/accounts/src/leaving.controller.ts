import { Body, Controller, Delete, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, EvenWhenSilenced, type Caller } from '@harbour/access';
import { AdminDeleteUserDto, DeleteMeDto, ExportMeDto } from './leaving.dtos';
import { LeavingService } from './leaving.service';

/** Taking one's data out and leaving. A sanction never takes that away: allowed while silenced. */
@ApiTags('accounts')
@Controller('me')
@Authenticated()
export class LeavingController {
  constructor(private readonly leaving: LeavingService) {}

  @Post('export')
  @HttpCode(200)
  @EvenWhenSilenced()
  @ApiProduces('application/zip')
  @Header('Cache-Control', 'no-store')
  async export(@CurrentCaller() caller: Caller, @Body() dto: ExportMeDto): Promise<StreamableFile> {
    // The zip's type and file name go on the file itself, not on the route: a refusal (400, 403) stays a JSON error.
    const zip = await this.leaving.export(caller, dto.password);
    return new StreamableFile(zip, {
      type: 'application/zip',
      disposition: 'attachment; filename="harbour-export.zip"',
      length: zip.length,
    });
  }

  @Delete()
  @HttpCode(204)
  @EvenWhenSilenced()
  deleteSelf(@CurrentCaller() caller: Caller, @Body() dto: DeleteMeDto): Promise<void> {
    return this.leaving.deleteSelf(caller, dto);
  }
}

/** An admin deletes an account at its member's request (a suspended member cannot sign in to do it). */
@ApiTags('admin')
@Controller('admin/users')
@Authenticated({ permission: 'admin.users' })
export class AdminLeavingController {
  constructor(private readonly leaving: LeavingService) {}

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() dto: AdminDeleteUserDto): Promise<void> {
    return this.leaving.deleteByAdmin(caller, id, dto.posts);
  }
}
