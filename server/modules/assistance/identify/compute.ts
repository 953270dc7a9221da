import { sql } from 'drizzle-orm';
import { writeAudit, type AuditSource } from '../../../kernel/audit.js';
import type { Crypto } from '../../../kernel/crypto.js';
import { rows, type Db } from '../../../kernel/db.js';
import type { Fingerprint, Reason, RuleCode } from './identify.schema.js';
import { loadFacts, loadResolver, type Resolver } from './facts.js';
import { evaluate, hasNewEvidence, scoreOf, type RuleSetting } from './rules.js';
import type { MemberFacts } from './rules.js';

// The recompute (a background job) and the dry run share this: the same facts, the same rules.

/** Transaction-scoped advisory lock held by whoever rewrites the candidate list. */
export const CANDIDATE_LOCK = 7340301;

export interface Scored {
  memberId: number;
  orgId: number;
  score: number;
  reasons: Reason[];
}

export function score(facts: MemberFacts[], resolver: Resolver): Scored[] {
  const out: Scored[] = [];
  for (const f of facts) {
    const reasons = evaluate(f, resolver.rulesFor(f.path), resolver.lineFor(f.path));
    if (reasons.length) out.push({ memberId: f.memberId, orgId: f.orgId, score: scoreOf(reasons), reasons });
  }
  return out;
}

export type Progress = (done: number, total: number) => Promise<void>;

/**
 * Recomputes the candidates of the subtree at `path`: facts (one statement), rules in Node,
 * dismissals still running applied (hidden unless new evidence fired), and the subtree's rows
 * replaced in one transaction with an audit row.
 */
export async function recompute(
  db: Db,
  crypto: Crypto,
  input: { path: string; orgId: number; now: Date; source: AuditSource },
  progress: Progress = async () => undefined,
) {
  const { path, now } = input;
  const t0 = Date.now();
  await progress(0, 4);
  const facts = await loadFacts(db, crypto, path, now);
  await progress(1, 4);
  const scored = score(facts, await loadResolver(db));
  await progress(2, 4);
  let records: Array<{
    member_id: number;
    org_id: number;
    score: number;
    reasons: Reason[];
    hidden_until: string | null;
  }> = [];
  let hidden = 0;
  await db.transaction(async (tx) => {
    // One writer of the list at a time (recomputes of overlapping subtrees, dismissals): the
    // dismissals are read under the lock, so one committed meanwhile is never lost.
    await tx.execute(sql`select pg_advisory_xact_lock(${CANDIDATE_LOCK})`);
    const dismissals = await rows<{ member_id: string | number; fingerprint: Fingerprint; until: string | Date }>(
      tx,
      sql`
      select distinct on (d.member_id) d.member_id, d.fingerprint, d.until from identify_dismissal d
      join member_ref m on m.id = d.member_id join org_ref o on o.id = m.org_id
      where d.until > ${now} and o.path like ${path + '%'} order by d.member_id, d.dismissed_at desc`,
    );
    const dismissed = new Map(dismissals.map((d) => [Number(d.member_id), d]));
    records = scored.map((s) => {
      const d = dismissed.get(s.memberId);
      const hiddenUntil = d && !hasNewEvidence(s.reasons, d.fingerprint) ? new Date(d.until).toISOString() : null;
      if (hiddenUntil) hidden++;
      return { member_id: s.memberId, org_id: s.orgId, score: s.score, reasons: s.reasons, hidden_until: hiddenUntil };
    });
    await tx.execute(
      sql`delete from identify_candidate where org_id in (select id from org_ref where path like ${path + '%'})`,
    );
    for (let i = 0; i < records.length; i += 20_000) {
      const chunk = JSON.stringify(records.slice(i, i + 20_000));
      await tx.execute(sql`
        insert into identify_candidate (member_id, org_id, score, reasons, hidden_until, computed_at)
        select x.member_id, x.org_id, x.score, x.reasons, x.hidden_until, ${now}
        from json_to_recordset(${chunk}::json) as x(member_id bigint, org_id bigint, score int, reasons jsonb, hidden_until timestamptz)
        where not exists (select 1 from hardship_file f where f.member_id = x.member_id and f.state in ('draft', 'verifying', 'filed'))`);
    }
    await writeAudit(tx, crypto, input.source, {
      orgId: input.orgId,
      action: 'identify.recompute',
      targetType: 'org',
      targetId: input.orgId,
      after: { members: facts.length, candidates: records.length, hidden },
    });
  });
  await progress(4, 4);
  return { membersWithSignals: facts.length, candidates: records.length, hidden, ms: Date.now() - t0 };
}

export interface Counts {
  total: number;
  byRule: Partial<Record<RuleCode, number>>;
}

function countOf(scored: Scored[]): Counts {
  const byRule: Partial<Record<RuleCode, number>> = {};
  for (const s of scored) for (const r of s.reasons) byRule[r.code] = (byRule[r.code] ?? 0) + 1;
  return { total: scored.length, byRule };
}

/** How many members of the subtree the saved rules flag, and how many the proposed rules for the org at `path` would. */
export async function dryRun(
  db: Db,
  crypto: Crypto,
  path: string,
  proposed: RuleSetting[],
  now: Date,
): Promise<{ saved: Counts; proposed: Counts }> {
  const facts = await loadFacts(db, crypto, path, now);
  const [saved, changed] = await Promise.all([loadResolver(db), loadResolver(db, { path, rules: proposed })]);
  return { saved: countOf(score(facts, saved)), proposed: countOf(score(facts, changed)) };
}
