-- Inbox search (worker/tickets/search.ts) and the rows' last-message preview.
--
-- ticket_fts: a ticket's own fields (number, subject, requester name and email), rowid = the ticket's
-- rowid, kept in step by the triggers below (and by the profile triggers when a shopper's name or
-- email changes). message_index: a copy of each conversation message's text (the log itself lives in
-- the conversation's Durable Object); the room writes it with the conversation's index row
-- (worker/inbox/search-index.ts), idempotently by (conversation, seq). message_fts indexes it as an
-- external-content FTS5 table, so the text is stored once. unicode61 with diacritics removed: "muller"
-- finds "Müller"; emails split into their words, so "emma.wilson@example.com" is found as a phrase.

CREATE VIRTUAL TABLE ticket_fts USING fts5(
  number, subject, requester_name, requester_email,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

CREATE TRIGGER ticket_fts_ai AFTER INSERT ON tickets BEGIN
  INSERT INTO ticket_fts (rowid, number, subject, requester_name, requester_email)
  VALUES (new.rowid, new.number, new.subject,
          (SELECT name FROM profiles WHERE id = new.profile_id),
          COALESCE(new.requester_email, (SELECT email FROM profiles WHERE id = new.profile_id)));
END;
CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN
  DELETE FROM ticket_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER ticket_fts_au AFTER UPDATE OF number, subject, requester_email, profile_id ON tickets BEGIN
  DELETE FROM ticket_fts WHERE rowid = old.rowid;
  INSERT INTO ticket_fts (rowid, number, subject, requester_name, requester_email)
  VALUES (new.rowid, new.number, new.subject,
          (SELECT name FROM profiles WHERE id = new.profile_id),
          COALESCE(new.requester_email, (SELECT email FROM profiles WHERE id = new.profile_id)));
END;
CREATE TRIGGER ticket_fts_profile_au AFTER UPDATE OF name, email ON profiles BEGIN
  DELETE FROM ticket_fts WHERE rowid IN (SELECT rowid FROM tickets WHERE account_id = new.account_id AND profile_id = new.id);
  INSERT INTO ticket_fts (rowid, number, subject, requester_name, requester_email)
  SELECT rowid, number, subject, new.name, COALESCE(requester_email, new.email)
  FROM tickets WHERE account_id = new.account_id AND profile_id = new.id;
END;

INSERT INTO ticket_fts (rowid, number, subject, requester_name, requester_email)
SELECT t.rowid, t.number, t.subject, p.name, COALESCE(t.requester_email, p.email)
FROM tickets t LEFT JOIN profiles p ON p.id = t.profile_id;

CREATE TABLE message_index (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

CREATE VIRTUAL TABLE message_fts USING fts5(
  text, content = 'message_index', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER message_fts_ai AFTER INSERT ON message_index BEGIN
  INSERT INTO message_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER message_fts_ad AFTER DELETE ON message_index BEGIN
  INSERT INTO message_fts (message_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- The newest message of a conversation, for the rows' preview, and the newest shopper message, for
-- the per-member unread marker.
ALTER TABLE conversations ADD COLUMN last_message_seq INTEGER;
ALTER TABLE conversations ADD COLUMN last_message_role TEXT;
ALTER TABLE conversations ADD COLUMN last_message_text TEXT;
ALTER TABLE conversations ADD COLUMN last_message_at INTEGER;
ALTER TABLE conversations ADD COLUMN last_shopper_at INTEGER;
