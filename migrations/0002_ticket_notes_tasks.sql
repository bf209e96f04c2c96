-- Inbox ticket work: internal notes (never shown to the shopper) and follow-up tasks with due dates.

CREATE TABLE ticket_notes (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_id TEXT REFERENCES users(id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_notes_ticket ON ticket_notes(account_id, ticket_id, created_at);

CREATE TABLE ticket_tasks (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  title TEXT NOT NULL,              -- e.g. "Call back", "Check in after resolution"
  due_at INTEGER NOT NULL,
  assignee_id TEXT REFERENCES users(id),
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX ticket_tasks_ticket ON ticket_tasks(account_id, ticket_id, due_at);
-- "My open tasks, soonest first".
CREATE INDEX ticket_tasks_due ON ticket_tasks(account_id, assignee_id, done_at, due_at);
