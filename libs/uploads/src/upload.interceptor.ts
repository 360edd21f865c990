import { Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { catchError, from, switchMap, throwError, type Observable } from 'rxjs';
import { PayloadTooLargeError } from '@harbour/common';
import { SettingsService } from '@harbour/settings';

const MB = 1024 * 1024;

/** Where this interceptor leaves the site's limit for multer's `limits` function to read, on the request. */
const LIMIT = Symbol('uploadMaxBytes');
type LimitedRequest = Request & { [LIMIT]?: number };

/**
 * Reads one multipart part named `file` into memory, refusing it (413) past the site's `uploadMaxMb` as soon
 * as that many bytes have arrived, not after the whole body. The limit is a setting admins change at run time,
 * so it is read per request and handed to multer through the request. UTF-8 file names are read as UTF-8.
 */
const Multipart = FileInterceptor('file', {
  defParamCharset: 'utf8',
  limits: (request: LimitedRequest) => ({ fileSize: request[LIMIT] ?? MB, files: 1, fields: 0, parts: 1 }),
});

@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly multipart = new Multipart();

  constructor(private readonly settings: SettingsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    return from(this.settings.get()).pipe(
      switchMap(({ uploadMaxMb }) => {
        request[LIMIT] = uploadMaxMb * MB;
        return from(this.multipart.intercept(context, next)).pipe(
          switchMap((handled: Observable<unknown>) => handled),
          catchError((error: unknown) =>
            throwError(() =>
              error instanceof PayloadTooLargeException
                ? new PayloadTooLargeError(`file is larger than this site's limit of ${uploadMaxMb} MB`)
                : error,
            ),
          ),
        );
      }),
    );
  }
}
