CREATE TABLE "qa_entry" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qa_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"kind" text DEFAULT 'qa' NOT NULL,
	"category" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"source" text,
	"effective_from" date,
	"effective_to" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"edited_by" bigint,
	"edited_by_name" text,
	"published_by" bigint,
	"published_by_name" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "qa_entry_status_check" CHECK ("qa_entry"."status" in ('draft','published','withdrawn')),
	CONSTRAINT "qa_entry_dates_check" CHECK ("qa_entry"."effective_to" is null or "qa_entry"."effective_from" is null or "qa_entry"."effective_to" >= "qa_entry"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "alert" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"topic_ids" jsonb NOT NULL,
	"keywords" jsonb NOT NULL,
	"trend_topic_id" bigint,
	"week_start" date,
	"count" integer,
	"baseline" double precision,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_name" text,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_status_check" CHECK ("alert"."status" in ('open','acknowledged','closed'))
);
--> statement-breakpoint
CREATE TABLE "alert_item" (
	"alert_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	CONSTRAINT "alert_item_alert_id_item_id_pk" PRIMARY KEY("alert_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "alert_notice" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_notice_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"alert_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_topic" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_topic_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"name" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_item" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voice_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"publish_consent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"replied_by" bigint,
	"replier_name" text,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"case_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_item_status_check" CHECK ("voice_item"."status" in ('open','replied','closed')),
	CONSTRAINT "voice_item_consent_check" CHECK (not "voice_item"."published" or "voice_item"."publish_consent")
);
--> statement-breakpoint
CREATE TABLE "voice_item_topic" (
	"item_id" bigint NOT NULL,
	"topic_id" bigint NOT NULL,
	"keywords" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "voice_item_topic_item_id_topic_id_pk" PRIMARY KEY("item_id","topic_id")
);
--> statement-breakpoint
ALTER TABLE "qa_entry" ADD CONSTRAINT "qa_entry_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_trend_topic_id_alert_topic_id_fk" FOREIGN KEY ("trend_topic_id") REFERENCES "public"."alert_topic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_item" ADD CONSTRAINT "alert_item_alert_id_alert_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_item" ADD CONSTRAINT "alert_item_item_id_voice_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notice" ADD CONSTRAINT "alert_notice_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notice" ADD CONSTRAINT "alert_notice_alert_id_alert_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_topic" ADD CONSTRAINT "alert_topic_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_item" ADD CONSTRAINT "voice_item_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_item" ADD CONSTRAINT "voice_item_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_item_topic" ADD CONSTRAINT "voice_item_topic_item_id_voice_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."voice_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_item_topic" ADD CONSTRAINT "voice_item_topic_topic_id_alert_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."alert_topic"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_entry_org_idx" ON "qa_entry" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "qa_entry_search_idx" ON "qa_entry" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "qa_entry_question_trgm_idx" ON "qa_entry" USING gin ("question" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "alert_org_idx" ON "alert" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_trend_week_uq" ON "alert" USING btree ("trend_topic_id","week_start");--> statement-breakpoint
CREATE INDEX "alert_item_item_idx" ON "alert_item" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "alert_notice_account_idx" ON "alert_notice" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_topic_org_name_uq" ON "alert_topic" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "voice_item_org_idx" ON "voice_item" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "voice_item_account_idx" ON "voice_item" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "voice_item_published_idx" ON "voice_item" USING btree ("org_id","published_at") WHERE "voice_item"."published";--> statement-breakpoint
CREATE INDEX "voice_item_topic_topic_idx" ON "voice_item_topic" USING btree ("topic_id","created_at");