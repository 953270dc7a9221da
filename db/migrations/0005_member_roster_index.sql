DROP INDEX "member_org_idx";--> statement-breakpoint
CREATE INDEX "member_org_job_idx" ON "member" USING btree ("org_id","job_type","status");