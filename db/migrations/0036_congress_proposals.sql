CREATE TABLE "congress_duty_record" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_duty_record_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"term_id" bigint NOT NULL,
	"representative_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_duty_record_kind_check" CHECK ("congress_duty_record"."kind" in ('visit','opinion','inspection'))
);
--> statement-breakpoint
CREATE TABLE "congress_proposal" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_proposal_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"term_id" bigint NOT NULL,
	"number" integer,
	"proposer_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"state" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"duty_record_id" bigint,
	"review_decision" text,
	"review_reason" text,
	"reviewed_by" bigint,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_proposal_state_check" CHECK (state in ('cosigning','submitted','accepted','converted','rejected','assigned','answered','closed','withdrawn')),
	CONSTRAINT "congress_proposal_round_check" CHECK ("congress_proposal"."round" >= 1)
);
--> statement-breakpoint
CREATE TABLE "congress_proposal_answer" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_proposal_answer_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"proposal_id" bigint NOT NULL,
	"department" text NOT NULL,
	"body" text NOT NULL,
	"round" integer NOT NULL,
	"answered_by" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_proposal_assignment" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_proposal_assignment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"proposal_id" bigint NOT NULL,
	"department" text NOT NULL,
	"role" text NOT NULL,
	"deadline" date NOT NULL,
	"round" integer NOT NULL,
	"assigned_by" bigint,
	"assigned_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	CONSTRAINT "congress_proposal_assignment_role_check" CHECK ("congress_proposal_assignment"."role" in ('lead','assisting'))
);
--> statement-breakpoint
CREATE TABLE "congress_proposal_cosigner" (
	"proposal_id" bigint NOT NULL,
	"representative_id" bigint NOT NULL,
	"state" text DEFAULT 'invited' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "congress_proposal_cosigner_proposal_id_representative_id_pk" PRIMARY KEY("proposal_id","representative_id"),
	CONSTRAINT "congress_proposal_cosigner_state_check" CHECK ("congress_proposal_cosigner"."state" in ('invited','accepted','declined'))
);
--> statement-breakpoint
CREATE TABLE "congress_proposal_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_proposal_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"proposal_id" bigint NOT NULL,
	"action" text NOT NULL,
	"by" text NOT NULL,
	"by_account_id" bigint,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_proposal_rating" (
	"proposal_id" bigint NOT NULL,
	"representative_id" bigint NOT NULL,
	"round" integer NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_proposal_rating_proposal_id_representative_id_round_pk" PRIMARY KEY("proposal_id","representative_id","round"),
	CONSTRAINT "congress_proposal_rating_check" CHECK ("congress_proposal_rating"."rating" in ('satisfied','basic','unsatisfied'))
);
--> statement-breakpoint
ALTER TABLE "congress_duty_record" ADD CONSTRAINT "congress_duty_record_term_id_congress_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_duty_record" ADD CONSTRAINT "congress_duty_record_representative_id_congress_representative_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal" ADD CONSTRAINT "congress_proposal_term_id_congress_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."congress_term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal" ADD CONSTRAINT "congress_proposal_proposer_id_congress_representative_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal" ADD CONSTRAINT "congress_proposal_duty_record_id_congress_duty_record_id_fk" FOREIGN KEY ("duty_record_id") REFERENCES "public"."congress_duty_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal" ADD CONSTRAINT "congress_proposal_reviewed_by_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_answer" ADD CONSTRAINT "congress_proposal_answer_proposal_id_congress_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."congress_proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_answer" ADD CONSTRAINT "congress_proposal_answer_answered_by_account_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_assignment" ADD CONSTRAINT "congress_proposal_assignment_proposal_id_congress_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."congress_proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_assignment" ADD CONSTRAINT "congress_proposal_assignment_assigned_by_account_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_cosigner" ADD CONSTRAINT "congress_proposal_cosigner_proposal_id_congress_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."congress_proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_cosigner" ADD CONSTRAINT "congress_proposal_cosigner_representative_id_congress_representative_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_event" ADD CONSTRAINT "congress_proposal_event_proposal_id_congress_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."congress_proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_event" ADD CONSTRAINT "congress_proposal_event_by_account_id_account_id_fk" FOREIGN KEY ("by_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_rating" ADD CONSTRAINT "congress_proposal_rating_proposal_id_congress_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."congress_proposal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_proposal_rating" ADD CONSTRAINT "congress_proposal_rating_representative_id_congress_representative_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_duty_record_term_idx" ON "congress_duty_record" USING btree ("term_id","on");--> statement-breakpoint
CREATE INDEX "congress_duty_record_rep_idx" ON "congress_duty_record" USING btree ("representative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_proposal_number_uq" ON "congress_proposal" USING btree ("term_id","number");--> statement-breakpoint
CREATE INDEX "congress_proposal_term_state_idx" ON "congress_proposal" USING btree ("term_id","state");--> statement-breakpoint
CREATE INDEX "congress_proposal_proposer_idx" ON "congress_proposal" USING btree ("proposer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "congress_proposal_answer_uq" ON "congress_proposal_answer" USING btree ("proposal_id","round","department");--> statement-breakpoint
CREATE INDEX "congress_proposal_assignment_proposal_idx" ON "congress_proposal_assignment" USING btree ("proposal_id","round");--> statement-breakpoint
CREATE INDEX "congress_proposal_cosigner_rep_idx" ON "congress_proposal_cosigner" USING btree ("representative_id");--> statement-breakpoint
CREATE INDEX "congress_proposal_event_proposal_idx" ON "congress_proposal_event" USING btree ("proposal_id","at");