-- SMS (Twilio) and WhatsApp (Cloud API) channels: the provider connection with its sealed credentials,
-- what we know about each phone number (opt-out, last inbound message for WhatsApp's 24-hour window,
-- its current conversation), each outbound message's delivery state from the provider's status
-- callbacks, and the receipts that make a replayed webhook refusable.

-- One row per account and channel. Credentials are AES-GCM sealed with SECRETS_KEY ("v1:..."),
-- bound to the account and channel, and never returned by any read.
CREATE TABLE channel_connections (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('sms','whatsapp')),
  config TEXT NOT NULL DEFAULT '{}',  -- Twilio Account SID / WhatsApp Business Account id (JSON)
  secret TEXT NOT NULL,               -- Twilio Auth Token (also signs Twilio's webhooks) / WhatsApp access token
  webhook_secret TEXT,                -- WhatsApp app secret (signs Meta's webhooks)
  verify_token TEXT,                  -- WhatsApp webhook verify token (Baton generates it)
  public_origin TEXT NOT NULL,        -- https://<host> Baton was reached at when connected: status callback URLs
  status TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected','expired')),
  last_error TEXT,
  checked_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, channel)
);

-- One row per account, channel and phone number (E.164).
CREATE TABLE channel_contacts (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('sms','whatsapp')),
  phone TEXT NOT NULL,
  conversation_id TEXT,               -- the conversation new messages from this number join
  opted_out_at INTEGER,               -- STOP received (SMS): nothing is sent until START
  last_inbound_at INTEGER,            -- the customer's last message (WhatsApp: opens the 24-hour window)
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, channel, phone)
);
CREATE INDEX channel_contacts_conversation ON channel_contacts(account_id, conversation_id);

-- One row per provider message we send. A long SMS may go out as several messages (part 0, 1, …).
-- delivery_id is the engine's `${conversationId}:${seq}`; state only moves forward
-- (queued → sent → delivered → read; failed is final).
CREATE TABLE channel_deliveries (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  delivery_id TEXT NOT NULL,
  part INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('sms','whatsapp')),
  conversation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  recipient TEXT NOT NULL,
  provider_id TEXT,                   -- Twilio MessageSid / WhatsApp message id (wamid…)
  state TEXT NOT NULL CHECK (state IN ('queued','sent','delivered','read','failed')),
  error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, delivery_id, part)
);
CREATE INDEX channel_deliveries_provider ON channel_deliveries(account_id, channel, provider_id);
CREATE INDEX channel_deliveries_conversation ON channel_deliveries(account_id, conversation_id, seq);

-- A signed webhook seen once: the same signed request arriving again is a replay and is refused.
CREATE TABLE webhook_receipts (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  provider TEXT NOT NULL CHECK (provider IN ('twilio','whatsapp')),
  digest TEXT NOT NULL,               -- SHA-256 of the URL and the exact body
  received_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, provider, digest)
);

-- SMS and WhatsApp contacts are phone-only profiles (unverified), found again by phone number.
ALTER TABLE profiles ADD COLUMN phone TEXT;
CREATE INDEX profiles_phone ON profiles(account_id, phone);
