// Turning API errors into what the member sees: a toast, and messages under the fields they concern.
import { showToast } from 'vant';
import 'vant/es/toast/style';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18n.global.t('common.networkError');
}

/** Server field errors keyed by the last segment of their path ("body.phone" → "phone"). */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const d of err.details) {
    const key = d.path.split(/[./]/).filter(Boolean).pop() ?? '';
    if (key && !out[key]) out[key] = d.message;
  }
  return out;
}

export function toastError(err: unknown): void {
  showToast({ message: errorMessage(err), wordBreak: 'break-word', duration: 2500 });
}
