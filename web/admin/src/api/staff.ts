import { client } from './client';
import type { Grant, Page, Permission, Role, Staff, StaffCreateInput, StaffStatus, StaffUpdateInput } from './types';

export interface StaffQuery {
  q?: string;
  orgId?: number;
  status?: StaffStatus | '';
  page: number;
  pageSize: number;
}

export const staffApi = {
  list: (query: StaffQuery) => client.get<Page<Staff>>('/api/staff', { ...query }),
  get: (id: number) => client.get<Staff>(`/api/staff/${id}`),
  create: (input: StaffCreateInput) => client.post<Staff>('/api/staff', input),
  update: (id: number, input: StaffUpdateInput) => client.patch<Staff>(`/api/staff/${id}`, input),
  resetPassword: (id: number, newPassword: string) => client.post<void>(`/api/staff/${id}/password`, { newPassword }),
  unlock: (id: number) => client.post<void>(`/api/staff/${id}/unlock`),
  addGrant: (id: number, roleCode: string, orgId: number) =>
    client.post<Grant>(`/api/staff/${id}/grants`, { roleCode, orgId }),
  revokeGrant: (id: number, grantId: number) => client.del<void>(`/api/staff/${id}/grants/${grantId}`),
};

export const roleApi = {
  list: async (): Promise<Role[]> => {
    const res = await client.get<Role[] | Page<Role>>('/api/roles', { page: 1, pageSize: 100 });
    return Array.isArray(res) ? res : res.items;
  },
  setMfaRequired: (code: string, mfaRequired: boolean) =>
    client.patch<Role>(`/api/roles/${encodeURIComponent(code)}`, { mfaRequired }),
  listPermissions: async (): Promise<Permission[]> =>
    (await client.get<{ items: Permission[] }>('/api/permissions')).items,
};
