import { randomToken, sha256, type Crypto } from '../kernel/crypto.js';
import type { Database } from '../kernel/db.js';
import { identityColumns } from '../modules/member/index.js';

// Thousands of members who are signed in, written in bulk (a sign-in through the API takes an
// argon2 hash each: 25,000 of them would take minutes). Each gets an active member, a member
// account and a live session, as a sign-in leaves them; the session table holds only the SHA-256
// of the cookie value (auth/session.ts), so the cookie is made here and only its hash stored.
// For load tests and the claim-storm bench; never used by the product.

export interface NewPerson {
  orgId: number;
  name: string;
  idNumber: string;
  phone: string;
  jobType?: string;
}

export interface SignedInMember {
  memberId: number;
  accountId: number;
  /** The `cookie` header value of the session. */
  cookie: string;
}

const CHUNK = 5_000;

const INSERT = `
with input as (
  select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[],
                       $9::text[], $10::text[])
    as u(org_id, name, id_enc, id_hash, gender, birth_date, phone_enc, phone_hash, job_type, sid)
), acc as (
  insert into account (kind, display_name, phone_enc, phone_hash, status)
  select 'member', name, phone_enc, phone_hash, 'active' from input
  returning id, phone_hash
), mem as (
  insert into member (org_id, account_id, name, id_number_enc, id_number_hash, gender, birth_date, phone_enc, phone_hash,
                      job_type, status, joined_at)
  select i.org_id, a.id, i.name, i.id_enc, i.id_hash, i.gender, i.birth_date, i.phone_enc, i.phone_hash, i.job_type,
         'active', current_date - 30
  from input i join acc a on a.phone_hash = i.phone_hash
  returning id, account_id
), ses as (
  insert into session (id_hash, account_id, state, created_at, last_seen_at, expires_at)
  select i.sid, a.id, 'active', now(), now(), now() + interval '1 day'
  from input i join acc a on a.phone_hash = i.phone_hash
)
select m.id::int as member_id, m.account_id::int as account_id, a.phone_hash
from mem m join acc a on a.id = m.account_id`;

/** Writes the people as signed-in members (in chunks of 5,000 rows); their cookies in the same order. */
export async function addSignedInMembers(
  database: Database,
  crypto: Crypto,
  people: NewPerson[],
): Promise<SignedInMember[]> {
  const out: SignedInMember[] = [];
  for (let from = 0; from < people.length; from += CHUNK) {
    const chunk = people.slice(from, from + CHUNK);
    const cols: unknown[][] = Array.from({ length: 10 }, () => []);
    const tokens = new Map<string, string>();
    for (const p of chunk) {
      const idc = identityColumns(crypto, { idNumber: p.idNumber, phone: p.phone });
      const token = randomToken(32);
      tokens.set(idc.phoneHash ?? '', token);
      const row = [
        p.orgId,
        p.name,
        idc.idNumberEnc,
        idc.idNumberHash,
        idc.gender,
        idc.birthDate,
        idc.phoneEnc,
        idc.phoneHash,
        p.jobType ?? 'regular',
        sha256(token),
      ];
      row.forEach((v, c) => (cols[c] as unknown[]).push(v));
    }
    const written = await database.query<{ member_id: number; account_id: number; phone_hash: string }>(INSERT, cols);
    if (written.length !== chunk.length) throw new Error(`wrote ${written.length} of ${chunk.length} members`);
    const byHash = new Map(written.map((w) => [w.phone_hash, w]));
    for (const [hash, token] of tokens) {
      const w = byHash.get(hash);
      if (!w) throw new Error('a member was not written');
      out.push({ memberId: w.member_id, accountId: w.account_id, cookie: `uh_sid=${token}` });
    }
  }
  return out;
}
