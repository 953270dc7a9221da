CREATE TABLE "voucher_cap" (
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"cap_fen" bigint,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voucher_cap_org_id_kind_pk" PRIMARY KEY("org_id","kind"),
	CONSTRAINT "voucher_cap_check" CHECK ("voucher_cap"."cap_fen" is null or "voucher_cap"."cap_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "voucher_member_total" (
	"member_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"cap_fen" bigint NOT NULL,
	CONSTRAINT "voucher_member_total_member_id_kind_year_pk" PRIMARY KEY("member_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "voucher_stock" (
	"campaign_id" bigint PRIMARY KEY NOT NULL,
	"remaining" integer NOT NULL,
	CONSTRAINT "voucher_stock_remaining_check" CHECK ("voucher_stock"."remaining" >= 0)
);
--> statement-breakpoint
ALTER TABLE "voucher_campaign" ADD COLUMN "registration_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "voucher_cap" ADD CONSTRAINT "voucher_cap_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_member_total" ADD CONSTRAINT "voucher_member_total_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voucher_stock" ADD CONSTRAINT "voucher_stock_campaign_id_voucher_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."voucher_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "voucher_campaign_claimed_idx" ON "voucher" USING btree ("campaign_id","claimed_at");--> statement-breakpoint
CREATE INDEX "voucher_campaign_state_idx" ON "voucher" USING btree ("campaign_id","state");