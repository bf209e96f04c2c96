-- Baton's whole data model. Every row belongs to one account; every query filters by account_id.
-- Times are unix milliseconds (INTEGER). JSON columns hold validated JSON text.

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  site_key TEXT NOT NULL UNIQUE,
  identity_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX api_keys_account ON api_keys(account_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  email TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner','admin','manager','support','agent','analyst')),
  password_hash TEXT NOT NULL,
  presence TEXT NOT NULL DEFAULT 'offline' CHECK (presence IN ('online','offline')),
  email_alerts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  removed_at INTEGER               -- removed members stay for history (tickets, logs) but cannot sign in
);
CREATE UNIQUE INDEX users_email_active ON users(email) WHERE removed_at IS NULL;
CREATE INDEX users_account ON users(account_id, role);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,              -- SHA-256 of the cookie token; the token itself is never stored
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL COLLATE NOCASE,
  created_at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures(email, created_at);

CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  email TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('owner','admin','manager','support','agent','analyst')),
  token_hash TEXT NOT NULL UNIQUE,
  invited_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER
);
CREATE INDEX invites_account ON invites(account_id);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (account_id, name)
);

CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members(account_id, user_id);

CREATE TABLE profiles (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  external_id TEXT,                 -- the store's customer id (JWT sub); NULL for anonymous shoppers
  email TEXT,
  name TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (account_id, external_id)
);
CREATE INDEX profiles_email ON profiles(account_id, email);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('web_chat','email','sms','whatsapp')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved','escalated','closed')),
  profile_id TEXT REFERENCES profiles(id),
  skill TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  is_test INTEGER NOT NULL DEFAULT 0,
  message_count INTEGER NOT NULL DEFAULT 0,
  escalation_reason TEXT,
  started_at INTEGER NOT NULL,
  last_activity_at INTEGER NOT NULL,
  resolved_at INTEGER,
  escalated_at INTEGER
);
CREATE INDEX conversations_account_activity ON conversations(account_id, last_activity_at DESC);
CREATE INDEX conversations_profile ON conversations(account_id, profile_id);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,          -- shown to people; sequential per account
  conversation_id TEXT REFERENCES conversations(id),
  profile_id TEXT REFERENCES profiles(id),
  channel TEXT NOT NULL CHECK (channel IN ('web_chat','email','sms','whatsapp')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','closed')),
  subject TEXT NOT NULL DEFAULT '',
  requester_email TEXT,
  assignee_id TEXT REFERENCES users(id),
  team_id TEXT REFERENCES teams(id),
  tags TEXT NOT NULL DEFAULT '[]',
  helpdesk TEXT NOT NULL DEFAULT 'inbox' CHECK (helpdesk IN ('inbox','zendesk','gorgias')),
  delivery_state TEXT NOT NULL DEFAULT 'delivered' CHECK (delivery_state IN ('pending','delivered','failed')),
  delivery_attempts INTEGER NOT NULL DEFAULT 0,
  delivery_error TEXT,
  remote_id TEXT,
  routing_snapshot TEXT NOT NULL DEFAULT '{}', -- the handoff settings this ticket was routed with
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  first_response_at INTEGER,
  closed_at INTEGER,
  UNIQUE (account_id, number)
);
-- Inbox views: All / My inbox / Unassigned, filtered by status, channel, team, newest first.
CREATE INDEX tickets_view_all ON tickets(account_id, status, created_at DESC);
CREATE INDEX tickets_view_assignee ON tickets(account_id, assignee_id, status, created_at DESC);
CREATE INDEX tickets_view_team ON tickets(account_id, team_id, status, created_at DESC);
CREATE INDEX tickets_view_channel ON tickets(account_id, channel, status, created_at DESC);
CREATE INDEX tickets_conversation ON tickets(account_id, conversation_id);
CREATE INDEX tickets_profile ON tickets(account_id, profile_id);
CREATE INDEX tickets_delivery ON tickets(account_id, delivery_state);

CREATE TABLE assignment_log (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  assignee_id TEXT REFERENCES users(id),
  previous_assignee_id TEXT REFERENCES users(id),
  team_id TEXT REFERENCES teams(id),
  actor_id TEXT REFERENCES users(id), -- NULL when the system (round robin) assigned
  method TEXT NOT NULL CHECK (method IN ('round_robin','manual','self','bulk','team','unassign','rule')),
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX assignment_log_ticket ON assignment_log(account_id, ticket_id, created_at);
CREATE INDEX assignment_log_assignee ON assignment_log(account_id, assignee_id, created_at);

CREATE TABLE settings (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  data TEXT NOT NULL DEFAULT '{}',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  actor_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  changes TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_account ON audit_log(account_id, created_at DESC);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  profile_id TEXT REFERENCES profiles(id),
  conversation_id TEXT,
  channel TEXT,
  properties TEXT NOT NULL DEFAULT '{}',
  occurred_at INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  UNIQUE (account_id, idempotency_key)
);
-- Segments ask "profiles with N <event> in a window": name + time first, profile to group.
CREATE INDEX events_name_time ON events(account_id, name, occurred_at, profile_id);
CREATE INDEX events_profile_time ON events(account_id, profile_id, occurred_at DESC);
CREATE INDEX events_conversation ON events(account_id, conversation_id);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  profile_id TEXT REFERENCES profiles(id),
  external_id TEXT NOT NULL,
  status TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  currency TEXT NOT NULL DEFAULT 'USD',
  items TEXT NOT NULL DEFAULT '[]',
  placed_at INTEGER NOT NULL,
  UNIQUE (account_id, external_id)
);
CREATE INDEX orders_profile ON orders(account_id, profile_id, placed_at DESC);

CREATE TABLE knowledge_articles (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT,
  topic TEXT,
  updated_at INTEGER NOT NULL
);
CREATE INDEX knowledge_articles_account ON knowledge_articles(account_id);

-- FTS5 over articles, kept in step by triggers; account_id is stored (unindexed) to scope every match.
CREATE VIRTUAL TABLE knowledge_fts USING fts5(
  title, body, article_id UNINDEXED, account_id UNINDEXED, tokenize = 'porter unicode61'
);
CREATE TRIGGER knowledge_ai AFTER INSERT ON knowledge_articles BEGIN
  INSERT INTO knowledge_fts (title, body, article_id, account_id) VALUES (new.title, new.body, new.id, new.account_id);
END;
CREATE TRIGGER knowledge_ad AFTER DELETE ON knowledge_articles BEGIN
  DELETE FROM knowledge_fts WHERE article_id = old.id;
END;
CREATE TRIGGER knowledge_au AFTER UPDATE ON knowledge_articles BEGIN
  DELETE FROM knowledge_fts WHERE article_id = old.id;
  INSERT INTO knowledge_fts (title, body, article_id, account_id) VALUES (new.title, new.body, new.id, new.account_id);
END;

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  price_cents INTEGER NOT NULL,
  currency TEXT NOT NULL DEFAULT 'USD',
  image_url TEXT,
  url TEXT,
  in_stock INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  UNIQUE (account_id, sku)
);
CREATE INDEX products_price ON products(account_id, price_cents);

CREATE VIRTUAL TABLE products_fts USING fts5(
  title, description, category, product_id UNINDEXED, account_id UNINDEXED, tokenize = 'porter unicode61'
);
CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
  INSERT INTO products_fts (title, description, category, product_id, account_id)
  VALUES (new.title, new.description, new.category, new.id, new.account_id);
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
  DELETE FROM products_fts WHERE product_id = old.id;
END;
CREATE TRIGGER products_au AFTER UPDATE ON products BEGIN
  DELETE FROM products_fts WHERE product_id = old.id;
  INSERT INTO products_fts (title, description, category, product_id, account_id)
  VALUES (new.title, new.description, new.category, new.id, new.account_id);
END;
