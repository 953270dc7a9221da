import type { Actor } from './access.js';
import type { Crypto } from './crypto.js';
import type { Db } from './db.js';
import type { Label } from './errors.js';
import { auditLog } from './kernel.schema.js';

// What the audit log's codes mean to a person. Each module's manifest brings the labels of the
// actions it writes (`auditActions`) and, for the kinds of record it owns, how to name a target
// and where the console shows it (`auditTargets`); server/modules.ts registers them here, and the
// audit module reads them to present a page of rows. The kernel holds only its own actions.

/** A target as a person sees it: its name or number, and the console path that shows it. */
export interface AuditTarget {
  label: string;
  /** Console route path (e.g. `/service/cases/12`), or null where no page shows it. */
  link: string | null;
}

/** What a target kind's functions are given: the database, the crypto, and who reads the log. */
export interface AuditLabelContext {
  db: Db;
  crypto: Crypto;
  /** The officer reading the log: a kind may show less (a masked name, no link) outside their scope. */
  reader: Actor;
}

export interface AuditTargetKind {
  /** What kind of record it is (服务工单, 会员 …). */
  label: Label;
  /** Where the console shows a target of this kind, when no `describe` says otherwise. */
  link?(id: string): string | null;
  /** Names many targets at once (one query per kind per page, never one per row); without it a target reads `服务事项 #12`. */
  describe?(ids: readonly string[], ctx: AuditLabelContext): Promise<Map<string, AuditTarget>>;
  /** The ids a person's words point to (a 工单号, a member's name or card number), at most `limit`. */
  find?(text: string, ctx: AuditLabelContext, limit: number): Promise<string[]>;
}

/** Actions the kernel itself writes (the error handler, the demo seed). */
export const KERNEL_AUDIT_ACTIONS = {
  'access.denied': { zh: '越权访问被拒绝', en: 'Access outside scope refused' },
  'demo.seed': { zh: '载入演示数据', en: 'Demo data loaded' },
} as const satisfies Record<string, Label>;

const actions = new Map<string, Label & { module: string }>();
const targets = new Map<string, AuditTargetKind>();

export function registerAuditActions(module: string, table: Readonly<Record<string, Label>>): void {
  for (const [code, label] of Object.entries(table)) {
    const known = actions.get(code);
    if (known && (known.zh !== label.zh || known.en !== label.en))
      throw new Error(`audit action ${code} is labelled twice (${known.module}, ${module})`);
    actions.set(code, { ...label, module });
  }
}

export function registerAuditTargets(table: Readonly<Record<string, AuditTargetKind>>): void {
  for (const [kind, def] of Object.entries(table)) {
    if (targets.has(kind)) throw new Error(`audit target kind ${kind} is described twice`);
    targets.set(kind, def);
  }
}

registerAuditActions('kernel', KERNEL_AUDIT_ACTIONS);

/** Every labelled action, in MODULES order (the kernel's first). */
export function auditActionCatalogue(): ReadonlyMap<string, Label & { module: string }> {
  return actions;
}

export function auditTargetKind(kind: string): AuditTargetKind | undefined {
  return targets.get(kind);
}

export function auditTargetKinds(): ReadonlyMap<string, AuditTargetKind> {
  return targets;
}

/** The ids of a page that are whole numbers (target ids are stored as text), as numbers. */
export function numericIds(ids: readonly string[]): number[] {
  return [...new Set(ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number))];
}

/** Actions written to this database that no manifest labels (the test harness fails a test on any). */
export async function unlabelledAuditActions(db: Db): Promise<string[]> {
  const written = await db.selectDistinct({ action: auditLog.action }).from(auditLog);
  return written.map((w) => w.action).filter((a) => !actions.has(a));
}
