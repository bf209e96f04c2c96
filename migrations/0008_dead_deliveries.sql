-- Outbound messages no channel sender could take (worker/channels/dead-letters.ts): a channel with no
-- registered sender, or retries that ran out on a sender that keeps no delivery record of its own.
-- One row per delivery id (the room fixed it), with the reason; never retried from here.
CREATE TABLE dead_deliveries (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  delivery_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, delivery_id)
);
CREATE INDEX dead_deliveries_conversation ON dead_deliveries(account_id, conversation_id, seq);
