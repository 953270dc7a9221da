// The console's door to the API: the shared fetch wrapper, plus one rule — a 401 that is not a
// wrong password or code means the session is gone, so the console returns to sign-in.
import { ApiError, http } from '../../../lib/http';

export { ApiError, setApiLanguage } from '../../../lib/http';

const CREDENTIAL_CODES = new Set(['INVALID_CREDENTIALS', 'INVALID_CODE', 'INVALID_TOTP']);

let onUnauthorized: () => void = () => undefined;

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function guard<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && !CREDENTIAL_CODES.has(err.code)) onUnauthorized();
    throw err;
  }
}

type Query = Parameters<typeof http.get>[1];

export const client = {
  get: <T>(path: string, query?: Query) => guard(http.get<T>(path, query)),
  post: <T>(path: string, body?: unknown) => guard(http.post<T>(path, body)),
  patch: <T>(path: string, body: unknown) => guard(http.patch<T>(path, body)),
  put: <T>(path: string, body: unknown) => guard(http.put<T>(path, body)),
  del: <T>(path: string) => guard(http.del<T>(path)),
};
