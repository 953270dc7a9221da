CREATE TABLE "congress_attendance" (
	"session_id" bigint NOT NULL,
	"representative_id" bigint NOT NULL,
	"via" text NOT NULL,
	"recorded_by" bigint,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_attendance_session_id_representative_id_pk" PRIMARY KEY("session_id","representative_id"),
	CONSTRAINT "congress_attendance_via_check" CHECK ("congress_attendance"."via" in ('qr','staff'))
);
--> statement-breakpoint
CREATE TABLE "congress_body" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_body_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_document" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"file_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_representative" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_representative_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"term_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"delegation" text NOT NULL,
	"category" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"successor_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_representative_category_check" CHECK ("congress_representative"."category" in ('frontline','technical','manager','other')),
	CONSTRAINT "congress_representative_state_check" CHECK ("congress_representative"."state" in ('active','replaced','left'))
);
--> statement-breakpoint
CREATE TABLE "congress_rules" (
	"org_id" bigint PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_session" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_session_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"term_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"documents_sent_at" timestamp with time zone,
	"state" text DEFAULT 'planned' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"check_in_token" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_session_state_check" CHECK ("congress_session"."state" in ('planned','open','closed'))
);
--> statement-breakpoint
CREATE TABLE "congress_term" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_term_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"body_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_term_period_check" CHECK ("congress_term"."ends_on" > "congress_term"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_session_id_congress_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_representative_id_congress_representative_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_attendance" ADD CONSTRAINT "congress_attendance_recorded_by_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_body" ADD CONSTRAINT "congress_body_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_document" ADD CONSTRAINT "congress_document_session_id_congress_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_representative" ADD CONSTRAINT "congress_representative_term_id_congress_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_representative" ADD CONSTRAINT "congress_representative_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_rules" ADD CONSTRAINT "congress_rules_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_rules" ADD CONSTRAINT "congress_rules_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_session" ADD CONSTRAINT "congress_session_term_id_congress_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_term" ADD CONSTRAINT "congress_term_body_id_congress_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."congress_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "congress_body_org_name_uq" ON "congress_body" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "congress_document_session_idx" ON "congress_document" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_representative_member_uq" ON "congress_representative" USING btree ("term_id","member_id");--> statement-breakpoint
CREATE INDEX "congress_representative_term_idx" ON "congress_representative" USING btree ("term_id","state");--> statement-breakpoint
CREATE INDEX "congress_representative_member_idx" ON "congress_representative" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_session_number_uq" ON "congress_session" USING btree ("term_id","number");--> statement-breakpoint
CREATE INDEX "congress_session_starts_idx" ON "congress_session" USING btree ("term_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_term_number_uq" ON "congress_term" USING btree ("body_id","number");