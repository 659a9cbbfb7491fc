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
CREATE TABLE "reservation_allocations" (
	"tenant_id" uuid NOT NULL,
	"reservation_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"vendor_id" uuid,
	"quantity" integer NOT NULL,
	CONSTRAINT "reservation_allocations_pkey" PRIMARY KEY("tenant_id","reservation_id","sku","warehouse_id"),
	CONSTRAINT "reservation_allocations_quantity_ck" CHECK ("reservation_allocations"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "reservation_allocations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"ship_to" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"rejection" jsonb,
	"release_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	CONSTRAINT "reservations_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reservations_order_uq" UNIQUE("tenant_id","order_id"),
	CONSTRAINT "reservations_status_ck" CHECK ("reservations"."status" in ('active', 'committed', 'released', 'expired', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "reservations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "skus" (
	"tenant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"vendor_id" uuid,
	"product_id" uuid,
	"variant_id" uuid,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"low_stock_threshold" integer,
	"low_stock" boolean DEFAULT false NOT NULL,
	"unit_cost_minor" bigint,
	"cost_currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skus_pkey" PRIMARY KEY("tenant_id","sku"),
	CONSTRAINT "skus_totals_ck" CHECK ("skus"."reserved" >= 0 and "skus"."on_hand" >= "skus"."reserved"),
	CONSTRAINT "skus_threshold_ck" CHECK ("skus"."low_stock_threshold" is null or "skus"."low_stock_threshold" >= 0),
	CONSTRAINT "skus_cost_ck" CHECK (("skus"."unit_cost_minor" is null) = ("skus"."cost_currency" is null) and coalesce("skus"."unit_cost_minor" >= 0, true))
);
--> statement-breakpoint
ALTER TABLE "skus" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"tenant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_pkey" PRIMARY KEY("tenant_id","warehouse_id","sku"),
	CONSTRAINT "stock_levels_reserved_ck" CHECK ("stock_levels"."reserved" >= 0),
	CONSTRAINT "stock_levels_available_ck" CHECK ("stock_levels"."on_hand" >= "stock_levels"."reserved")
);
--> statement-breakpoint
ALTER TABLE "stock_levels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"type" text NOT NULL,
	"on_hand_delta" integer NOT NULL,
	"reserved_delta" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"reference_type" text,
	"reference_id" text,
	"counterpart_warehouse_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "stock_movements_type_ck" CHECK ("stock_movements"."type" in ('receipt', 'adjustment', 'reservation', 'commit', 'release', 'return', 'transfer'))
);
--> statement-breakpoint
ALTER TABLE "stock_movements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vendor_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warehouses_pkey" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "warehouses_code_uq" UNIQUE("tenant_id","code"),
	CONSTRAINT "warehouses_coordinates_ck" CHECK (("warehouses"."latitude" is null) = ("warehouses"."longitude" is null) and coalesce("warehouses"."latitude" between -90 and 90, true) and coalesce("warehouses"."longitude" between -180 and 180, true))
);
--> statement-breakpoint
ALTER TABLE "warehouses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "public"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_sku_fk" FOREIGN KEY ("tenant_id","sku") REFERENCES "public"."skus"("tenant_id","sku") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" USING btree ("created_at") WHERE "outbox_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reports_tenant_created_idx" ON "reports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "reservations_expiry_idx" ON "reservations" USING btree ("expires_at") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "skus_vendor_idx" ON "skus" USING btree ("tenant_id","vendor_id","sku");--> statement-breakpoint
CREATE INDEX "skus_low_stock_idx" ON "skus" USING btree ("tenant_id","sku") WHERE "skus"."low_stock";--> statement-breakpoint
CREATE INDEX "stock_levels_sku_idx" ON "stock_levels" USING btree ("tenant_id","sku","warehouse_id");--> statement-breakpoint
CREATE INDEX "stock_movements_sku_idx" ON "stock_movements" USING btree ("tenant_id","sku","id");--> statement-breakpoint
CREATE INDEX "stock_movements_created_idx" ON "stock_movements" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "warehouses_vendor_idx" ON "warehouses" USING btree ("tenant_id","vendor_id","id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "idempotency_keys" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "idempotency_purge_select" ON "idempotency_keys" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.idempotency_purge', true) = 'on' and "idempotency_keys"."expires_at" < now());--> statement-breakpoint
CREATE POLICY "idempotency_purge_delete" ON "idempotency_keys" AS PERMISSIVE FOR DELETE TO public USING (current_setting('app.idempotency_purge', true) = 'on' and "idempotency_keys"."expires_at" < now());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reports" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reservation_allocations" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reservations" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "reservations_sweep_select" ON "reservations" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.inventory_sweep', true) = 'on' and "reservations"."status" = 'active' and "reservations"."expires_at" < now());--> statement-breakpoint
CREATE POLICY "reservations_sweep_update" ON "reservations" AS PERMISSIVE FOR UPDATE TO public USING (current_setting('app.inventory_sweep', true) = 'on' and "reservations"."status" = 'active' and "reservations"."expires_at" < now());--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "skus" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stock_levels" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "stock_movements" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "warehouses" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);