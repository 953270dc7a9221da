import type { Db } from '../../../kernel/db.js';

// The assistance a member's household has received, shown on the file detail and the member's
// H5 page. The records are the aid sub-folder's (engineer B); until it provides
// `assistanceHistory`, this hook answers an empty list. Replace the body with a call to aid/'s
// function once it exists (see /tmp/uh5-notes.md).

export interface AssistanceItem {
  id: number;
  programmeName: string;
  kind: string;
  amountFen: number | null;
  goods: string | null;
  date: string;
  state: string;
}

export async function assistanceHistory(_db: Db, _memberId: number): Promise<AssistanceItem[]> {
  return [];
}
