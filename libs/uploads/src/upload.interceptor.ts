import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { catchError, from, switchMap, throwError, type Observable } from 'rxjs';
import { InvalidInputError, PayloadTooLargeError } from '@harbour/common';
import { SettingsService } from '@harbour/settings';

const MB = 1024 * 1024;

/** Where this interceptor leaves the site's limit for multer's `limits` function to read, on the request. */
const LIMIT = Symbol('uploadMaxBytes');
type LimitedRequest = Request & { [LIMIT]?: number };

/**
 * Reads one multipart part named `file` into memory, refusing it (413) past the site's `uploadMaxMb` as soon
 * as that many bytes have arrived, not after the whole body. The limit is a setting admins change at run time,
 * so it is read per request and handed to multer through the request. UTF-8 file names are read as UTF-8.
 * Whatever else multer refuses (two files, an extra field, a part under another name, a body cut short or
 * without its boundary) is a 400 that names `file`, as every refusal of this route does.
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
          catchError((error: unknown) => throwError(() => refusal(error, uploadMaxMb))),
        );
      }),
    );
  }
}

/** multer's refusals in the API's words: Nest's own would say "Too many files" and name no field. */
function refusal(error: unknown, uploadMaxMb: number): unknown {
  if (error instanceof PayloadTooLargeException) {
    return new PayloadTooLargeError(`file is larger than this site's limit of ${uploadMaxMb} MB`);
  }
  if (error instanceof BadRequestException) {
    return new InvalidInputError('file must be sent alone, as the one part named file of a complete multipart/form-data body');
  }
  return error;
}
