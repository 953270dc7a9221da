// Who is signed in. The router checks it once per page load; a 401 anywhere clears it.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { authApi, type LoginBody } from '../api/auth';
import { isUnauthenticated } from '../api/client';
import type { LoginResult, Me } from '../api/types';

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const checked = ref(false);

  /** Loads the current member; null when nobody is signed in. Other errors propagate. */
  async function refresh(): Promise<Me | null> {
    try {
      me.value = await authApi.me();
    } catch (err) {
      if (!isUnauthenticated(err)) throw err;
      me.value = null;
    }
    checked.value = true;
    return me.value;
  }

  async function login(body: LoginBody): Promise<LoginResult> {
    const result = await authApi.login(body);
    me.value = result.me;
    checked.value = true;
    return result;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } catch (err) {
      if (!isUnauthenticated(err)) throw err;
    }
    clear();
  }

  function clear(): void {
    me.value = null;
    checked.value = true;
  }

  return { me, checked, refresh, login, logout, clear };
});
