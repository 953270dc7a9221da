export interface AuditFilterValues {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  range: [Date, Date] | null;
}

export function blankAuditFilters(): AuditFilterValues {
  return { actor: '', action: '', targetType: '', targetId: '', range: null };
}
