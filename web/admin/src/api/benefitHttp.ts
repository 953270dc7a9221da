// Requests of the benefit network screens (merchant, voucher) while their paths are not yet in the
// generated contract: the same rules as the typed client (session cookie, Accept-Language, ApiError
// on a non-2xx answer, a lost session back to sign-in) through its `send`.
import { send, toSearchParams, type Page } from '../../../lib/api/client';

export type { Page };
export type Paged<Q> = Q & { page: number; pageSize: number };

export async function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  opts: { query?: object; body?: object } = {},
): Promise<T> {
  const qs = opts.query ? toSearchParams(opts.query).toString() : '';
  const body = opts.body ?? (method === 'GET' ? undefined : {});
  const res = await send(qs ? `${path}?${qs}` : path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return (res.status === 204 ? undefined : await res.json()) as T;
}
