// Roles and the labels of permissions, shared by the roles tab and the grant dialog.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { roleApi } from '../api/staff';
import type { Permission, Role } from '../api/types';
import { currentLocale } from '../i18n';

export const useRoleStore = defineStore('roles', () => {
  const roles = ref<Role[]>([]);
  const permissions = ref<Map<string, Permission>>(new Map());
  const loading = ref(false);
  let loaded = false;

  async function load(force = false): Promise<void> {
    if (loaded && !force) return;
    loading.value = true;
    try {
      const [r, p] = await Promise.all([roleApi.list(), roleApi.listPermissions().catch(() => [])]);
      roles.value = r;
      permissions.value = new Map(p.map((x) => [x.code, x]));
      loaded = true;
    } finally {
      loading.value = false;
    }
  }

  function replace(role: Role): void {
    const i = roles.value.findIndex((r) => r.code === role.code);
    if (i >= 0) roles.value.splice(i, 1, role);
  }

  function roleName(name: string, nameEn: string): string {
    return currentLocale.value === 'en' ? nameEn || name : name;
  }

  function permissionLabel(code: string): string {
    const p = permissions.value.get(code);
    if (!p) return code;
    return currentLocale.value === 'en' ? p.en : p.zh;
  }

  return { roles, loading, load, replace, roleName, permissionLabel };
});
