import { client } from './client';
import type { Org, OrgInput, OrgStatus, Page } from './types';

const PAGE_SIZE = 1000;
const MAX_PAGES = 50;

/** Every org the caller can see, in tree order (the API pages at most 1000 at a time). */
async function listAllOrgs(): Promise<Org[]> {
  const all: Org[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await client.get<Page<Org>>('/api/orgs', { page, pageSize: PAGE_SIZE });
    all.push(...res.items);
    if (all.length >= res.total || res.items.length === 0) break;
  }
  return all;
}

export const orgApi = {
  listAll: listAllOrgs,
  get: (id: number) => client.get<Org>(`/api/orgs/${id}`),
  create: (input: OrgInput) => client.post<Org>('/api/orgs', input),
  update: (id: number, input: Partial<OrgInput>) => client.patch<Org>(`/api/orgs/${id}`, input),
  setStatus: (id: number, status: OrgStatus) => client.patch<Org>(`/api/orgs/${id}`, { status }),
  move: (id: number, parentId: number) => client.post<Org>(`/api/orgs/${id}/move`, { parentId }),
  remove: (id: number) => client.del<void>(`/api/orgs/${id}`),
};
