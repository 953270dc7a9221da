// Approve-or-reject on a review list (join requests, transfers, corrections): approving asks for
// confirmation first, rejecting opens ReasonDialog; either way the list is loaded again.
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { useWorkbenchStore } from '../stores/workbench';
import { showError } from './errors';
import type { RequestStatus } from '../api/types';

/** The tabs over a request list (join requests, corrections). */
export type RequestTab = Extract<RequestStatus, 'pending' | 'approved' | 'rejected'>;
export const REQUEST_TABS: readonly RequestTab[] = ['pending', 'approved', 'rejected'];

export interface ReviewSteps<T> {
  rows: Ref<T[]>;
  reload: () => Promise<void>;
  /** The question before approving, the approve button's text and the message after it. */
  confirm: (row: T) => { message: string; button: string; done: string };
  approve: (row: T) => Promise<unknown>;
  reject: (row: T, reason: string) => Promise<unknown>;
  rejected: (row: T) => string;
}

export function useReview<T extends { id: number }>(steps: ReviewSteps<T>) {
  const { t } = useI18n();
  const busyId = ref<number | null>(null);
  const rejecting: Ref<T | null> = ref(null);
  const rejectOpen = ref(false);
  const find = (id: number) => steps.rows.value.find((r) => r.id === id) ?? null;
  // a decision takes an item off the caller's pending work: the badges and the bell follow at once
  const work = useWorkbenchStore();

  async function approve(id: number): Promise<void> {
    const row = find(id);
    if (!row) return;
    const text = steps.confirm(row);
    try {
      await ElMessageBox.confirm(text.message, t('common.confirmTitle'), {
        type: 'info',
        confirmButtonText: text.button,
        cancelButtonText: t('common.cancel'),
      });
    } catch {
      return;
    }
    busyId.value = row.id;
    try {
      await steps.approve(row);
      ElMessage.success(text.done);
    } catch (err) {
      showError(err);
    } finally {
      busyId.value = null;
      void steps.reload();
      void work.refresh(true);
    }
  }

  function openReject(id: number): void {
    rejecting.value = find(id);
    rejectOpen.value = !!rejecting.value;
  }

  async function reject(reason: string): Promise<void> {
    const row = rejecting.value;
    if (!row) return;
    await steps.reject(row, reason);
    ElMessage.success(steps.rejected(row));
    void steps.reload();
    void work.refresh(true);
  }

  /** The approve button's text for a row (the same words its confirmation uses). */
  const approveLabel = (id: number): string => {
    const row = find(id);
    return row ? steps.confirm(row).button : '';
  };

  return { busyId, rejecting, rejectOpen, approve, openReject, reject, approveLabel };
}

/** What the row buttons of a review list need (ReviewButtons). */
export interface ReviewActions {
  busyId: Ref<number | null>;
  approve: (id: number) => Promise<void>;
  openReject: (id: number) => void;
  approveLabel: (id: number) => string;
}
