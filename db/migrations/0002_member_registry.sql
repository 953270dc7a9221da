CREATE TABLE "correction" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "correction_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"changes" jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "join_request" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "join_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"form" jsonb NOT NULL,
	"id_number_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"member_id" bigint,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"account_id" bigint,
	"name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"ethnicity" text,
	"political_status" text,
	"education" text,
	"household_type" text,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"employer" text,
	"post" text,
	"job_type" text DEFAULT 'regular' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"joined_at" date NOT NULL,
	"card_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_status_check" CHECK ("member"."status" in ('active','transferring','left','deceased')),
	CONSTRAINT "member_gender_check" CHECK ("member"."gender" in ('male','female'))
);
--> statement-breakpoint
CREATE TABLE "member_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"org_id" bigint NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"note" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"from_org_id" bigint NOT NULL,
	"to_org_id" bigint NOT NULL,
	"status" text DEFAULT 'pending_out' NOT NULL,
	"reason" text,
	"reject_reason" text,
	"requested_by" bigint NOT NULL,
	"out_decided_by" bigint,
	"out_decided_at" timestamp with time zone,
	"in_decided_by" bigint,
	"in_decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correction" ADD CONSTRAINT "correction_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction" ADD CONSTRAINT "correction_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_request" ADD CONSTRAINT "join_request_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_request" ADD CONSTRAINT "join_request_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_request" ADD CONSTRAINT "join_request_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_event" ADD CONSTRAINT "member_event_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_from_org_id_org_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_to_org_id_org_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_org_idx" ON "correction" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "join_request_org_idx" ON "join_request" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "join_request_one_pending_uq" ON "join_request" USING btree ("account_id") WHERE "join_request"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "member_id_number_uq" ON "member" USING btree ("id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "member_card_no_uq" ON "member" USING btree ("card_no");--> statement-breakpoint
CREATE UNIQUE INDEX "member_account_uq" ON "member" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "member_phone_idx" ON "member" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "member_org_idx" ON "member" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "member_name_idx" ON "member" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_joined_idx" ON "member" USING btree ("joined_at");--> statement-breakpoint
CREATE INDEX "member_event_member_idx" ON "member_event" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "transfer_from_idx" ON "transfer" USING btree ("from_org_id","status");--> statement-breakpoint
CREATE INDEX "transfer_to_idx" ON "transfer" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_one_open_uq" ON "transfer" USING btree ("member_id") WHERE "transfer"."status" in ('pending_out','pending_in');