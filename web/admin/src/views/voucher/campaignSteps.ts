// Publish and close a campaign, each after a confirmation that says what it means.
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { voucherApi, type Campaign } from '../../api/voucher';
import { showError } from '../../composables/errors';

export function useCampaignSteps(done: () => unknown) {
  const { t } = useI18n();
  return async function step(c: Campaign, action: 'publish' | 'close'): Promise<void> {
    try {
      await ElMessageBox.confirm(t(`voucher.hint.${action}Confirm`, { name: c.name }), t('common.confirmTitle'), {
        type: action === 'close' ? 'warning' : 'info',
        confirmButtonText: t(`voucher.action.${action}`),
        cancelButtonText: t('common.cancel'),
      });
    } catch {
      return;
    }
    try {
      await voucherApi.step(c.id, action);
      ElMessage.success(t('voucher.hint.done'));
      await done();
    } catch (err) {
      showError(err);
    }
  };
}
