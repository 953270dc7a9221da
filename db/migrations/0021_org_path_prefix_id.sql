DROP INDEX "org_path_prefix_idx";--> statement-breakpoint
CREATE INDEX "org_path_prefix_idx" ON "org" USING btree ("path" text_pattern_ops,"id");