CREATE TABLE "merchant" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"licence_no" text NOT NULL,
	"categories" text[] NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"discount_terms" text DEFAULT '' NOT NULL,
	"hours" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_status_check" CHECK ("merchant"."status" in ('applied','approved','rejected','listed','warned','suspended','exited'))
);
--> statement-breakpoint
CREATE TABLE "voucher_campaign" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_campaign_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"mode" text DEFAULT 'first_come' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"face_value_fen" integer NOT NULL,
	"min_spend_fen" integer DEFAULT 0 NOT NULL,
	"quantity" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"per_member_limit" integer DEFAULT 1 NOT NULL,
	"member_types" text[],
	"merchant_ids" bigint[],
	"categories" text[],
	"claim_starts_at" timestamp with time zone NOT NULL,
	"claim_ends_at" timestamp with time zone NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "voucher_campaign_kind_check" CHECK ("voucher_campaign"."kind" in ('spring_festival','festival','birthday','general')),
	CONSTRAINT "voucher_campaign_mode_check" CHECK ("voucher_campaign"."mode" in ('first_come','lottery')),
	CONSTRAINT "voucher_campaign_state_check" CHECK ("voucher_campaign"."state" in ('draft','published','closed')),
	CONSTRAINT "voucher_campaign_money_check" CHECK ("voucher_campaign"."face_value_fen" > 0 and "voucher_campaign"."min_spend_fen" >= 0 and "voucher_campaign"."quantity" > 0 and "voucher_campaign"."per_member_limit" > 0 and "voucher_campaign"."budget_fen" >= "voucher_campaign"."face_value_fen"::bigint * "voucher_campaign"."quantity"),
	CONSTRAINT "voucher_campaign_window_check" CHECK ("voucher_campaign"."claim_starts_at" < "voucher_campaign"."claim_ends_at" and "voucher_campaign"."valid_from" < "voucher_campaign"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "voucher" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voucher_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"state" text DEFAULT 'issued' NOT NULL,
	"face_value_fen" integer NOT NULL,
	"idempotency_key" text,
	"claimed_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"redeemed_merchant_id" bigint,
	CONSTRAINT "voucher_state_check" CHECK ("voucher"."state" in ('issued','redeemed','expired','void')),
	CONSTRAINT "voucher_redeemed_check" CHECK (("voucher"."state" = 'redeemed') = ("voucher"."redeemed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "merchant" ADD CONSTRAINT "merchant_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_campaign" ADD CONSTRAINT "voucher_campaign_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_campaign" ADD CONSTRAINT "voucher_campaign_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher" ADD CONSTRAINT "voucher_campaign_id_voucher_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher" ADD CONSTRAINT "voucher_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher" ADD CONSTRAINT "voucher_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher" ADD CONSTRAINT "voucher_redeemed_merchant_id_merchant_id_fk" FOREIGN KEY ("redeemed_merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_licence_uq" ON "merchant" USING btree ("org_id","licence_no");--> statement-breakpoint
CREATE INDEX "merchant_org_status_idx" ON "merchant" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "voucher_campaign_org_idx" ON "voucher_campaign" USING btree ("org_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_code_uq" ON "voucher" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_member_seq_uq" ON "voucher" USING btree ("campaign_id","member_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "voucher_idempotency_uq" ON "voucher" USING btree ("account_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "voucher_account_idx" ON "voucher" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "voucher_merchant_idx" ON "voucher" USING btree ("redeemed_merchant_id","redeemed_at") WHERE "voucher"."redeemed_merchant_id" is not null;