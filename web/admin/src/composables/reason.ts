import type { FormItemRule } from 'element-plus';
import { i18n } from '../i18n';

/**
 * The rules of a reason (a TextareaField with prop `reason`): at most 200 characters; with `required` (the message key shown when
 * it is empty) also at least 2.
 */
export function reasonRules(required?: string): FormItemRule[] {
  const { t } = i18n.global;
  const message = () => t('member.reveal.reasonLength');
  if (!required) return [{ max: 200, message, trigger: 'blur' }];
  return [
    { required: true, message: () => t(required), trigger: 'blur' },
    { min: 2, max: 200, message, trigger: 'blur' },
  ];
}
