-- Security hardening (issue 13). Four changes, each enforced by the database itself so that parallel
-- requests cannot get around a check made in code:
--   1. llm_credentials: a store's own LLM API key, sealed, bound to the endpoint it was given for.
--   2. sign_in_limits: one counter row per email and per client address, bumped by a single upsert
--      before a password is checked (replaces sign_in_failures, which was counted, then recorded).
--   3. one live invite per (account, email): a re-invite replaces the earlier link.
--   4. every account keeps at least one active Owner (a trigger refuses the last one's demotion or removal).

CREATE TABLE llm_credentials (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  base_url TEXT NOT NULL,          -- the endpoint the key was given for; the key is never sent elsewhere
  secret TEXT NOT NULL,            -- sealed (worker/handoff/secret-box.ts), bound to account and base_url
  hint TEXT NOT NULL,              -- the key's last 4 characters, for the settings API
  updated_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

DROP TABLE sign_in_failures;
CREATE TABLE sign_in_limits (
  key TEXT PRIMARY KEY,            -- "email:<lower-cased email>" or "addr:<client address>"
  window_start INTEGER NOT NULL,   -- unix ms; the window restarts once it is older than its length
  attempts INTEGER NOT NULL
);
CREATE INDEX sign_in_limits_window ON sign_in_limits(window_start);

DELETE FROM invites WHERE accepted_at IS NULL AND rowid NOT IN (
  SELECT max(rowid) FROM invites WHERE accepted_at IS NULL GROUP BY account_id, email
);
CREATE UNIQUE INDEX invites_live_email ON invites(account_id, email) WHERE accepted_at IS NULL;

CREATE TRIGGER users_keep_an_owner BEFORE UPDATE OF role, removed_at ON users
WHEN OLD.role = 'owner' AND OLD.removed_at IS NULL AND (NEW.role <> 'owner' OR NEW.removed_at IS NOT NULL)
  AND NOT EXISTS (
    SELECT 1 FROM users WHERE account_id = OLD.account_id AND role = 'owner' AND removed_at IS NULL AND id <> OLD.id
  )
BEGIN
  SELECT RAISE(ABORT, 'baton_last_owner');
END;
