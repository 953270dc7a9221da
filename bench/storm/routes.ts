import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../server/kernel/context.js';
import { rows } from '../../server/kernel/db.js';

// Bench-only routes, registered by the server child (server-child.ts, BENCH_CHILD_ROUTES=claim-storm)
// on the app's own Fastify instance and the app's own pool, never by the product. They are the two
// baselines of the claim-storm scenario:
//   POST /bench/bare/:n   one insert per request, one commit per request: the floor a route pays;
//   POST /bench/naive/:n  the naive claim: one stock row (`remaining = remaining - 1 where
//                         remaining > 0`) and an insert, one transaction per request.
// `:n` is the member's index; the Idempotency-Key header is stored as the claims' key.

export const STORM_TABLES = `
create table if not exists bench_bare_claim (
  id bigint generated always as identity primary key,
  member_no int not null,
  idempotency_key text,
  created_at timestamptz not null default now()
);
create table if not exists bench_stock (id int primary key, remaining int not null check (remaining >= 0));
create table if not exists bench_naive_claim (
  id bigint generated always as identity primary key,
  member_no int not null unique,
  idempotency_key text,
  created_at timestamptz not null default now()
);`;

export function registerStormRoutes(app: FastifyInstance, deps: Deps): void {
  const key = (h: unknown) => (typeof h === 'string' ? h.slice(0, 100) : null);
  app.post<{ Params: { n: string } }>('/bench/bare/:n', async (req, reply) => {
    const [row] = await deps.database.query<{ id: number }>(
      'insert into bench_bare_claim (member_no, idempotency_key) values ($1, $2) returning id::int as id',
      [Number(req.params.n), key(req.headers['idempotency-key'])],
    );
    return reply.code(201).send({ id: row?.id });
  });
  app.post<{ Params: { n: string } }>('/bench/naive/:n', async (req, reply) => {
    const id = await deps.db
      .transaction(async (tx) => {
        const taken = await rows<{ remaining: number }>(
          tx,
          sql`update bench_stock set remaining = remaining - 1 where id = 1 and remaining > 0 returning remaining`,
        );
        if (taken.length === 0) return null;
        const [row] = await rows<{ id: number }>(
          tx,
          sql`insert into bench_naive_claim (member_no, idempotency_key) values (${Number(req.params.n)}, ${key(req.headers['idempotency-key'])})
              on conflict (member_no) do nothing returning id::int as id`,
        );
        // Over the member's limit: the stock taken above goes back with the rollback.
        if (!row) throw new LimitReached();
        return row.id;
      })
      .catch((err: unknown) => {
        if (err instanceof LimitReached) return 'limit' as const;
        throw err;
      });
    if (id === null) return reply.code(409).send({ error: { code: 'VOUCHER_SOLD_OUT' } });
    if (id === 'limit') return reply.code(409).send({ error: { code: 'VOUCHER_LIMIT_REACHED' } });
    return reply.code(201).send({ id });
  });
}

class LimitReached extends Error {}
