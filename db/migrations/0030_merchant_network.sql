CREATE TABLE "merchant_account" (
	"account_id" bigint NOT NULL,
	"merchant_id" bigint NOT NULL,
	CONSTRAINT "merchant_account_account_id_pk" PRIMARY KEY("account_id")
);
--> statement-breakpoint
CREATE TABLE "merchant_agreement" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_agreement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"discount_terms" text NOT NULL,
	"categories" text[] NOT NULL,
	"signed_by" bigint,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_agreement_period_check" CHECK ("merchant_agreement"."ends_on" >= "merchant_agreement"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "merchant_assessment" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_assessment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"assessor_id" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_call" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_call_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"categories" text[] NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_call_state_check" CHECK ("merchant_call"."state" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "merchant_complaint" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_complaint_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text,
	"detail" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_inspection" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_inspection_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"inspected_on" date NOT NULL,
	"items" jsonb NOT NULL,
	"score" integer NOT NULL,
	"max" integer NOT NULL,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"inspector_id" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_location" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_location_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"address" text NOT NULL,
	"lat" double precision,
	"lng" double precision
);
--> statement-breakpoint
CREATE TABLE "merchant_review" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "merchant_review_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" bigint NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"max" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"reviewer_id" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" DROP CONSTRAINT "account_kind_check";--> statement-breakpoint
ALTER TABLE "merchant" ADD COLUMN "call_id" bigint;--> statement-breakpoint
ALTER TABLE "merchant" ADD COLUMN "contact_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "merchant" ADD COLUMN "contact_phone_enc" text;--> statement-breakpoint
ALTER TABLE "merchant" ADD COLUMN "settlement_account_enc" text;--> statement-breakpoint
ALTER TABLE "merchant_account" ADD CONSTRAINT "merchant_account_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_account" ADD CONSTRAINT "merchant_account_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_agreement" ADD CONSTRAINT "merchant_agreement_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_agreement" ADD CONSTRAINT "merchant_agreement_signed_by_account_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_assessment" ADD CONSTRAINT "merchant_assessment_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_assessment" ADD CONSTRAINT "merchant_assessment_assessor_id_account_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_call" ADD CONSTRAINT "merchant_call_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_call" ADD CONSTRAINT "merchant_call_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_complaint" ADD CONSTRAINT "merchant_complaint_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_complaint" ADD CONSTRAINT "merchant_complaint_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_event" ADD CONSTRAINT "merchant_event_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_event" ADD CONSTRAINT "merchant_event_actor_id_account_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_inspection" ADD CONSTRAINT "merchant_inspection_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_inspection" ADD CONSTRAINT "merchant_inspection_inspector_id_account_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_location" ADD CONSTRAINT "merchant_location_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_review" ADD CONSTRAINT "merchant_review_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_review" ADD CONSTRAINT "merchant_review_reviewer_id_account_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchant_account_merchant_idx" ON "merchant_account" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "merchant_agreement_merchant_idx" ON "merchant_agreement" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_assessment_uq" ON "merchant_assessment" USING btree ("merchant_id","year");--> statement-breakpoint
CREATE INDEX "merchant_call_org_idx" ON "merchant_call" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "merchant_complaint_merchant_idx" ON "merchant_complaint" USING btree ("merchant_id","at");--> statement-breakpoint
CREATE INDEX "merchant_event_merchant_idx" ON "merchant_event" USING btree ("merchant_id","at");--> statement-breakpoint
CREATE INDEX "merchant_inspection_merchant_idx" ON "merchant_inspection" USING btree ("merchant_id","inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_location_uq" ON "merchant_location" USING btree ("merchant_id","position");--> statement-breakpoint
CREATE INDEX "merchant_review_merchant_idx" ON "merchant_review" USING btree ("merchant_id");--> statement-breakpoint
ALTER TABLE "merchant" ADD CONSTRAINT "merchant_call_id_merchant_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."merchant_call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchant_call_idx" ON "merchant" USING btree ("call_id");--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_merchant_check" CHECK ("account"."kind" <> 'merchant' or "account"."username" is not null);--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_kind_check" CHECK ("account"."kind" in ('staff','member','merchant'));