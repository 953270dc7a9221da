// The shared fetch wrapper (web/lib/http.ts) plus one H5 rule: a lost session anywhere sends the
// member back to the login page. Calls made before signing in use `http` directly.
import { ApiError, http } from '../../../lib/http';

let onUnauthenticated: () => void = () => undefined;

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function isUnauthenticated(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401 && err.code === 'UNAUTHENTICATED';
}

async function guard<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (isUnauthenticated(err)) onUnauthenticated();
    throw err;
  }
}

type Query = Parameters<typeof http.get>[1];

/** For signed-in calls. */
export const authed = {
  get: <T>(path: string, query?: Query) => guard(http.get<T>(path, query)),
  post: <T>(path: string, body?: unknown) => guard(http.post<T>(path, body)),
  patch: <T>(path: string, body: unknown) => guard(http.patch<T>(path, body)),
  del: <T>(path: string) => guard(http.del<T>(path)),
};
