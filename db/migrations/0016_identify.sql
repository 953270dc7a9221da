CREATE TABLE "identify_candidate" (
	"member_id" bigint PRIMARY KEY NOT NULL,
	"org_id" bigint NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"hidden_until" timestamp with time zone,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identify_dismissal" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "identify_dismissal_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"fingerprint" jsonb NOT NULL,
	"dismissed_by" bigint NOT NULL,
	"dismissed_at" timestamp with time zone NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identify_rule" (
	"org_id" bigint NOT NULL,
	"code" text NOT NULL,
	"enabled" boolean NOT NULL,
	"weight" integer NOT NULL,
	"params" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identify_rule_org_id_code_pk" PRIMARY KEY("org_id","code")
);
--> statement-breakpoint
CREATE TABLE "identify_visit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "identify_visit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"assignee_id" bigint NOT NULL,
	"due_date" date NOT NULL,
	"note_enc" text,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_situation" (
	"member_id" bigint PRIMARY KEY NOT NULL,
	"data_enc" text NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identify_candidate" ADD CONSTRAINT "identify_candidate_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_candidate" ADD CONSTRAINT "identify_candidate_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_dismissal" ADD CONSTRAINT "identify_dismissal_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_dismissal" ADD CONSTRAINT "identify_dismissal_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_dismissal" ADD CONSTRAINT "identify_dismissal_dismissed_by_account_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_rule" ADD CONSTRAINT "identify_rule_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_rule" ADD CONSTRAINT "identify_rule_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_visit" ADD CONSTRAINT "identify_visit_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_visit" ADD CONSTRAINT "identify_visit_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_visit" ADD CONSTRAINT "identify_visit_assignee_id_account_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identify_visit" ADD CONSTRAINT "identify_visit_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_situation" ADD CONSTRAINT "member_situation_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_situation" ADD CONSTRAINT "member_situation_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identify_candidate_org_idx" ON "identify_candidate" USING btree ("org_id","score" DESC NULLS LAST,"member_id");--> statement-breakpoint
CREATE INDEX "identify_dismissal_member_idx" ON "identify_dismissal" USING btree ("member_id","until");--> statement-breakpoint
CREATE INDEX "identify_visit_member_idx" ON "identify_visit" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "identify_visit_assignee_idx" ON "identify_visit" USING btree ("assignee_id","state") WHERE "identify_visit"."state" = 'open';