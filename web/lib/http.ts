// The one fetch wrapper both web apps use. It speaks the API's contracts: JSON bodies, the
// session cookie, and the error shape {"error":{"code","message","details":[{path,message}]}}.
export interface ApiErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  /** True when the server stopped counting at `total` (shown as "10,000+"). */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

let currentLang = 'zh-CN';
/** The UI language, sent as Accept-Language so server messages come back in it. */
export function setApiLanguage(lang: string): void {
  currentLang = lang;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': currentLang };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(withQuery(path, query), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? 'HTTP_' + res.status, err?.message ?? res.statusText, err?.details ?? []);
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => api<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => api<T>('PUT', path, body),
  del: <T>(path: string) => api<T>('DELETE', path),
};
