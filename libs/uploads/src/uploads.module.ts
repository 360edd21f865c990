import { Module } from '@nestjs/common';
import { AccountsModule } from '@harbour/accounts';
import { UploadsMemberData } from './member-data.repository';
import { UploadInterceptor } from './upload.interceptor';
import { UploadRepository } from './upload.repository';
import { UploadUses } from './upload-uses';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/**
 * Pictures and files. Forum and conversations sit above this module: they record which of their posts and
 * messages use which uploads and register how to answer for them (UploadUses); this module decides nothing
 * about posts or messages itself.
 */
@Module({
  imports: [AccountsModule],
  controllers: [UploadsController],
  providers: [UploadRepository, UploadUses, UploadsService, UploadInterceptor, UploadsMemberData],
  exports: [UploadRepository, UploadUses, UploadsService],
})
export class UploadsModule {}
