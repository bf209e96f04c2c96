-- First-run setup (issue 17): a fresh deployment has no accounts; /setup creates the first store and
-- its Owner once. This one-row table is the lock that makes "once" hold under concurrent submissions:
-- the setup batch inserts row 1 first, so a second setup's batch fails on the primary key and rolls
-- back whole. A database that already has accounts (a local demo seed) counts as set up.
CREATE TABLE first_run (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  account_id TEXT NOT NULL,
  completed_at INTEGER NOT NULL
);

INSERT INTO first_run (id, account_id, completed_at)
SELECT 1, id, created_at FROM accounts ORDER BY created_at LIMIT 1;

-- The operator command (`npm run account:create`) invites a new store's Owner before the store has
-- any user, so an invite's inviter may be nobody: invited_by NULL means "the operator". SQLite cannot
-- drop NOT NULL in place, so the table is rebuilt with the same columns, constraints and indexes
-- (invites_account from 0001, invites_live_email from 0011).
CREATE TABLE invites_new (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  email TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('owner','admin','manager','support','agent','analyst')),
  token_hash TEXT NOT NULL UNIQUE,
  invited_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER
);
INSERT INTO invites_new (id, account_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at)
SELECT id, account_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at FROM invites;
DROP TABLE invites;
ALTER TABLE invites_new RENAME TO invites;
CREATE INDEX invites_account ON invites(account_id);
CREATE UNIQUE INDEX invites_live_email ON invites(account_id, email) WHERE accepted_at IS NULL;
