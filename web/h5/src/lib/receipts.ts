// Ballot receipts kept on this phone, so "my receipt" can be found in the published list after the
// vote closes. Only the receipt is kept, never the choice: the receipt alone tells nobody how its
// holder voted, and the published list shows what was recorded for it. Kept per account, so another
// person signing in on the same phone does not see them.
const KEY = 'uh.congress.receipts';

type Store = Record<string, Record<string, string>>;

function read(): Store {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Store) : {};
  } catch {
    return {};
  }
}

export function savedReceipt(accountId: number | undefined, motionId: number): string | null {
  if (accountId === undefined) return null;
  return read()[accountId]?.[motionId] ?? null;
}

export function saveReceipt(accountId: number | undefined, motionId: number, receipt: string): void {
  if (accountId === undefined) return;
  const all = read();
  all[accountId] = { ...all[accountId], [motionId]: receipt };
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // private mode or a full store: the receipt is still on screen to copy
  }
}
