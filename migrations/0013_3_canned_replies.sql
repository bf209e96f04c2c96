-- Canned replies and macros (worker/canned/): a reply text with variables ({{shopper.name}},
-- {{agent.name}}, {{ticket.number}}) that a teammate inserts with "/" in the reply box. owner_id NULL:
-- account-wide (Managers and up edit it); a user id: that member's personal reply, seen by them only.
-- set_status / add_tags make it a macro: applied to the ticket when the reply is sent.
CREATE TABLE canned_replies (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  owner_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  set_status TEXT CHECK (set_status IN ('open', 'pending', 'closed')),
  add_tags TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX canned_replies_by_account ON canned_replies(account_id, owner_id, name);
