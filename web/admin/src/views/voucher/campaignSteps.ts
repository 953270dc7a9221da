// Publish and close a campaign, each after a confirmation that says what it means.
import { useI18n } from 'vue-i18n';
import { voucherApi, type Campaign } from '../../api/voucher';
import { confirmed, runStep } from '../../composables/confirm';

export function useCampaignSteps(done: () => unknown) {
  const { t } = useI18n();
  return async function step(c: Campaign, action: 'publish' | 'close'): Promise<void> {
    const message = t(`voucher.hint.${action}Confirm`, { name: c.name });
    if (
      !(await confirmed(message, { type: action === 'close' ? 'warning' : 'info', ok: t(`voucher.action.${action}`) }))
    )
      return;
    await runStep(() => voucherApi.step(c.id, action), t('voucher.hint.done'), done);
  };
}
