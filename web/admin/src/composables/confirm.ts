// A console step that asks first and reports after: the confirm box, then the call, its success
// toast and the reload that shows its effect; a failure becomes a toast (errors.showError).
import { ElMessage, ElMessageBox } from 'element-plus';
import { i18n } from '../i18n';
import { showError } from './errors';

export interface ConfirmOptions {
  /** The box's title (请确认 unless told). */
  title?: string;
  /** warning unless told. */
  type?: 'info' | 'warning' | 'error';
  /** The confirm button's text (确定 unless told). */
  ok?: string;
}

/** Asks the user to confirm `message`; resolves whether they did. */
export function confirmed(message: string, options: ConfirmOptions = {}): Promise<boolean> {
  const { t } = i18n.global;
  return ElMessageBox.confirm(message, options.title ?? t('common.confirmTitle'), {
    type: options.type ?? 'warning',
    confirmButtonText: options.ok ?? t('common.ok'),
    cancelButtonText: t('common.cancel'),
  }).then(
    () => true,
    () => false,
  );
}

/** Runs `step`, then toasts `done` and awaits `after` (e.g. a reload); resolves whether it all went through. */
export async function runStep(step: () => Promise<unknown>, done: string, after?: () => unknown): Promise<boolean> {
  try {
    await step();
    ElMessage.success(done);
    await after?.();
    return true;
  } catch (err) {
    showError(err);
    return false;
  }
}
