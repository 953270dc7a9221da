import { inArray, sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../server/kernel/db.js';
import { org } from '../server/modules/org/org.schema.js';

// Data on top of the demo federation, so scope checks and indexes work on a realistic tree
// rather than 16 rows: street federations under each demo district, grassroots unions under them.

export const DISTRICT_CODES = ['JS-ZJ-JK', 'JS-ZJ-RZ', 'JS-ZJ-DY'];
export const TOWNS_PER_DISTRICT = 8;
export const EXTRA_GRASSROOTS = 5_000;
const CHUNK = 1_000; // rows per INSERT, well below PostgreSQL's 65,535 parameters

export interface Volume {
  orgs: number;
  grassroots: number;
  federations: number;
  maxDepth: number;
  /** Orgs the county officer's grant reaches (京口区 subtree). */
  countySubtree: number;
  accounts: number;
}

type NewOrg = typeof org.$inferInsert;
interface Parent {
  id: number;
  path: string;
  depth: number;
  code: string;
}

/** Ids from the org sequence, as nextOrgId() hands them out, but in one round trip. */
async function takeIds(db: Db, n: number): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('org', 'id'))::int as id from generate_series(1, ${n})`,
  );
  return found.map((r) => r.id);
}

function child(parent: Parent, id: number, fields: Pick<NewOrg, 'code' | 'name' | 'type' | 'level'>): NewOrg & Parent {
  // Paths follow org.schema.ts: the parent's path plus the new id, e.g. /1/2/3/4021/.
  return {
    ...fields,
    id,
    parentId: parent.id,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    contactPhone: '0511-85000000',
  };
}

async function insertAll(db: Db, values: NewOrg[]): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK) await db.insert(org).values(values.slice(i, i + CHUNK));
}

export async function addVolume(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const districts: Parent[] = await tx
      .select({ id: org.id, path: org.path, depth: org.depth, code: org.code })
      .from(org)
      .where(inArray(org.code, DISTRICT_CODES));
    if (districts.length !== DISTRICT_CODES.length)
      throw new Error('demo districts not found; was the demo seed loaded?');

    const townIds = await takeIds(tx, districts.length * TOWNS_PER_DISTRICT);
    const towns = townIds.map((id, i) => {
      const d = districts[i % districts.length] as Parent;
      const n = Math.floor(i / districts.length) + 1;
      return child(d, id, {
        code: `${d.code}-B${String(n).padStart(2, '0')}`,
        name: `压测街道${n}总工会`,
        type: 'federation',
        level: 'town',
      });
    });
    await insertAll(tx, towns);

    const unitIds = await takeIds(tx, EXTRA_GRASSROOTS);
    const units = unitIds.map((id, i) => {
      const t = towns[i % towns.length] as Parent;
      return {
        ...child(t, id, {
          code: `${t.code}-${String(i + 1).padStart(5, '0')}`,
          name: `压测企业${i + 1}有限公司工会`,
          type: 'grassroots',
          level: null,
        }),
        contactPerson: '王主席',
        address: '镇江市',
      };
    });
    await insertAll(tx, units);
  });
}

export async function describeVolume(database: Database): Promise<Volume> {
  const [v] = await database.query<Volume>(`
    select count(*)::int as orgs,
           (count(*) filter (where type = 'grassroots'))::int as grassroots,
           (count(*) filter (where type = 'federation'))::int as federations,
           max(depth)::int as "maxDepth",
           (count(*) filter (where path like (select path from org where code = 'JS-ZJ-JK') || '%'))::int as "countySubtree",
           (select count(*)::int from account) as accounts
      from org`);
  if (!v) throw new Error('no volume figures');
  return v;
}
