-- Helpdesk integrations (Zendesk, Gorgias) and what a delivery left behind. Tickets themselves stay in
-- `tickets` (delivery_state / delivery_attempts / delivery_error / remote_id); these tables hold the
-- connection and the helpdesk's own ids, so an agent's reply or a shopper's follow-up finds its ticket.

CREATE TABLE integrations (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('zendesk','gorgias')),
  config TEXT NOT NULL DEFAULT '{}',  -- subdomain/domain, agent email, optional baseUrl override (JSON)
  secret TEXT NOT NULL,               -- API token / key, AES-GCM sealed with SECRETS_KEY ("v1:..."), never returned
  webhook_secret TEXT,                -- Zendesk webhook signing secret, sealed the same way
  status TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected','expired','not_connected')),
  last_error TEXT,
  checked_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, kind)
);

-- One row per delivered ticket: the helpdesk's ticket id and requester id (a Zendesk follow-up comment
-- is authored by the requester), and how far into the transcript the created ticket already reached.
CREATE TABLE helpdesk_links (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('zendesk','gorgias')),
  remote_id TEXT NOT NULL,
  remote_requester_id TEXT,
  transcript_through_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, ticket_id)
);
-- The Zendesk webhook finds our ticket by the helpdesk's id, inside the account.
CREATE UNIQUE INDEX helpdesk_links_remote ON helpdesk_links(account_id, kind, remote_id);

-- Shopper follow-ups posted as comments on a delivered ticket: one row per message, so a redelivered
-- queue message posts nothing twice; `pending` keeps the last error while the queue retries.
CREATE TABLE helpdesk_comments (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  message_seq INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending','delivered','failed')),
  error TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, ticket_id, message_seq)
);
