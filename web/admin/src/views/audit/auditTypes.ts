export interface AuditFilterValues {
  /** An account id (chosen from the staff list) or a login / display name as typed. */
  actor: number | string | '';
  /** Exact action codes. */
  actions: string[];
  /** What people call the target: a 工单号, a member's name or card number, an id. */
  target: string;
  range: [Date, Date] | null;
}

export function blankAuditFilters(): AuditFilterValues {
  return { actor: '', actions: [], target: '', range: null };
}
