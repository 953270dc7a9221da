import { api, ok } from './client';
import type { Permission, Role, StaffCreateInput, StaffStatus, StaffUpdateInput } from './types';

export interface StaffQuery {
  q?: string;
  orgId?: number;
  status?: StaffStatus | '';
  page: number;
  pageSize: number;
}

const at = (id: number) => ({ params: { path: { id } } });

export const staffApi = {
  list: ({ status, ...query }: StaffQuery) =>
    ok(api.GET('/api/staff', { params: { query: { ...query, status: status || undefined } } })),
  get: (id: number) => ok(api.GET('/api/staff/{id}', at(id))),
  create: (input: StaffCreateInput) => ok(api.POST('/api/staff', { body: input })),
  update: (id: number, input: StaffUpdateInput) => ok(api.PATCH('/api/staff/{id}', { ...at(id), body: input })),
  resetPassword: (id: number, newPassword: string) =>
    ok(api.POST('/api/staff/{id}/password', { ...at(id), body: { newPassword } })),
  unlock: (id: number) => ok(api.POST('/api/staff/{id}/unlock', at(id))),
  addGrant: (id: number, roleCode: string, orgId: number) =>
    ok(api.POST('/api/staff/{id}/grants', { ...at(id), body: { roleCode, orgId } })),
  revokeGrant: (id: number, grantId: number) =>
    ok(api.DELETE('/api/staff/{id}/grants/{grantId}', { params: { path: { id, grantId } } })),
};

export const roleApi = {
  list: async (): Promise<Role[]> => {
    const res = await ok(api.GET('/api/roles', { params: { query: { page: 1, pageSize: 100 } } }));
    return Array.isArray(res) ? res : res.items;
  },
  setMfaRequired: (code: string, mfaRequired: boolean) =>
    ok(api.PATCH('/api/roles/{code}', { params: { path: { code } }, body: { mfaRequired } })),
  listPermissions: async (): Promise<Permission[]> => (await ok(api.GET('/api/permissions'))).items,
};
