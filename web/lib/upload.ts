// Multipart upload (one part `file`) with the same error shape as web/lib/http.ts.
import { ApiError, type ApiErrorDetail } from './http';

export async function uploadFile<T>(path: string, file: File, lang: string): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Accept-Language': lang }, body });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details ?? []);
  }
  return data as T;
}
