import type { Db } from '../../../kernel/db.js';
import { assistanceHistory as aidHistory, type AssistanceHistoryItem } from '../aid/index.js';

// The assistance a member's household has received (approved and paid records of aid/), shown on
// the file detail and the member's H5 page.

export type AssistanceItem = AssistanceHistoryItem;

export function assistanceHistory(db: Db, memberId: number): Promise<AssistanceItem[]> {
  return aidHistory(db, memberId);
}
