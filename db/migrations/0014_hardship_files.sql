CREATE TABLE "hardship_consent" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hardship_consent_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"version" text NOT NULL,
	"scope" text[] NOT NULL,
	"given_via" text NOT NULL,
	"recorded_by" bigint,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hardship_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hardship_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"file_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"note_enc" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_evidence" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hardship_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"file_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_file" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hardship_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"consent_id" bigint NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"category" text,
	"causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"household_size" integer,
	"income_band" text,
	"sensitive_enc" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"case_id" bigint,
	"visit_enc" text,
	"verified_by" bigint,
	"verified_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"review_due" date,
	"exited_at" timestamp with time zone,
	"exit_reason" text,
	"exit_note" text,
	"watch_until" date,
	"purge_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_line" (
	"org_id" bigint PRIMARY KEY NOT NULL,
	"minimum_living" integer NOT NULL,
	"low_income" integer NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_view" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hardship_view_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"file_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"viewer_name" text NOT NULL,
	"viewer_org" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hardship_consent" ADD CONSTRAINT "hardship_consent_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_consent" ADD CONSTRAINT "hardship_consent_recorded_by_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_event" ADD CONSTRAINT "hardship_event_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_evidence" ADD CONSTRAINT "hardship_evidence_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_evidence" ADD CONSTRAINT "hardship_evidence_uploaded_by_account_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_consent_id_hardship_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."hardship_consent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_verified_by_account_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file" ADD CONSTRAINT "hardship_file_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_line" ADD CONSTRAINT "hardship_line_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_line" ADD CONSTRAINT "hardship_line_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_view" ADD CONSTRAINT "hardship_view_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_view" ADD CONSTRAINT "hardship_view_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_consent_member_idx" ON "hardship_consent" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "hardship_event_file_idx" ON "hardship_event" USING btree ("file_id","id");--> statement-breakpoint
CREATE INDEX "hardship_evidence_file_idx" ON "hardship_evidence" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_file_current_uq" ON "hardship_file" USING btree ("member_id") WHERE "hardship_file"."state" in ('draft', 'verifying', 'filed');--> statement-breakpoint
CREATE INDEX "hardship_file_org_idx" ON "hardship_file" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "hardship_file_review_idx" ON "hardship_file" USING btree ("review_due") WHERE "hardship_file"."state" = 'filed';--> statement-breakpoint
CREATE INDEX "hardship_view_file_idx" ON "hardship_view" USING btree ("file_id","at");