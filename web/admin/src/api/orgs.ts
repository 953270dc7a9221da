import { api, ok } from './client';
import type { Org, OrgInput, OrgStatus } from './types';

const PAGE_SIZE = 1000;
const MAX_PAGES = 50;
const at = (id: number) => ({ params: { path: { id } } });

/** Every org the caller can see, in tree order (the API pages at most 1000 at a time). */
async function listAllOrgs(): Promise<Org[]> {
  const all: Org[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await ok(api.GET('/api/orgs', { params: { query: { page, pageSize: PAGE_SIZE } } }));
    all.push(...res.items);
    if (all.length >= res.total || res.items.length === 0) break;
  }
  return all;
}

export const orgApi = {
  listAll: listAllOrgs,
  get: (id: number) => ok(api.GET('/api/orgs/{id}', at(id))),
  // A missing parent goes to the server, which answers with the form's field error.
  create: (input: Omit<OrgInput, 'parentId'> & { parentId?: number }) =>
    ok(api.POST('/api/orgs', { body: input as OrgInput })),
  update: (id: number, input: Partial<OrgInput>) => ok(api.PATCH('/api/orgs/{id}', { ...at(id), body: input })),
  setStatus: (id: number, status: OrgStatus) => ok(api.PATCH('/api/orgs/{id}', { ...at(id), body: { status } })),
  move: (id: number, parentId: number) => ok(api.POST('/api/orgs/{id}/move', { ...at(id), body: { parentId } })),
  remove: (id: number) => ok(api.DELETE('/api/orgs/{id}', at(id))),
};
