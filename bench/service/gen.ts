import { rowRng } from '../members/gen.js';

// Service cases generated row by row from their index alone (same rows on every run, no state
// between rows), as COPY text for service_case, case_org_access and case_event: the row, where
// it is handled, and the timeline the app would have written on the way to its state.

export interface UnitService {
  id: number;
  name: string;
  category: string;
  formJson: string;
  deadlineDays: number;
}

/** An org that handles cases: its services, its handlers and its share of all cases. */
export interface Unit {
  orgId: number;
  path: string;
  level: 'center' | 'federation' | 'district' | 'town' | 'grassroots';
  weight: number;
  label: string;
  services: UnitService[];
  staff: { id: number; name: string }[];
  benchHandlers: number;
}

export interface CaseWorld {
  units: Unit[];
  members: { id: number; name: string; phone_enc: string | null }[];
  /** Epoch ms: cases are created between start and now. */
  now: number;
  start: number;
  fieldsEnc: string[];
  dueAt(from: Date, days: number): Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A value in COPY's text format. */
function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return v.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}
const line = (values: (string | number | boolean | null | undefined)[]) => values.map(cell).join('\t');
const iso = (ms: number) => new Date(ms).toISOString();

type State = 'submitted' | 'accepted' | 'in_progress' | 'resolved' | 'rejected' | 'withdrawn' | 'transferred';

/** The state a case of this age has reached (a working center: recent ones open, old ones closed). */
function stateFor(ageDays: number, r: number): State {
  if (ageDays < 2) return r < 0.6 ? 'submitted' : r < 0.85 ? 'accepted' : 'in_progress';
  if (ageDays < 10)
    return r < 0.05
      ? 'submitted'
      : r < 0.2
        ? 'accepted'
        : r < 0.55
          ? 'in_progress'
          : r < 0.58
            ? 'transferred'
            : r < 0.93
              ? 'resolved'
              : r < 0.96
                ? 'rejected'
                : 'withdrawn';
  if (ageDays < 30)
    return r < 0.02
      ? 'accepted'
      : r < 0.12
        ? 'in_progress'
        : r < 0.13
          ? 'transferred'
          : r < 0.95
            ? 'resolved'
            : r < 0.975
              ? 'rejected'
              : 'withdrawn';
  return r < 0.0005
    ? 'submitted'
    : r < 0.0015
      ? 'accepted'
      : r < 0.003
        ? 'in_progress'
        : r < 0.9
          ? 'resolved'
          : r < 0.95
            ? 'rejected'
            : 'withdrawn';
}

const OPEN = new Set<State>(['submitted', 'accepted', 'in_progress', 'transferred']);

interface Event {
  kind: string;
  from: State | null;
  to: State | null;
  actor: { id: number; name: string } | null;
  actorKind: 'staff' | 'member' | 'system';
  orgId: number;
  note: string | null;
  internal: boolean;
  at: number;
}

/** COPY text for cases [from, to) of `total`; case i gets id firstId + i. */
export function caseRows(
  w: CaseWorld,
  firstId: number,
  total: number,
  from: number,
  to: number,
): { cases: string; access: string; events: string } {
  const cumulative: number[] = [];
  let sum = 0;
  for (const u of w.units) cumulative.push((sum += u.weight));
  const pickUnit = (x: number): Unit => {
    const target = x * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return w.units[lo] as Unit;
  };
  const span = w.now - w.start - HOUR;
  const latest = w.now - 60_000;
  const cases: string[] = [];
  const access: string[] = [];
  const events: string[] = [];
  for (let i = from; i < to; i++) {
    const r = rowRng(Math.imul(i + 1, 0x9e3779b1) ^ 0x27d4eb2f);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const id = firstId + i;
    const created = w.start + ((i + r()) * span) / total;
    const ageDays = (w.now - created) / DAY;
    const home = pickUnit(r());
    let state = stateFor(ageDays, r());
    const moved = state === 'transferred' || r() < 0.02;
    const origin = moved ? pickUnit(r()) : home;
    const transfer = origin !== home;
    if (state === 'transferred' && !transfer) state = 'submitted';
    const svc = pick(origin.services);
    const c = r();
    const channel = c < 0.55 ? 'online' : c < 0.8 ? 'counter' : 'phone';
    const m = pick(w.members);
    const handler = pick(home.staff);
    const intake = channel === 'online' ? null : pick(origin.staff);

    const ev: Event[] = [];
    let at = created;
    const step = (hours: number) => (at = Math.min(latest, Math.max(at + 1000, at + hours * HOUR)));
    const staffEv = (
      kind: string,
      fromS: State | null,
      toS: State | null,
      by: { id: number; name: string },
      orgId: number,
      note: string | null = null,
      internal = false,
    ) => ev.push({ kind, from: fromS, to: toS, actor: by, actorKind: 'staff', orgId, note, internal, at });
    const memberEv = (kind: string, fromS: State | null, toS: State | null, note: string | null = null) =>
      ev.push({
        kind,
        from: fromS,
        to: toS,
        actor: null,
        actorKind: 'member',
        orgId: home.orgId,
        note,
        internal: false,
        at,
      });

    if (intake)
      staffEv('submitted', null, 'submitted', intake, origin.orgId, channel === 'counter' ? '柜面登记' : '电话登记');
    else
      ev.push({
        kind: 'submitted',
        from: null,
        to: 'submitted',
        actor: null,
        actorKind: 'member',
        orgId: origin.orgId,
        note: null,
        internal: false,
        at,
      });
    let current = 'submitted' as State;
    // `current` changes inside the step helpers, which TypeScript's narrowing cannot see.
    const stateNow = (): State => current;
    let due = w.dueAt(new Date(created), svc.deadlineDays).getTime();
    let assignee: number | null = null;
    let coverFor: number | null = null;
    let acceptedAt: number | null = null;
    let resolvedAt: number | null = null;
    let rating: string | null = null;
    let ratedAt: number | null = null;
    let ratingComment: string | null = null;
    let reopenCount = 0;
    let flagged = false;
    let callback: string | null = null;
    let resolution: string | null = null;
    let rejectReason: string | null = null;
    let transferAt = created;

    if (transfer) {
      step(0.5 + r() * 24);
      staffEv(
        'transferred',
        'submitted',
        'transferred',
        pick(origin.staff),
        origin.orgId,
        '职工在属地就业，转属地办理',
      );
      current = 'transferred';
      transferAt = at;
      due = w.dueAt(new Date(at), svc.deadlineDays).getTime();
    }
    const accept = () => {
      step(0.2 + r() * 30);
      assignee = handler.id;
      acceptedAt = at;
      staffEv('accepted', current, 'accepted', handler, home.orgId);
      current = 'accepted';
    };
    const start = () => {
      step(r() * 48);
      staffEv('started', 'accepted', 'in_progress', handler, home.orgId);
      current = 'in_progress';
    };
    const resolve = () => {
      step(2 + r() * svc.deadlineDays * 24 * 1.2);
      resolution = '已按规定办理完毕并告知申请人';
      resolvedAt = at;
      staffEv('resolved', current, 'resolved', handler, home.orgId, '已按规定办理完毕');
      current = 'resolved';
    };

    if (state === 'submitted' && r() < 0.1) {
      step(r() * 4);
      assignee = handler.id;
      staffEv('assigned', null, null, pick(home.staff), home.orgId, `指派给${handler.name}`);
    } else if (state === 'rejected') {
      step(1 + r() * 30);
      rejectReason = '不属于工会受理范围，已告知向劳动监察大队反映';
      staffEv('rejected', current, 'rejected', handler, home.orgId, '不属于工会受理范围');
      current = 'rejected';
    } else if (state === 'withdrawn') {
      if (r() < 0.5) accept();
      step(1 + r() * 48);
      memberEv('withdrawn', current, 'withdrawn', '问题已自行解决');
      current = 'withdrawn';
    } else if (state !== 'submitted' && state !== 'transferred') {
      accept();
      if (state !== 'accepted') start();
      if (state === 'resolved') {
        resolve();
        if (r() < 0.65) {
          step(0.5 + r() * 72);
          const x = r();
          rating = x < 0.78 ? 'satisfied' : x < 0.95 ? 'basically_satisfied' : 'dissatisfied';
          ratedAt = at;
          if (rating === 'dissatisfied') {
            ratingComment = '回复太笼统';
            memberEv('rated', 'resolved', 'in_progress', '不满意：回复太笼统');
            current = 'in_progress';
            reopenCount = 1;
            resolvedAt = null;
            if (ageDays > 30) {
              resolve();
              step(1 + r() * 48);
              rating = 'basically_satisfied';
              ratingComment = null;
              ratedAt = at;
              memberEv('rated', 'resolved', 'resolved', '基本满意');
            } else {
              flagged = true;
            }
          } else {
            memberEv('rated', 'resolved', 'resolved', rating === 'satisfied' ? '满意' : '基本满意');
          }
        }
        if (stateNow() === 'resolved' && ageDays > 7 && r() < 0.5) {
          step(24 + r() * 96);
          const reached = r() < 0.9;
          callback = JSON.stringify({
            at: iso(at),
            byName: handler.name,
            reached,
            note: reached ? '职工对办理结果表示认可' : '电话未接通',
          });
          staffEv('callback', null, null, handler, home.orgId, reached ? '已回访' : '未接通', true);
        }
      }
      if (OPEN.has(current) && assignee !== null && home.staff.length > 1 && r() < 0.01) {
        const backup = home.staff.find((s) => s.id !== handler.id) as { id: number; name: string };
        coverFor = assignee;
        assignee = backup.id;
        step(r() * 24);
        staffEv('covered', null, null, backup, home.orgId, `${handler.name}请假，由${backup.name}代办`);
      }
    }
    // Past its deadline while open: the sweep marked it (and it stays marked once resolved late).
    const end = OPEN.has(current) ? w.now : (resolvedAt ?? at);
    const overdue = due < end && current !== 'rejected' && current !== 'withdrawn';
    if (overdue)
      ev.push({
        kind: 'overdue',
        from: null,
        to: null,
        actor: null,
        actorKind: 'system',
        orgId: home.orgId,
        note: '已超过办理时限',
        internal: true,
        at: Math.min(due, latest),
      });
    ev.sort((a, b) => a.at - b.at);
    const updated = ev.reduce((n, e) => Math.max(n, e.at), created);

    cases.push(
      line([
        id,
        svc.id,
        svc.name,
        svc.category,
        svc.formJson,
        w.fieldsEnc[i % w.fieldsEnc.length],
        channel,
        current,
        m.id,
        m.name,
        m.phone_enc,
        home.orgId,
        assignee,
        coverFor,
        iso(due),
        overdue,
        flagged,
        reopenCount,
        resolution,
        rejectReason,
        rating,
        ratingComment,
        ratedAt === null ? null : iso(ratedAt),
        callback,
        intake?.id ?? null,
        iso(created),
        iso(updated),
        acceptedAt === null ? null : iso(acceptedAt),
        resolvedAt === null ? null : iso(resolvedAt),
      ]),
    );
    if (transfer) access.push(line([id, origin.orgId, false, iso(created)]));
    access.push(line([id, home.orgId, true, iso(transfer ? transferAt : created)]));
    for (const e of ev) {
      const name = e.actorKind === 'member' ? (channel === 'online' ? '申请人' : m.name) : (e.actor?.name ?? null);
      events.push(
        line([
          id,
          e.kind,
          e.from,
          e.to,
          e.actor?.id ?? null,
          e.actorKind === 'system' ? null : name,
          e.actorKind,
          e.orgId,
          e.note,
          e.internal,
          iso(e.at),
        ]),
      );
    }
  }
  const text = (xs: string[]) => (xs.length ? `${xs.join('\n')}\n` : '');
  return { cases: text(cases), access: text(access), events: text(events) };
}
