CREATE TABLE "voucher_draw" (
	"campaign_id" bigint PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"registrations" integer NOT NULL,
	"winners" integer NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"drawn_by" bigint
);
--> statement-breakpoint
CREATE TABLE "voucher_draw_winner" (
	"campaign_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"member_id" bigint NOT NULL,
	"pseudo_id" text NOT NULL,
	"weight" integer NOT NULL,
	"draw_key" double precision NOT NULL,
	CONSTRAINT "voucher_draw_winner_campaign_id_rank_pk" PRIMARY KEY("campaign_id","rank")
);
--> statement-breakpoint
CREATE TABLE "voucher_registration" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_registration_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"pseudo_id" text NOT NULL,
	"weight" integer NOT NULL,
	"hardship" boolean NOT NULL,
	"new_employment" boolean NOT NULL,
	"first_benefit" boolean NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voucher_registration_weight_check" CHECK ("voucher_registration"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "voucher_settlement" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_settlement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"vouchers" integer NOT NULL,
	"face_value_fen" bigint NOT NULL,
	"subsidy_due_fen" bigint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_by" bigint,
	"confirmed_at" timestamp with time zone,
	"approved_by" bigint,
	"approved_at" timestamp with time zone,
	CONSTRAINT "voucher_settlement_state_check" CHECK ("voucher_settlement"."state" in ('draft','confirmed','approved')),
	CONSTRAINT "voucher_settlement_period_check" CHECK ("voucher_settlement"."period_start" <= "voucher_settlement"."period_end")
);
--> statement-breakpoint
CREATE TABLE "voucher_settlement_line" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_settlement_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"settlement_id" bigint NOT NULL,
	"voucher_id" bigint NOT NULL,
	"campaign_id" bigint NOT NULL,
	"face_value_fen" integer NOT NULL,
	"subsidy_fen" integer NOT NULL,
	"redeemed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "voucher_draw" ADD CONSTRAINT "voucher_draw_campaign_id_voucher_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_draw" ADD CONSTRAINT "voucher_draw_drawn_by_account_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_draw_winner" ADD CONSTRAINT "voucher_draw_winner_campaign_id_voucher_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_draw_winner" ADD CONSTRAINT "voucher_draw_winner_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_registration" ADD CONSTRAINT "voucher_registration_campaign_id_voucher_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_registration" ADD CONSTRAINT "voucher_registration_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_registration" ADD CONSTRAINT "voucher_registration_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement" ADD CONSTRAINT "voucher_settlement_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement" ADD CONSTRAINT "voucher_settlement_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement" ADD CONSTRAINT "voucher_settlement_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement" ADD CONSTRAINT "voucher_settlement_confirmed_by_account_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement" ADD CONSTRAINT "voucher_settlement_approved_by_account_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement_line" ADD CONSTRAINT "voucher_settlement_line_settlement_id_voucher_settlement_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."voucher_settlement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement_line" ADD CONSTRAINT "voucher_settlement_line_voucher_id_voucher_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."voucher"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_settlement_line" ADD CONSTRAINT "voucher_settlement_line_campaign_id_voucher_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_draw_winner_member_uq" ON "voucher_draw_winner" USING btree ("campaign_id","member_id");--> statement-breakpoint
CREATE INDEX "voucher_draw_winner_member_idx" ON "voucher_draw_winner" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_registration_member_uq" ON "voucher_registration" USING btree ("campaign_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_registration_pseudo_uq" ON "voucher_registration" USING btree ("campaign_id","pseudo_id");--> statement-breakpoint
CREATE INDEX "voucher_settlement_org_idx" ON "voucher_settlement" USING btree ("org_id","state","id");--> statement-breakpoint
CREATE INDEX "voucher_settlement_merchant_idx" ON "voucher_settlement" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_settlement_line_voucher_uq" ON "voucher_settlement_line" USING btree ("voucher_id");--> statement-breakpoint
CREATE INDEX "voucher_settlement_line_settlement_idx" ON "voucher_settlement_line" USING btree ("settlement_id","id");