import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../../kernel/access.js';
import { rows, type Db } from '../../kernel/db.js';

// "Staff holding permission P at this org", in one place: a grant of a role with P at the org or
// above it (a grant reaches its org's subtree). Other modules ask here instead of reading
// staff_grant and role themselves.

/**
 * SQL condition: the account `accountId` (a column or value) holds `permission` through a grant
 * reaching the org at `path` (a column or value); without `path`, at any org.
 */
export function holdsPermission(accountId: SQL | number, permission: Permission, path?: SQL | string): SQL {
  const reaches = path === undefined ? sql`` : sql` and ${path} like go.path || '%'`;
  return sql`exists (select 1 from staff_grant g join role r on r.code = g.role_code join org_ref go on go.id = g.org_id
                  where g.account_id = ${accountId} and ${permission} = any(r.permissions)${reaches})`;
}

/**
 * Active staff accounts holding `permission` over the org at `path`, from the nearest org on
 * the path up (the org's own people first); `all` gives every level (an account granted at two
 * levels appears once per level).
 */
export async function staffWith(
  db: Db,
  permission: Permission,
  path: string,
  all = false,
): Promise<Array<{ id: number; name: string; depth: number }>> {
  const found = await rows<{ id: number; name: string; depth: number }>(
    db,
    sql`select distinct a.id::int as id, a.display_name as name, o.depth::int as depth
        from staff_grant g join role r on r.code = g.role_code join org_ref o on o.id = g.org_id join account a on a.id = g.account_id
        where ${permission} = any(r.permissions) and a.status = 'active' and a.kind = 'staff'
          and ${path} like o.path || '%'
        order by depth desc, id`,
  );
  if (all || found.length === 0) return found;
  const deepest = found[0]?.depth;
  return found.filter((f) => f.depth === deepest);
}
