DROP INDEX "inbox_account_idx";--> statement-breakpoint
CREATE INDEX "inbox_account_idx" ON "inbox_message" USING btree ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);