-- What a module may read of another module's records (issue 15): read-only views with the columns
-- others join for lists and scope, declared in Drizzle with pgView(...).existing(). Simple views are
-- inlined by the planner, so a join through one plans as a join on the table. Ciphertext and blind
-- indexes stay out: the owning module answers those through functions.
CREATE VIEW org_ref AS
  SELECT id, parent_id, path, depth, code, name, type, level, status FROM org;
--> statement-breakpoint
CREATE VIEW account_ref AS
  SELECT id, kind, display_name, org_id, status FROM account;
--> statement-breakpoint
CREATE VIEW member_ref AS
  SELECT id, org_id, account_id, name, gender, birth_date, employer, post, job_type, status FROM member;
