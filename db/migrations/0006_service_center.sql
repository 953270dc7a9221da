CREATE TABLE "case_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_id" bigint,
	"actor_name" text,
	"actor_kind" text NOT NULL,
	"org_id" bigint,
	"note" text,
	"internal" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint,
	"uploader_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_org_access" (
	"case_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"current" boolean NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "case_org_access_case_id_org_id_pk" PRIMARY KEY("case_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "inbox_message" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inbox_message_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"case_id" bigint,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"overrides_id" bigint,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"form" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"handling_org_id" bigint NOT NULL,
	"deadline_days" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_deadline_check" CHECK ("service"."deadline_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "service_case" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_case_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"service_id" bigint NOT NULL,
	"service_name" text NOT NULL,
	"category" text NOT NULL,
	"form" jsonb NOT NULL,
	"fields_enc" text NOT NULL,
	"channel" text NOT NULL,
	"source" jsonb,
	"state" text NOT NULL,
	"member_id" bigint,
	"account_id" bigint,
	"applicant_name" text NOT NULL,
	"applicant_phone_enc" text,
	"handling_org_id" bigint NOT NULL,
	"assignee_id" bigint,
	"cover_for_id" bigint,
	"due_at" timestamp with time zone NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"resolution" text,
	"reject_reason" text,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"callback" jsonb,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "service_case_state_check" CHECK ("service_case"."state" in ('submitted','accepted','in_progress','resolved','rejected','withdrawn','transferred')),
	CONSTRAINT "service_case_channel_check" CHECK ("service_case"."channel" in ('online','counter','phone'))
);
--> statement-breakpoint
CREATE TABLE "service_post" (
	"account_id" bigint PRIMARY KEY NOT NULL,
	"backup_id" bigint,
	"away_from" timestamp with time zone,
	"away_until" timestamp with time zone,
	"away_reason" text,
	"away_note" text,
	"cover_active" boolean DEFAULT false NOT NULL,
	"cover_by" bigint,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_uploader_id_account_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_org_access" ADD CONSTRAINT "case_org_access_case_id_service_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_org_access" ADD CONSTRAINT "case_org_access_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD CONSTRAINT "inbox_message_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_handling_org_id_org_id_fk" FOREIGN KEY ("handling_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_handling_org_id_org_id_fk" FOREIGN KEY ("handling_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_assignee_id_account_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_case" ADD CONSTRAINT "service_case_cover_for_id_account_id_fk" FOREIGN KEY ("cover_for_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post" ADD CONSTRAINT "service_post_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post" ADD CONSTRAINT "service_post_backup_id_account_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_event_case_idx" ON "case_event" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_file_case_idx" ON "case_file" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_org_access_org_idx" ON "case_org_access" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE INDEX "inbox_account_idx" ON "inbox_message" USING btree ("account_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_org_idx" ON "service" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_override_uq" ON "service" USING btree ("org_id","overrides_id") WHERE "service"."overrides_id" is not null;--> statement-breakpoint
CREATE INDEX "service_case_queue_idx" ON "service_case" USING btree ("handling_org_id","state","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_case_assignee_idx" ON "service_case" USING btree ("assignee_id","state","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_case_member_idx" ON "service_case" USING btree ("member_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_case_account_idx" ON "service_case" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_case_due_idx" ON "service_case" USING btree ("due_at") WHERE "service_case"."state" in ('submitted','accepted','in_progress','transferred') and not "service_case"."overdue";--> statement-breakpoint
CREATE INDEX "service_case_cover_idx" ON "service_case" USING btree ("cover_for_id") WHERE "service_case"."cover_for_id" is not null;