CREATE TABLE "aid_household_total" (
	"programme_id" bigint NOT NULL,
	"file_id" bigint NOT NULL,
	"committed_fen" bigint NOT NULL,
	"times" integer NOT NULL,
	CONSTRAINT "aid_household_total_programme_id_file_id_pk" PRIMARY KEY("programme_id","file_id"),
	CONSTRAINT "aid_household_total_check" CHECK ("aid_household_total"."committed_fen" >= 0 and "aid_household_total"."times" >= 0)
);
--> statement-breakpoint
CREATE TABLE "aid_programme" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aid_programme_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"budget_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"rules" jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aid_programme_budget_check" CHECK ("aid_programme"."budget_fen" >= 0 and "aid_programme"."committed_fen" >= 0 and "aid_programme"."paid_fen" >= 0 and "aid_programme"."committed_fen" <= "aid_programme"."budget_fen" and "aid_programme"."paid_fen" <= "aid_programme"."committed_fen"),
	CONSTRAINT "aid_programme_year_check" CHECK ("aid_programme"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "aid_record" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aid_record_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"programme_id" bigint NOT NULL,
	"programme_org_id" bigint NOT NULL,
	"file_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"form" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"goods" text,
	"given_on" date NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"note" text,
	"proposed_by" bigint NOT NULL,
	"proposed_by_name" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" bigint,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"paid_by" bigint,
	"paid_by_name" text,
	"paid_at" timestamp with time zone,
	"cancelled_by" bigint,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aid_record_amount_check" CHECK ("aid_record"."amount_fen" > 0),
	CONSTRAINT "aid_record_goods_check" CHECK ("aid_record"."form" = 'cash' or "aid_record"."goods" is not null),
	CONSTRAINT "aid_record_approver_check" CHECK ("aid_record"."decided_by" is null or "aid_record"."decided_by" <> "aid_record"."proposed_by")
);
--> statement-breakpoint
CREATE TABLE "aid_wish" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aid_wish_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"member_id" bigint,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"estimated_fen" bigint NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" bigint,
	"published_at" timestamp with time zone,
	"donor_kind" text,
	"donor_name" text,
	"donor_account_id" bigint,
	"claimed_at" timestamp with time zone,
	"fulfil_note" text,
	"fulfilled_by" bigint,
	"fulfilled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aid_wish_value_check" CHECK ("aid_wish"."estimated_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "aid_household_total" ADD CONSTRAINT "aid_household_total_programme_id_aid_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."aid_programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_household_total" ADD CONSTRAINT "aid_household_total_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_programme" ADD CONSTRAINT "aid_programme_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_programme" ADD CONSTRAINT "aid_programme_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_programme_id_aid_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."aid_programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_programme_org_id_org_id_fk" FOREIGN KEY ("programme_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_file_id_hardship_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_proposed_by_account_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_decided_by_account_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_paid_by_account_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_record" ADD CONSTRAINT "aid_record_cancelled_by_account_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_wish" ADD CONSTRAINT "aid_wish_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_wish" ADD CONSTRAINT "aid_wish_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_wish" ADD CONSTRAINT "aid_wish_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_wish" ADD CONSTRAINT "aid_wish_reviewed_by_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_wish" ADD CONSTRAINT "aid_wish_donor_account_id_account_id_fk" FOREIGN KEY ("donor_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_wish" ADD CONSTRAINT "aid_wish_fulfilled_by_account_id_fk" FOREIGN KEY ("fulfilled_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aid_programme_org_idx" ON "aid_programme" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "aid_record_programme_idx" ON "aid_record" USING btree ("programme_id","state");--> statement-breakpoint
CREATE INDEX "aid_record_org_idx" ON "aid_record" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "aid_record_porg_idx" ON "aid_record" USING btree ("programme_org_id","state");--> statement-breakpoint
CREATE INDEX "aid_record_member_idx" ON "aid_record" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "aid_record_file_idx" ON "aid_record" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "aid_wish_board_idx" ON "aid_wish" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "aid_wish_org_idx" ON "aid_wish" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "aid_wish_account_idx" ON "aid_wish" USING btree ("account_id");