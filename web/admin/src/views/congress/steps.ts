// The congress pages' one-click steps (open a session, close a vote …): a confirmation that names
// the step, the call, a toast, and the page reloads what changed.
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { showError } from '../../composables/errors';

export function useCongressStep() {
  const { t } = useI18n();
  /** `message`: the confirmation's text (already translated); resolves true when it ran. */
  return async function step(message: string, label: string, run: () => Promise<unknown>): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, t('common.confirmTitle'), {
        type: 'warning',
        confirmButtonText: label,
        cancelButtonText: t('common.cancel'),
      });
    } catch {
      return false;
    }
    try {
      // a run that answers false has said what happened itself
      if ((await run()) !== false) ElMessage.success(t('congress.hint.done'));
      return true;
    } catch (err) {
      showError(err);
      return false;
    }
  };
}
