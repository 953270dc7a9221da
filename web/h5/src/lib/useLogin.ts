// What the login forms share: submit, refuse an account of the wrong kind (a staff account on the
// member tabs, anything but a merchant on the merchant tab), collect field errors, move on.
import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { showSuccessToast, showToast } from 'vant';
import 'vant/es/toast/style';
import type { LoginBody } from '../api/auth';
import { useSessionStore } from '../stores/session';
import { fieldErrors, toastError } from './feedback';

export function useLogin(onDone: () => void) {
  const session = useSessionStore();
  const { t } = useI18n();
  const submitting = ref(false);
  const errors = reactive<Record<string, string>>({});

  function clearError(field: string): void {
    delete errors[field];
  }

  async function submit(body: LoginBody, kind: 'member' | 'merchant' = 'member'): Promise<void> {
    submitting.value = true;
    for (const key of Object.keys(errors)) delete errors[key];
    try {
      const result = await session.login(body);
      if (result.next !== 'done' || result.me.kind !== kind) {
        await session.logout().catch(() => undefined);
        showToast(t(kind === 'merchant' ? 'login.notMerchant' : 'login.notMember'));
        return;
      }
      showSuccessToast(t('login.success'));
      onDone();
    } catch (err) {
      Object.assign(errors, fieldErrors(err));
      toastError(err);
    } finally {
      submitting.value = false;
    }
  }

  return { submitting, errors, clearError, submit };
}

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}
