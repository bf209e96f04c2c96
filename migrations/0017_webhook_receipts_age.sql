-- Webhook receipts are pruned by age (worker/channels/webhook-receipts.ts, from the cron): an index on
-- received_at keeps each pruning pass a range delete instead of a table scan. (Numbered 0017: wrangler
-- orders migration names ignoring punctuation, so a "0016_sms_whatsapp_2" ran before 0016_sms_whatsapp.)
CREATE INDEX webhook_receipts_received_at ON webhook_receipts (received_at);
