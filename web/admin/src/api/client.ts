// The console's door to the API: the shared typed client (web/lib/api/client.ts). A lost session
// sends the console back to sign-in (router.ts sets the handler).
import { api, ok, type Schemas } from '../../../lib/api/client';
import type { Job } from './types';

export {
  api,
  ApiError,
  ok,
  setApiLanguage,
  setSessionLostHandler as setUnauthorizedHandler,
} from '../../../lib/api/client';

/** A background job. Its result's shape depends on its kind, which the contract leaves open. */
export async function getJob<R>(id: string): Promise<Job<R>> {
  const job: Schemas['Job'] = await ok(api.GET('/api/jobs/{id}', { params: { path: { id } } }));
  return job as Job<R>;
}
