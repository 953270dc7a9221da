// Turning API errors into what the user sees: field errors under form items, a toast otherwise.
import { reactive, ref } from 'vue';
import { ElMessage, type FormInstance } from 'element-plus';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';

/** The form field a detail path names: "body.code" → "code", "/newPassword" → "newPassword". */
export function fieldOf(path: string): string {
  const parts = path.split(/[./]/).filter((p) => p && !/^\d+$/.test(p) && p !== 'body');
  return parts[parts.length - 1] ?? '';
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18n.global.t('common.networkError');
}

/** Shows an error as a toast, unless it is a lost session (the router already sends the user to sign-in). */
export function showError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401 && err.code === 'UNAUTHENTICATED') return;
  ElMessage.error({ message: errorText(err), grouping: true });
}

export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({});

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  /** Puts an API error's details under the fields they name; returns whether any field matched. */
  function apply(err: unknown, fields: readonly string[]): boolean {
    clear();
    if (!(err instanceof ApiError)) return false;
    let matched = false;
    for (const d of err.details) {
      const field = fieldOf(d.path);
      if (!fields.includes(field)) continue;
      // A detail that carries only the error's code reads better as the error's own message.
      const message = /^[A-Z][A-Z0-9_]+$/.test(d.message) ? err.message : d.message;
      errors[field] = errors[field] ? `${errors[field]}；${message}` : message;
      matched = true;
    }
    return matched;
  }

  /** Field errors where they belong, and the error's message as a toast. */
  function handle(err: unknown, fields: readonly string[]): void {
    apply(err, fields);
    showError(err);
  }

  return { errors, clear, apply, handle };
}

/** A form's save: shows `saving` while it runs and puts a failure's details under the fields. */
export function useFormSave(fields: readonly string[]) {
  const saving = ref(false);
  const { errors, clear, handle } = useFieldErrors();

  /** `onError` sees a failure first (e.g. to place errors of nested fields). */
  async function run(save: () => Promise<void>, onError?: (err: unknown) => void): Promise<void> {
    saving.value = true;
    clear();
    try {
      await save();
    } catch (err) {
      onError?.(err);
      handle(err, fields);
    } finally {
      saving.value = false;
    }
  }

  return { saving, errors, clear, run };
}

/** Whether a form's rules pass (they show their messages under the fields when not). */
export async function isValid(form: FormInstance | undefined): Promise<boolean> {
  return !!form && (await form.validate().catch(() => false));
}
