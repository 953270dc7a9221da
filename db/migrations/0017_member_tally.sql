CREATE TABLE "member_tally" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_tally_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"job_type" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "member_tally_key_idx" ON "member_tally" USING btree ("org_id","job_type","status");
--> statement-breakpoint
CREATE FUNCTION member_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_tally (org_id, job_type, status, n)
    SELECT org_id, job_type, status, count(*) FROM new_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION member_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_tally (org_id, job_type, status, n)
    SELECT org_id, job_type, status, -count(*) FROM old_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION member_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_tally (org_id, job_type, status, n)
    SELECT org_id, job_type, status, sum(d) FROM (
      SELECT org_id, job_type, status, -1 AS d FROM old_rows
      UNION ALL
      SELECT org_id, job_type, status, 1 AS d FROM new_rows
    ) change GROUP BY 1, 2, 3 HAVING sum(d) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_tally_ins AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tally_insert();
--> statement-breakpoint
CREATE TRIGGER member_tally_del AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tally_delete();
--> statement-breakpoint
CREATE TRIGGER member_tally_upd AFTER UPDATE ON member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_tally_update();
--> statement-breakpoint
-- Folds each key's rows into one. Rows of transactions still open are invisible here and are
-- folded next time; two runs at once delete disjoint rows (a row deleted by one is skipped by the other).
CREATE FUNCTION member_tally_compact() RETURNS integer LANGUAGE sql AS $$
  WITH busy AS (
    SELECT org_id, job_type, status FROM member_tally GROUP BY 1, 2, 3 HAVING count(*) > 1
  ), gone AS (
    DELETE FROM member_tally t USING busy
      WHERE t.org_id = busy.org_id AND t.job_type = busy.job_type AND t.status = busy.status
      RETURNING t.org_id, t.job_type, t.status, t.n
  ), folded AS (
    INSERT INTO member_tally (org_id, job_type, status, n)
      SELECT org_id, job_type, status, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0
      RETURNING 1
  )
  SELECT count(*)::int FROM gone;
$$;
--> statement-breakpoint
INSERT INTO member_tally (org_id, job_type, status, n) SELECT org_id, job_type, status, count(*) FROM member GROUP BY 1, 2, 3;
