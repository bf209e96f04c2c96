-- Outgoing webhooks: merchants subscribe URLs to event names; every matching event is delivered
-- through the baton-webhooks queue, signed, and logged here.

CREATE TABLE webhook_subscriptions (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  event_names TEXT NOT NULL DEFAULT '[]', -- JSON array of event names; ["*"] means every event
  secret TEXT NOT NULL,                    -- signing secret, sealed like helpdesk tokens (secret-box.ts)
  active INTEGER NOT NULL DEFAULT 1,
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX webhook_subscriptions_account ON webhook_subscriptions(account_id, active);

-- The outbox and the delivery log in one: a row per (subscription, event), written by the trigger
-- below in the same statement that inserts the event, so an event can never be stored without its
-- deliveries (whoever inserts it: the track API, a conversation's Durable Object, anything later).
-- `queued_at` is NULL while the row waits in the outbox; the sweep (worker/webhooks/outbox.ts) claims
-- rows by setting it and hands them to the queue, and every delivery attempt refreshes it.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  event_name TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,                     -- the receiver's HTTP status on the last attempt
  last_error TEXT,
  created_at INTEGER NOT NULL,
  queued_at INTEGER,
  delivered_at INTEGER,
  UNIQUE (subscription_id, event_id)
);
-- The sweep: pending rows not yet queued (or queued so long ago that the message must be lost).
CREATE INDEX webhook_deliveries_outbox ON webhook_deliveries(state, queued_at);
-- The delivery log, newest first, per subscription.
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(account_id, subscription_id, created_at DESC);

CREATE TRIGGER events_webhook_outbox AFTER INSERT ON events
BEGIN
  INSERT OR IGNORE INTO webhook_deliveries (id, account_id, subscription_id, event_id, event_name, created_at)
  SELECT lower(hex(randomblob(16))), NEW.account_id, s.id, NEW.id, NEW.name,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM webhook_subscriptions s
  WHERE s.account_id = NEW.account_id AND s.active = 1
    AND EXISTS (SELECT 1 FROM json_each(s.event_names) WHERE value = NEW.name OR value = '*');
END;
