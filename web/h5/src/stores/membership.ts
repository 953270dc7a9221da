// Whether the signed-in person is a union member, and their record. The home grid decides from it
// which entries to show (入会申请 to non-members; card, information and transfer to members).
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { membersApi, type Member } from '../api/members';
import { useSessionStore } from './session';

/** `unknown` until the first answer; `error` when the server could not say. */
export type MembershipState = 'unknown' | 'member' | 'none' | 'error';

export const useMembershipStore = defineStore('membership', () => {
  const session = useSessionStore();
  const member = ref<Member | null>(null);
  const state = ref<MembershipState>('unknown');
  let pending: Promise<Member | null> | null = null;

  /** Asks the server again; 404 means "not a member yet". Errors propagate after marking the state. */
  function refresh(): Promise<Member | null> {
    pending ??= membersApi
      .myMember()
      .then((m) => {
        member.value = m;
        state.value = m ? 'member' : 'none';
        return m;
      })
      .catch((err: unknown) => {
        if (state.value === 'unknown') state.value = 'error';
        throw err;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function reset(): void {
    member.value = null;
    state.value = 'unknown';
  }

  // Another person signing in on this device must not see the previous one's membership.
  watch(
    () => session.me?.id,
    (now, before) => {
      if (now !== before) reset();
    },
  );

  /** Has a record that is (or is becoming) someone else's: a card and a transfer make sense. */
  const isActiveMember = computed(
    () => member.value !== null && (member.value.status === 'active' || member.value.status === 'transferring'),
  );

  return { member, state, isActiveMember, refresh, reset };
});
