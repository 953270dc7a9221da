CREATE TABLE "congress_evaluation" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_evaluation_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "congress_evaluation_state_check" CHECK ("congress_evaluation"."state" in ('draft','open','closed'))
);
--> statement-breakpoint
CREATE TABLE "congress_evaluation_item" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_evaluation_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"evaluation_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_evaluation_rating" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_evaluation_rating_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"evaluation_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"representative_id" bigint NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_evaluation_rating_rating_check" CHECK ("congress_evaluation_rating"."rating" in ('satisfied','basic','unsatisfied','unknown'))
);
--> statement-breakpoint
CREATE TABLE "congress_followup" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_followup_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"rating_id" bigint,
	"owner" text NOT NULL,
	"deadline" date NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"result" text,
	"done_at" timestamp with time zone,
	"report_session_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_followup_state_check" CHECK ("congress_followup"."state" in ('open','done'))
);
--> statement-breakpoint
CREATE TABLE "congress_joint_meeting" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_joint_meeting_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"term_id" bigint NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"decisions" text NOT NULL,
	"confirmed_session_id" bigint,
	"confirmed_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "congress_evaluation" ADD CONSTRAINT "congress_evaluation_session_id_congress_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_evaluation_item" ADD CONSTRAINT "congress_evaluation_item_evaluation_id_congress_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."congress_evaluation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_evaluation_rating" ADD CONSTRAINT "congress_evaluation_rating_evaluation_id_congress_evaluation_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."congress_evaluation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_evaluation_rating" ADD CONSTRAINT "congress_evaluation_rating_item_id_congress_evaluation_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."congress_evaluation_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_evaluation_rating" ADD CONSTRAINT "congress_evaluation_rating_representative_id_congress_representative_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_followup" ADD CONSTRAINT "congress_followup_item_id_congress_evaluation_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."congress_evaluation_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_followup" ADD CONSTRAINT "congress_followup_rating_id_congress_evaluation_rating_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."congress_evaluation_rating"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_followup" ADD CONSTRAINT "congress_followup_report_session_id_congress_session_id_fk" FOREIGN KEY ("report_session_id") REFERENCES "public"."congress_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_followup" ADD CONSTRAINT "congress_followup_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_joint_meeting" ADD CONSTRAINT "congress_joint_meeting_term_id_congress_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_joint_meeting" ADD CONSTRAINT "congress_joint_meeting_confirmed_session_id_congress_session_id_fk" FOREIGN KEY ("confirmed_session_id") REFERENCES "public"."congress_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_joint_meeting" ADD CONSTRAINT "congress_joint_meeting_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_evaluation_session_idx" ON "congress_evaluation" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_evaluation_item_position_uq" ON "congress_evaluation_item" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_evaluation_rating_once_uq" ON "congress_evaluation_rating" USING btree ("item_id","representative_id");--> statement-breakpoint
CREATE INDEX "congress_evaluation_rating_evaluation_idx" ON "congress_evaluation_rating" USING btree ("evaluation_id","representative_id");--> statement-breakpoint
CREATE INDEX "congress_followup_item_idx" ON "congress_followup" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "congress_joint_meeting_term_idx" ON "congress_joint_meeting" USING btree ("term_id","held_on");