import type { ErrorDto } from '@harbour/contracts';

/** An error answer from the API, with its messages split by the field they name. */
export class ApiError extends Error {
  readonly messages: string[];
  /** The password was right; the account asks for its two-factor code. */
  readonly totpRequired: boolean;
  constructor(
    readonly status: number,
    body: ErrorDto | null,
  ) {
    const messages = body ? (Array.isArray(body.message) ? body.message : [body.message]) : [];
    super(messages.join('; ') || `HTTP ${status}`);
    this.messages = messages;
    this.totpRequired = body?.totpRequired === true;
  }

  /** Messages that start with the field's name ("password must be …"), as the server writes them. */
  forField(field: string): string[] {
    return this.messages.filter((message) => message.startsWith(`${field} `));
  }
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** Calls the API on this origin with the session cookie, passing the CSRF token on every write. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) });
}

/** Sends a body that is not JSON (a CSV import), with the same session, CSRF and error handling. */
export function apiText<T>(method: string, path: string, text: string, type: string): Promise<T> {
  return send<T>(method, path, { type, text });
}

async function send<T>(method: string, path: string, body?: { type: string; text: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = body.type;
  const csrf = readCookie('harbour_csrf');
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body?.text,
  });
  if (response.status === 204 || response.status === 202) {
    return (response.headers.get('content-type')?.includes('json') ? await response.json() : undefined) as T;
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data as ErrorDto | null);
  return data as T;
}

/**
 * Sends a multipart form (a file: the browser writes its Content-Type with the boundary) with XMLHttpRequest,
 * the one browser API that reports upload progress (fetch does not):
 * the same session cookie, CSRF header and errors as `api`. A lost connection rejects with an ApiError of status 0.
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, `/api${path}`);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    const csrf = readCookie('harbour_csrf');
    if (csrf) request.setRequestHeader('X-CSRF-Token', csrf);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(request.responseText);
      } catch {
        // An answer that is not JSON (a proxy's error page) carries no message to show.
      }
      if (request.status >= 200 && request.status < 300) resolve(data as T);
      else reject(new ApiError(request.status, data as ErrorDto | null));
    };
    request.onerror = () => reject(new ApiError(0, null));
    request.send(form);
  });
}
