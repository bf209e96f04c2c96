-- Insights: saved segments, CSAT ratings, and what the performance dashboard needs beyond events.

-- Segment conditions are checked per profile ("does THIS profile have N <event> in a window", "the
-- latest <event> of THIS profile"): account + profile + name first makes each check an index seek.
-- (events_name_time, from 0001, finds the candidate profiles of a condition by name and time.)
CREATE INDEX events_profile_name_time ON events(account_id, profile_id, name, occurred_at);

CREATE TABLE segments (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,          -- the condition tree (worker/segments/definition.ts), validated JSON
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX segments_account ON segments(account_id, name);

-- One rating per closed ticket, given by the shopper of its conversation.
CREATE TABLE csat_responses (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  profile_id TEXT REFERENCES profiles(id),
  channel TEXT NOT NULL,
  assignee_id TEXT REFERENCES users(id), -- who had the ticket when it closed, for per-agent CSAT
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (account_id, ticket_id)
);
CREATE INDEX csat_responses_time ON csat_responses(account_id, created_at);

-- When the shopper's first message arrived and when the Customer Agent first answered, for "time to
-- first reply". The conversation's Durable Object keeps the D1 row in step (worker/conversations/
-- index-row.ts): the first update that counts messages is the shopper's first message, and only an
-- agent reply writes `skill`. Triggers record those moments without touching the object's code.
ALTER TABLE conversations ADD COLUMN first_message_at INTEGER;
ALTER TABLE conversations ADD COLUMN first_reply_at INTEGER;
CREATE TRIGGER conversations_first_message AFTER UPDATE OF message_count ON conversations
  WHEN NEW.first_message_at IS NULL AND NEW.message_count > 0
BEGIN
  UPDATE conversations SET first_message_at = NEW.last_activity_at WHERE id = NEW.id;
END;
CREATE TRIGGER conversations_first_reply AFTER UPDATE OF skill ON conversations
  WHEN NEW.first_reply_at IS NULL
BEGIN
  UPDATE conversations SET first_reply_at = NEW.last_activity_at WHERE id = NEW.id;
END;
-- The dashboard reads conversations by when they started talking.
CREATE INDEX conversations_first_message ON conversations(account_id, first_message_at);
