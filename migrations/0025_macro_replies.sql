-- A macro's ticket changes (status, tags) made with a teammate's reply, one row per reply clientId
-- (worker/tickets/reply.ts): written in the same D1 batch as the changes, so a retried request with
-- the same clientId finds it and changes the ticket no more.
CREATE TABLE macro_replies (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, ticket_id, client_id)
);
