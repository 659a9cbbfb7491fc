CREATE TABLE "dead_letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consumer" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text,
	"envelope" jsonb NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replayed_at" timestamp with time zone,
	CONSTRAINT "dead_letters_consumer_event_uq" UNIQUE("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "inbox_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"traceparent" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_events_status_ck" CHECK ("outbox_events"."status" in ('pending', 'sent'))
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text NOT NULL,
	"requested_by" text,
	"file_path" text,
	"bytes" integer,
	"sha256" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "reports_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('requested', 'rendering', 'ready', 'failed')),
	CONSTRAINT "reports_ready_has_file" CHECK ("reports"."status" <> 'ready' or ("reports"."file_path" is not null and "reports"."bytes" is not null and "reports"."sha256" is not null))
);
--> statement-breakpoint
ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_blocklist" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_hash" text NOT NULL,
	"value_hint" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_blocklist" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"level" text NOT NULL,
	"vendor_id" uuid,
	"category_id" uuid,
	"tier" text,
	"currency" text NOT NULL,
	"percent_bps" integer NOT NULL,
	"fixed_minor" bigint NOT NULL,
	"minimum_minor" bigint NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_by" text,
	CONSTRAINT "commission_rules_target_ck" CHECK (("commission_rules"."level" = 'vendor' and "commission_rules"."vendor_id" is not null and "commission_rules"."category_id" is null and "commission_rules"."tier" is null)
       or ("commission_rules"."level" = 'category' and "commission_rules"."category_id" is not null and "commission_rules"."vendor_id" is null and "commission_rules"."tier" is null)
       or ("commission_rules"."level" = 'tier' and "commission_rules"."tier" is not null and "commission_rules"."vendor_id" is null and "commission_rules"."category_id" is null)
       or ("commission_rules"."level" = 'default' and "commission_rules"."vendor_id" is null and "commission_rules"."category_id" is null and "commission_rules"."tier" is null)),
	CONSTRAINT "commission_rules_bps_ck" CHECK ("commission_rules"."percent_bps" between 0 and 10000),
	CONSTRAINT "commission_rules_amounts_ck" CHECK ("commission_rules"."fixed_minor" >= 0 and "commission_rules"."minimum_minor" >= 0),
	CONSTRAINT "commission_rules_period_ck" CHECK ("commission_rules"."effective_to" is null or "commission_rules"."effective_to" > "commission_rules"."effective_from")
);
--> statement-breakpoint
ALTER TABLE "commission_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_compliance_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"code" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"findings" jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vendor_compliance_checks_outcome_ck" CHECK ("vendor_compliance_checks"."outcome" in ('passed','failed','skipped'))
);
--> statement-breakpoint
ALTER TABLE "vendor_compliance_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"media_asset_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"number_sealed" text,
	"number_hint" text,
	"issued_on" date,
	"expires_on" date
);
--> statement-breakpoint
ALTER TABLE "vendor_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"outcome" text NOT NULL,
	"submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_performance_facts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"order_id" text,
	"amount_minor" bigint,
	"currency" text,
	"fulfilment_seconds" integer,
	"late" boolean,
	"rating" smallint,
	CONSTRAINT "vendor_performance_facts_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "vendor_performance_facts_rating_ck" CHECK ("vendor_performance_facts"."rating" is null or "vendor_performance_facts"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "vendor_performance_facts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_payout_accounts" (
	"vendor_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"method" text NOT NULL,
	"holder_name" text NOT NULL,
	"bank_name" text,
	"branch_name" text,
	"details_sealed" text NOT NULL,
	"masked_destination" text NOT NULL,
	"schedule" text NOT NULL,
	"minimum_payout_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_payout_accounts_minimum_ck" CHECK ("vendor_payout_accounts"."minimum_payout_minor" >= 0),
	CONSTRAINT "vendor_payout_accounts_bank_ck" CHECK ("vendor_payout_accounts"."method" <> 'bank' or "vendor_payout_accounts"."bank_name" is not null)
);
--> statement-breakpoint
ALTER TABLE "vendor_payout_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" text,
	"actor_roles" text[] NOT NULL,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_stores" (
	"vendor_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"logo_media_id" uuid,
	"banner_media_id" uuid,
	"description" text,
	"return_policy" text,
	"shipping_policy" text,
	"support_email" text,
	"support_phone" text,
	"business_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"holiday_mode" boolean DEFAULT false NOT NULL,
	"holiday_message" text,
	"default_warehouse_id" uuid,
	"handling_time_days" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendor_stores_handling_time_ck" CHECK ("vendor_stores"."handling_time_days" between 0 and 30)
);
--> statement-breakpoint
ALTER TABLE "vendor_stores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"owner_user_id" text,
	"legal_name" text NOT NULL,
	"owner_name" text NOT NULL,
	"business_type" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text NOT NULL,
	"address" jsonb NOT NULL,
	"tier" text DEFAULT 'standard' NOT NULL,
	"status_reason" text,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendors_status_ck" CHECK ("vendors"."status" in ('applied','submitted','checks_failed','approved','rejected','suspended'))
);
--> statement-breakpoint
ALTER TABLE "vendors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "vendor_compliance_checks" ADD CONSTRAINT "vendor_compliance_checks_submission_id_vendor_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."vendor_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_documents" ADD CONSTRAINT "vendor_documents_submission_id_vendor_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."vendor_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_submissions" ADD CONSTRAINT "vendor_submissions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_payout_accounts" ADD CONSTRAINT "vendor_payout_accounts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_audit_log" ADD CONSTRAINT "vendor_audit_log_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_stores" ADD CONSTRAINT "vendor_stores_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" USING btree ("created_at") WHERE "outbox_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reports_tenant_created_idx" ON "reports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_blocklist_value_uq" ON "vendor_blocklist" USING btree ("tenant_id","kind","value_hash");--> statement-breakpoint
CREATE INDEX "vendor_blocklist_tenant_idx" ON "vendor_blocklist" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "commission_rules_vendor_idx" ON "commission_rules" USING btree ("tenant_id","vendor_id","effective_from");--> statement-breakpoint
CREATE INDEX "commission_rules_category_idx" ON "commission_rules" USING btree ("tenant_id","category_id","effective_from");--> statement-breakpoint
CREATE INDEX "commission_rules_level_idx" ON "commission_rules" USING btree ("tenant_id","level","tier","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_compliance_checks_uq" ON "vendor_compliance_checks" USING btree ("tenant_id","submission_id","code");--> statement-breakpoint
CREATE INDEX "vendor_documents_submission_idx" ON "vendor_documents" USING btree ("tenant_id","submission_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_submissions_number_uq" ON "vendor_submissions" USING btree ("tenant_id","vendor_id","number");--> statement-breakpoint
CREATE INDEX "vendor_performance_facts_vendor_idx" ON "vendor_performance_facts" USING btree ("tenant_id","vendor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "vendor_performance_facts_order_idx" ON "vendor_performance_facts" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "vendor_audit_log_vendor_idx" ON "vendor_audit_log" USING btree ("tenant_id","vendor_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_stores_tenant_slug_uq" ON "vendor_stores" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "vendors_tenant_status_idx" ON "vendors" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "vendors_tenant_owner_idx" ON "vendors" USING btree ("tenant_id","owner_user_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reports" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_blocklist" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "commission_rules" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_compliance_checks" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_documents" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_submissions" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_performance_facts" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_payout_accounts" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_audit_log" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_stores" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendors" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);