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
CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"attempt_id" uuid NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone NOT NULL,
	"locked_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("tenant_id","client_id","key"),
	CONSTRAINT "idempotency_keys_status_check" CHECK ("idempotency_keys"."status" in ('in_progress', 'completed')),
	CONSTRAINT "idempotency_keys_key_check" CHECK (char_length("idempotency_keys"."key") between 1 and 255),
	CONSTRAINT "idempotency_keys_completed_check" CHECK ("idempotency_keys"."status" = 'in_progress' or ("idempotency_keys"."response_status" is not null and "idempotency_keys"."completed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
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
CREATE TABLE "courier_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid,
	"owner_key" uuid GENERATED ALWAYS AS (coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED NOT NULL,
	"courier" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"sealed_credentials" text NOT NULL,
	"key_id" text NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "courier_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rate_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid,
	"owner_key" uuid GENERATED ALWAYS AS (coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED NOT NULL,
	"zone" text NOT NULL,
	"currency" text NOT NULL,
	"slabs" jsonb NOT NULL,
	"extra_per_kg_minor" bigint,
	"cod_fee_bps" integer NOT NULL,
	"cod_fee_min_minor" bigint NOT NULL,
	"free_shipping_threshold_minor" bigint,
	"use_courier_price_plan" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_rules_cod_fee_bps_check" CHECK ("rate_rules"."cod_fee_bps" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "rate_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shipment_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"source" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"courier_status" text NOT NULL,
	"status" text,
	"applied" text NOT NULL,
	"message" text,
	"occurred_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shipment_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"order_number" text,
	"sub_order_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"courier" text NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text NOT NULL,
	"zone" text NOT NULL,
	"warehouse_id" uuid,
	"recipient" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"weight_grams" integer NOT NULL,
	"item_count" integer NOT NULL,
	"currency" text NOT NULL,
	"cod_amount_minor" bigint NOT NULL,
	"shipping_cost_minor" bigint NOT NULL,
	"cod_collected_minor" bigint,
	"consignment_id" text,
	"tracking_id" text,
	"courier_status" text,
	"booking_attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"booking_error" text,
	"label_path" text,
	"label_bytes" integer,
	"label_sha256" text,
	"booked_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shipments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" USING btree ("created_at") WHERE "outbox_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reports_tenant_created_idx" ON "reports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "courier_accounts_owner_courier_key" ON "courier_accounts" USING btree ("tenant_id","owner_key","courier");--> statement-breakpoint
CREATE INDEX "courier_accounts_tenant_vendor_idx" ON "courier_accounts" USING btree ("tenant_id","vendor_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_rules_owner_zone_key" ON "rate_rules" USING btree ("tenant_id","owner_key","zone");--> statement-breakpoint
CREATE INDEX "rate_rules_tenant_zone_idx" ON "rate_rules" USING btree ("tenant_id","zone");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_events_dedupe_key" ON "shipment_events" USING btree ("tenant_id","shipment_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "shipment_events_tenant_shipment_idx" ON "shipment_events" USING btree ("tenant_id","shipment_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_sub_order_key" ON "shipments" USING btree ("tenant_id","sub_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_consignment_key" ON "shipments" USING btree ("tenant_id","courier","consignment_id");--> statement-breakpoint
CREATE INDEX "shipments_tenant_order_idx" ON "shipments" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "shipments_tenant_created_idx" ON "shipments" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "shipments_pending_idx" ON "shipments" USING btree ("next_attempt_at") WHERE "shipments"."status" = 'pending';--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "idempotency_keys" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "idempotency_purge_select" ON "idempotency_keys" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.idempotency_purge', true) = 'on' and "idempotency_keys"."expires_at" < now());--> statement-breakpoint
CREATE POLICY "idempotency_purge_delete" ON "idempotency_keys" AS PERMISSIVE FOR DELETE TO public USING (current_setting('app.idempotency_purge', true) = 'on' and "idempotency_keys"."expires_at" < now());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reports" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "courier_accounts" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "rate_rules" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "shipment_events" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "shipments" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "shipments_jobs_select" ON "shipments" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.shipping_jobs', true) = 'on');--> statement-breakpoint
CREATE POLICY "shipments_jobs_update" ON "shipments" AS PERMISSIVE FOR UPDATE TO public USING (current_setting('app.shipping_jobs', true) = 'on') WITH CHECK (current_setting('app.shipping_jobs', true) = 'on');