import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db.js';
import { campaign } from './voucher.schema.js';

// Test and bench fixtures for lotteries, redemption and settlement: campaigns and registrations
// written straight to the tables (the campaign routes belong to the claim engine).

type NewCampaign = Partial<typeof campaign.$inferInsert> & { orgId: number };

/** A published campaign whose claim window opens in a day (lottery by default). */
export async function insertCampaign(db: Db, now: Date, c: NewCampaign): Promise<typeof campaign.$inferSelect> {
  const day = 86_400_000;
  const [row] = await db
    .insert(campaign)
    .values({
      name: '抽签消费券',
      kind: 'general',
      mode: 'lottery',
      state: 'published',
      faceValueFen: 5000,
      minSpendFen: 10000,
      quantity: 100,
      budgetFen: (c.faceValueFen ?? 5000) * (c.quantity ?? 100),
      perMemberLimit: 1,
      claimStartsAt: new Date(now.getTime() + day),
      claimEndsAt: new Date(now.getTime() + 8 * day),
      validFrom: new Date(now.getTime() - day),
      validUntil: new Date(now.getTime() + 30 * day),
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      ...c,
    })
    .returning();
  if (!row) throw new Error('campaign not inserted');
  return row;
}

/** `n` plain member records at an org (sealed fields are placeholders), their ids. */
export async function insertMembers(db: Db, orgId: number, n: number, tag: string): Promise<number[]> {
  const made = await rows<{ id: number }>(
    db,
    sql`insert into member (org_id, name, id_number_enc, id_number_hash, gender, birth_date, joined_at, job_type)
        select ${orgId}, '测试会员' || g, 'placeholder', ${`bulk-${tag}-`} || g, 'male', '1990-01-01', '2020-01-01',
               (array['regular','courier','regular','food_delivery'])[1 + g % 4]
        from generate_series(1, ${n}::int) g returning id`,
  );
  return made.map((m) => Number(m.id));
}

/** Registrations for every member in `memberIds`, in one statement, weights 1–5 spread by member id. */
export async function insertRegistrations(
  db: Db,
  campaignId: number,
  accountId: number,
  memberIds: number[],
  at: Date,
): Promise<void> {
  await db.execute(sql`
    insert into voucher_registration
      (campaign_id, member_id, account_id, pseudo_id, weight, hardship, new_employment, first_benefit, registered_at)
    select ${campaignId}, m, ${accountId},
           substr(encode(sha256(convert_to('voucher-lottery:' || ${campaignId}::text || ':' || m::text, 'UTF8')), 'hex'), 1, 12),
           1 + (m % 5), false, false, false, ${at}
    from unnest(${sql.raw(`'{${memberIds.join(',')}}'::bigint[]`)}) m`);
}

/** A listed merchant of an org (written straight to the table), its id. */
export async function insertMerchant(
  db: Db,
  orgId: number,
  name: string,
  o: { categories?: string[]; status?: string } = {},
): Promise<number> {
  const [m] = await rows<{ id: number }>(
    db,
    sql`insert into merchant (org_id, name, licence_no, categories, status, created_at, updated_at)
        values (${orgId}, ${name}, ${`LIC-${name}`}, ${sql.raw(`'{${(o.categories ?? ['dining']).join(',')}}'::text[]`)},
                ${o.status ?? 'listed'}, now(), now()) returning id`,
  );
  return Number(m?.id);
}

let voucherSeq = 0;

/** A voucher of a campaign held by a member, issued or (with `redeemedAt`) redeemed at a merchant. */
export async function insertVoucher(
  db: Db,
  v: {
    campaignId: number;
    memberId: number;
    accountId: number;
    faceValueFen: number;
    claimedAt: Date;
    redeemedAt?: Date;
    merchantId?: number;
    seq?: number;
  },
): Promise<{ id: number; code: string }> {
  voucherSeq++;
  const code = `T${String(v.campaignId).padStart(4, '0')}${String(voucherSeq).padStart(6, '0')}`;
  const [made] = await rows<{ id: number }>(
    db,
    sql`insert into voucher (campaign_id, member_id, account_id, seq, code, state, face_value_fen, claimed_at, redeemed_at, redeemed_merchant_id)
        values (${v.campaignId}, ${v.memberId}, ${v.accountId}, ${v.seq ?? 1}, ${code},
                ${v.redeemedAt ? 'redeemed' : 'issued'}, ${v.faceValueFen}, ${v.claimedAt}, ${v.redeemedAt ?? null},
                ${v.merchantId ?? null}) returning id`,
  );
  return { id: Number(made?.id), code };
}

/** A merchant account (username, password hash given) acting for a merchant, its account id. */
export async function insertMerchantAccount(
  db: Db,
  merchantId: number,
  orgId: number,
  username: string,
  passwordHash: string,
): Promise<number> {
  const [a] = await rows<{ id: number }>(
    db,
    sql`insert into account (kind, username, display_name, org_id, password_hash)
        values ('merchant', ${username}, ${username}, ${orgId}, ${passwordHash}) returning id`,
  );
  await db.execute(sql`insert into merchant_account (account_id, merchant_id) values (${a?.id}, ${merchantId})`);
  return Number(a?.id);
}
