-- The email channel (issue 12; worker/channels/email/). Three tables:
--  * email_reply_keys: one random HMAC key per account that signs its reply addresses
--    (reply+<conversation><signature>@…), so a reply address from one account never verifies in another
--    and rotating one account's key touches no other.
--  * email_threads: one row per conversation carried on by email (a new email, or a web-chat shopper who
--    chose "continue by email"): who the participant is and the subject replies keep.
--  * email_messages: every email in or out. Inbound rows record what was decided (accepted, or why not:
--    auto-reply, bounce, list mail, loop, rate limit), the SPF/DKIM/DMARC results and where the raw
--    message and attachments are in R2; they also serve the per-sender, per-account and per-thread
--    counts the limits use. Outbound rows are the Message-IDs Baton issued (the only ones a reply may
--    thread by) and each message's delivery state (pending, sent, retrying, failed).

CREATE TABLE email_reply_keys (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  secret TEXT NOT NULL,            -- 32 random bytes, hex
  created_at INTEGER NOT NULL
);

CREATE TABLE email_threads (
  conversation_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  address TEXT NOT NULL,           -- the participant's address, lower-cased (never verified)
  subject TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL CHECK (origin IN ('email','web_chat')),
  created_at INTEGER NOT NULL
);
CREATE INDEX email_threads_account ON email_threads(account_id, created_at);

CREATE TABLE email_messages (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id TEXT,            -- NULL for inbound mail dropped before it reached a conversation
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  message_id TEXT NOT NULL,        -- without angle brackets
  address TEXT NOT NULL,           -- in: the sender; out: the recipient (lower-cased)
  subject TEXT NOT NULL DEFAULT '',
  -- in: accepted | auto_reply | bounce | list | loop | rate_limited | duplicate
  -- out: pending | sent | retrying | failed
  state TEXT NOT NULL,
  reason TEXT,
  raw_key TEXT,                    -- R2 key of the raw RFC 5322 message (inbound)
  attachments TEXT NOT NULL DEFAULT '[]',   -- JSON [{key,name,contentType,size}] or refused ones {name,contentType,size,refused}
  spf TEXT,
  dkim TEXT,
  dmarc TEXT,
  delivery_id TEXT,                -- out: `${conversationId}:${seq}`, the sender's idempotency key
  seq INTEGER,                     -- the conversation message this email carries
  attempts INTEGER NOT NULL DEFAULT 0,
  provider_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX email_messages_message_id ON email_messages(account_id, direction, message_id);
CREATE UNIQUE INDEX email_messages_delivery ON email_messages(account_id, delivery_id);  -- NULLs (inbound) are distinct
CREATE INDEX email_messages_conversation ON email_messages(account_id, conversation_id, created_at);
CREATE INDEX email_messages_sender ON email_messages(account_id, direction, address, created_at);
CREATE INDEX email_messages_recent ON email_messages(account_id, direction, created_at);

-- The account an email is addressed to is found by its inbound address (settings JSON): indexed.
CREATE INDEX settings_email_inbound ON settings(lower(json_extract(data, '$.channels.email.inboundAddress')));
