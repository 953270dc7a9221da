-- case_tally keeps its key (handling org, service, month of creation) and turns what were key
-- columns (channel, state, overdue, rating, month of resolution) into counts: about 7 times fewer
-- rows at 1,000,000 cases. Existing rows are rebuilt from the cases.
DROP TRIGGER case_tally_ins ON service_case;--> statement-breakpoint
DROP TRIGGER case_tally_del ON service_case;--> statement-breakpoint
DROP TRIGGER case_tally_upd ON service_case;--> statement-breakpoint
DROP FUNCTION case_tally_change();--> statement-breakpoint
DROP FUNCTION case_tally_compact();--> statement-breakpoint
DROP FUNCTION case_tally_of(service_case, integer);--> statement-breakpoint
TRUNCATE case_tally;--> statement-breakpoint
ALTER TABLE "case_tally" DROP COLUMN "channel";--> statement-breakpoint
ALTER TABLE "case_tally" DROP COLUMN "state";--> statement-breakpoint
ALTER TABLE "case_tally" DROP COLUMN "overdue";--> statement-breakpoint
ALTER TABLE "case_tally" DROP COLUMN "rating";--> statement-breakpoint
ALTER TABLE "case_tally" DROP COLUMN "resolved_month";--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_open" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_overdue" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_resolved" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_rated" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_satisfied" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_online" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "open_online" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "resolved_online" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_counter" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "open_counter" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "resolved_counter" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "n_phone" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "open_phone" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "case_tally" ADD COLUMN "resolved_phone" integer NOT NULL;--> statement-breakpoint
-- One case's key and counts (months in China time, as the figures' date filters are); sign −1 takes it away.
CREATE FUNCTION case_tally_of(c service_case, sign integer,
  OUT handling_org_id bigint, OUT service_id bigint, OUT created_month date,
  OUT n integer, OUT n_open integer, OUT n_overdue integer, OUT n_resolved integer, OUT handle_seconds double precision, OUT n_rated integer, OUT n_satisfied integer, OUT n_online integer, OUT open_online integer, OUT resolved_online integer, OUT n_counter integer, OUT open_counter integer, OUT resolved_counter integer, OUT n_phone integer, OUT open_phone integer, OUT resolved_phone integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT c.handling_org_id, c.service_id,
    date_trunc('month', (c.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date,
    sign,
    sign * (c.state IN ('submitted','accepted','in_progress','transferred'))::int,
    sign * (c.state IN ('submitted','accepted','in_progress','transferred') AND c.overdue)::int,
    sign * (c.state = 'resolved')::int,
    CASE WHEN c.state = 'resolved' AND c.resolved_at IS NOT NULL
      THEN sign * extract(epoch FROM c.resolved_at - c.created_at)::double precision ELSE 0 END,
    sign * (c.rating IS NOT NULL)::int,
    sign * (c.rating IS NOT NULL AND c.rating IN ('satisfied','basically_satisfied'))::int,
    sign * (c.channel = 'online')::int, sign * (c.channel = 'online' AND c.state IN ('submitted','accepted','in_progress','transferred'))::int, sign * (c.channel = 'online' AND c.state = 'resolved')::int,
    sign * (c.channel = 'counter')::int, sign * (c.channel = 'counter' AND c.state IN ('submitted','accepted','in_progress','transferred'))::int, sign * (c.channel = 'counter' AND c.state = 'resolved')::int,
    sign * (c.channel = 'phone')::int, sign * (c.channel = 'phone' AND c.state IN ('submitted','accepted','in_progress','transferred'))::int, sign * (c.channel = 'phone' AND c.state = 'resolved')::int
$$;
--> statement-breakpoint
CREATE FUNCTION case_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_tally (handling_org_id, service_id, created_month, n, n_open, n_overdue, n_resolved, handle_seconds, n_rated, n_satisfied, n_online, open_online, resolved_online, n_counter, open_counter, resolved_counter, n_phone, open_phone, resolved_phone)
      SELECT k.handling_org_id, k.service_id, k.created_month, sum(k.n), sum(k.n_open), sum(k.n_overdue), sum(k.n_resolved), sum(k.handle_seconds), sum(k.n_rated), sum(k.n_satisfied), sum(k.n_online), sum(k.open_online), sum(k.resolved_online), sum(k.n_counter), sum(k.open_counter), sum(k.resolved_counter), sum(k.n_phone), sum(k.open_phone), sum(k.resolved_phone) FROM new_rows r, case_tally_of(r, 1) k GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_tally (handling_org_id, service_id, created_month, n, n_open, n_overdue, n_resolved, handle_seconds, n_rated, n_satisfied, n_online, open_online, resolved_online, n_counter, open_counter, resolved_counter, n_phone, open_phone, resolved_phone)
      SELECT k.handling_org_id, k.service_id, k.created_month, sum(k.n), sum(k.n_open), sum(k.n_overdue), sum(k.n_resolved), sum(k.handle_seconds), sum(k.n_rated), sum(k.n_satisfied), sum(k.n_online), sum(k.open_online), sum(k.resolved_online), sum(k.n_counter), sum(k.open_counter), sum(k.resolved_counter), sum(k.n_phone), sum(k.open_phone), sum(k.resolved_phone) FROM old_rows r, case_tally_of(r, -1) k GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO case_tally (handling_org_id, service_id, created_month, n, n_open, n_overdue, n_resolved, handle_seconds, n_rated, n_satisfied, n_online, open_online, resolved_online, n_counter, open_counter, resolved_counter, n_phone, open_phone, resolved_phone)
      SELECT k.handling_org_id, k.service_id, k.created_month, sum(k.n), sum(k.n_open), sum(k.n_overdue), sum(k.n_resolved), sum(k.handle_seconds), sum(k.n_rated), sum(k.n_satisfied), sum(k.n_online), sum(k.open_online), sum(k.resolved_online), sum(k.n_counter), sum(k.open_counter), sum(k.resolved_counter), sum(k.n_phone), sum(k.open_phone), sum(k.resolved_phone)
      FROM (SELECT k1.* FROM old_rows r, case_tally_of(r, -1) k1 UNION ALL SELECT k2.* FROM new_rows r, case_tally_of(r, 1) k2) k
      GROUP BY 1, 2, 3 HAVING (sum(k.n), sum(k.n_open), sum(k.n_overdue), sum(k.n_resolved), sum(k.handle_seconds), sum(k.n_rated), sum(k.n_satisfied), sum(k.n_online), sum(k.open_online), sum(k.resolved_online), sum(k.n_counter), sum(k.open_counter), sum(k.resolved_counter), sum(k.n_phone), sum(k.open_phone), sum(k.resolved_phone)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_tally_ins AFTER INSERT ON service_case REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_tally_change();
--> statement-breakpoint
CREATE TRIGGER case_tally_del AFTER DELETE ON service_case REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_tally_change();
--> statement-breakpoint
CREATE TRIGGER case_tally_upd AFTER UPDATE ON service_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_tally_change();
--> statement-breakpoint
-- Folds each key's rows into one (see member_tally_compact in 0017 for why this is safe alongside writers).
CREATE FUNCTION case_tally_compact() RETURNS integer LANGUAGE sql AS $$
  WITH busy AS (
    SELECT handling_org_id, service_id, created_month FROM case_tally GROUP BY 1, 2, 3 HAVING count(*) > 1
  ), gone AS (
    DELETE FROM case_tally t USING busy b
      WHERE t.handling_org_id = b.handling_org_id AND t.service_id = b.service_id AND t.created_month = b.created_month
      RETURNING t.*
  ), folded AS (
    INSERT INTO case_tally (handling_org_id, service_id, created_month, n, n_open, n_overdue, n_resolved, handle_seconds, n_rated, n_satisfied, n_online, open_online, resolved_online, n_counter, open_counter, resolved_counter, n_phone, open_phone, resolved_phone)
      SELECT g.handling_org_id, g.service_id, g.created_month, sum(g.n), sum(g.n_open), sum(g.n_overdue), sum(g.n_resolved), sum(g.handle_seconds), sum(g.n_rated), sum(g.n_satisfied), sum(g.n_online), sum(g.open_online), sum(g.resolved_online), sum(g.n_counter), sum(g.open_counter), sum(g.resolved_counter), sum(g.n_phone), sum(g.open_phone), sum(g.resolved_phone) FROM gone g GROUP BY 1, 2, 3 HAVING (sum(g.n), sum(g.n_open), sum(g.n_overdue), sum(g.n_resolved), sum(g.handle_seconds), sum(g.n_rated), sum(g.n_satisfied), sum(g.n_online), sum(g.open_online), sum(g.resolved_online), sum(g.n_counter), sum(g.open_counter), sum(g.resolved_counter), sum(g.n_phone), sum(g.open_phone), sum(g.resolved_phone)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      RETURNING 1
  )
  SELECT count(*)::int FROM gone;
$$;
--> statement-breakpoint
-- Tallies the cases from first_id on: the backfill below, and bulk loads that ran with triggers off.
CREATE FUNCTION case_tally_fill(first_id bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO case_tally (handling_org_id, service_id, created_month, n, n_open, n_overdue, n_resolved, handle_seconds, n_rated, n_satisfied, n_online, open_online, resolved_online, n_counter, open_counter, resolved_counter, n_phone, open_phone, resolved_phone)
    SELECT k.handling_org_id, k.service_id, k.created_month, sum(k.n), sum(k.n_open), sum(k.n_overdue), sum(k.n_resolved), sum(k.handle_seconds), sum(k.n_rated), sum(k.n_satisfied), sum(k.n_online), sum(k.open_online), sum(k.resolved_online), sum(k.n_counter), sum(k.open_counter), sum(k.resolved_counter), sum(k.n_phone), sum(k.open_phone), sum(k.resolved_phone) FROM service_case c, case_tally_of(c, 1) k WHERE c.id >= first_id GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
SELECT case_tally_fill(0);--> statement-breakpoint
DROP INDEX "service_case_queue_idx";--> statement-breakpoint
CREATE INDEX "service_case_queue_idx" ON "service_case" USING btree ("handling_org_id","state","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"overdue","assignee_id");--> statement-breakpoint
CREATE INDEX "service_case_resolved_idx" ON "service_case" USING btree ("resolved_at","handling_org_id") WHERE "service_case"."state" = 'resolved';
