import { useMutation } from '@tanstack/react-query';
import type { ErrorDto, PasswordBody } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith('harbour_csrf='))
    ?.slice('harbour_csrf='.length);
}

/** `POST /api/me/export`: the zip itself (not JSON), so it is fetched here rather than through `api`. */
async function exportData(body: PasswordBody): Promise<Blob> {
  const csrf = csrfToken();
  const response = await fetch('/api/me/export', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/zip', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => null)) as ErrorDto | null);
  return response.blob();
}

/** Hands the zip to the browser as a download, without it ever leaving this origin. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useExportData() {
  return useMutation({ mutationFn: exportData });
}
