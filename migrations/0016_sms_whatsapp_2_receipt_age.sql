-- Webhook receipts are pruned by age (worker/channels/webhook-receipts.ts, from the cron): an index on
-- received_at keeps each pruning pass a range delete instead of a table scan. Named to sort after
-- 0016_sms_whatsapp.sql, which creates the table.
CREATE INDEX webhook_receipts_received_at ON webhook_receipts (received_at);
