// Who is signed in. Loaded from /api/auth/me by the router guard; cleared on sign-out or a 401.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '../api/auth';
import type { Me } from '../api/types';

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const permissions = computed(() => new Set(me.value?.permissions ?? []));
  const isActive = computed(() => me.value?.session.state === 'active');

  function can(permission: string): boolean {
    return permissions.value.has(permission);
  }

  function canAny(list: readonly string[]): boolean {
    return list.length === 0 || list.some((p) => permissions.value.has(p));
  }

  function setMe(value: Me | null): void {
    me.value = value;
  }

  async function fetchMe(): Promise<Me> {
    const value = await authApi.getMe();
    me.value = value;
    return value;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      me.value = null;
    }
  }

  return { me, isActive, can, canAny, setMe, fetchMe, logout };
});
