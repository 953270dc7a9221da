CREATE TABLE "case_tally" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_tally_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"handling_org_id" bigint NOT NULL,
	"service_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"created_month" date NOT NULL,
	"state" text NOT NULL,
	"overdue" boolean NOT NULL,
	"rating" text,
	"resolved_month" date,
	"n" integer NOT NULL,
	"handle_seconds" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_tally_org_idx" ON "case_tally" USING btree ("handling_org_id","created_month");--> statement-breakpoint
-- A case's tally key and measures (months in China time, as the figures' date filters are).
CREATE FUNCTION case_tally_of(c service_case, sign integer,
  OUT handling_org_id bigint, OUT service_id bigint, OUT channel text, OUT created_month date, OUT state text,
  OUT overdue boolean, OUT rating text, OUT resolved_month date, OUT n integer, OUT handle_seconds double precision)
LANGUAGE sql IMMUTABLE AS $$
  SELECT c.handling_org_id, c.service_id, c.channel,
    date_trunc('month', (c.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date,
    c.state, c.overdue, c.rating,
    CASE WHEN c.state = 'resolved' AND c.resolved_at IS NOT NULL
      THEN date_trunc('month', (c.resolved_at AT TIME ZONE 'UTC') + interval '8 hours')::date END,
    sign,
    CASE WHEN c.state = 'resolved' AND c.resolved_at IS NOT NULL
      THEN sign * extract(epoch FROM c.resolved_at - c.created_at)::double precision ELSE 0 END
$$;
--> statement-breakpoint
CREATE FUNCTION case_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_tally (handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month, n, handle_seconds)
      SELECT k.handling_org_id, k.service_id, k.channel, k.created_month, k.state, k.overdue, k.rating, k.resolved_month, sum(k.n), sum(k.handle_seconds)
      FROM new_rows r, case_tally_of(r, 1) k GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_tally (handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month, n, handle_seconds)
      SELECT k.handling_org_id, k.service_id, k.channel, k.created_month, k.state, k.overdue, k.rating, k.resolved_month, sum(k.n), sum(k.handle_seconds)
      FROM old_rows r, case_tally_of(r, -1) k GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSE
    INSERT INTO case_tally (handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month, n, handle_seconds)
      SELECT k.handling_org_id, k.service_id, k.channel, k.created_month, k.state, k.overdue, k.rating, k.resolved_month, sum(k.n), sum(k.handle_seconds)
      FROM (SELECT k1.* FROM old_rows r, case_tally_of(r, -1) k1 UNION ALL SELECT k2.* FROM new_rows r, case_tally_of(r, 1) k2) k
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(k.n) <> 0 OR sum(k.handle_seconds) <> 0;
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
    SELECT handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month
    FROM case_tally GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING count(*) > 1
  ), gone AS (
    DELETE FROM case_tally t USING busy b
      WHERE t.handling_org_id = b.handling_org_id AND t.service_id = b.service_id AND t.channel = b.channel
        AND t.created_month = b.created_month AND t.state = b.state AND t.overdue = b.overdue
        AND t.rating IS NOT DISTINCT FROM b.rating AND t.resolved_month IS NOT DISTINCT FROM b.resolved_month
      RETURNING t.*
  ), folded AS (
    INSERT INTO case_tally (handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month, n, handle_seconds)
      SELECT handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month, sum(n), sum(handle_seconds)
      FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
      RETURNING 1
  )
  SELECT count(*)::int FROM gone;
$$;
--> statement-breakpoint
INSERT INTO case_tally (handling_org_id, service_id, channel, created_month, state, overdue, rating, resolved_month, n, handle_seconds)
  SELECT k.handling_org_id, k.service_id, k.channel, k.created_month, k.state, k.overdue, k.rating, k.resolved_month, sum(k.n), sum(k.handle_seconds)
  FROM service_case c, case_tally_of(c, 1) k GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
