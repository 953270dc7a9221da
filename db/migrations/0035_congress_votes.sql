CREATE TABLE "congress_ballot" (
	"motion_id" bigint NOT NULL,
	"receipt" text NOT NULL,
	"choice" text NOT NULL,
	CONSTRAINT "congress_ballot_motion_id_receipt_pk" PRIMARY KEY("motion_id","receipt"),
	CONSTRAINT "congress_ballot_choice_check" CHECK ("congress_ballot"."choice" in ('for','against','abstain'))
);
--> statement-breakpoint
CREATE TABLE "congress_motion" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "congress_motion_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"total" integer,
	"present_at_open" integer,
	"paper_issued" integer,
	"paper_returned" integer,
	"paper_for" integer,
	"paper_against" integer,
	"paper_abstain" integer,
	"paper_invalid" integer,
	"result_for" integer,
	"result_against" integer,
	"result_abstain" integer,
	"result_invalid" integer,
	"result_present" integer,
	"void" boolean DEFAULT false NOT NULL,
	"passed" boolean,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "congress_motion_method_check" CHECK ("congress_motion"."method" in ('secret_electronic','secret_paper','open')),
	CONSTRAINT "congress_motion_state_check" CHECK ("congress_motion"."state" in ('draft','open','closed'))
);
--> statement-breakpoint
CREATE TABLE "congress_motion_roll" (
	"motion_id" bigint NOT NULL,
	"representative_id" bigint NOT NULL,
	"present_at_open" boolean NOT NULL,
	"voted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "congress_motion_roll_motion_id_representative_id_pk" PRIMARY KEY("motion_id","representative_id")
);
--> statement-breakpoint
ALTER TABLE "congress_ballot" ADD CONSTRAINT "congress_ballot_motion_id_congress_motion_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."congress_motion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_motion" ADD CONSTRAINT "congress_motion_session_id_congress_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."congress_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_motion" ADD CONSTRAINT "congress_motion_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_motion_roll" ADD CONSTRAINT "congress_motion_roll_motion_id_congress_motion_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."congress_motion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "congress_motion_roll" ADD CONSTRAINT "congress_motion_roll_representative_id_congress_representative_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."congress_representative"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "congress_motion_session_idx" ON "congress_motion" USING btree ("session_id");