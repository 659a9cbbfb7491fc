-- The plans every installation starts with; operators change them through /v1/platform/plans.
-- NULL limits are unlimited. ON CONFLICT keeps an operator's later edits if this ever re-runs.
INSERT INTO "plans" ("code", "name", "max_products", "max_vendors", "max_staff", "max_orders_per_month", "tenant_requests_per_minute")
VALUES
  ('free', 'Free', 50, 3, 2, 100, 300),
  ('growth', 'Growth', 5000, 100, 25, 10000, 3000),
  ('enterprise', 'Enterprise', NULL, NULL, NULL, NULL, 30000)
ON CONFLICT ("code") DO NOTHING;
