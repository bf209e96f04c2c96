-- Rows that inform (worker/tickets/list.ts): when each member last opened a ticket (the unread marker
-- compares it with the conversation's last shopper message), and the first-response due time the
-- SLA badges and the "SLA" view read (worker/tickets/sla.ts computes it with office hours when the
-- ticket is created). The partial index serves the SLA view: open tickets still waiting for a reply.
CREATE TABLE ticket_reads (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, user_id)
);

ALTER TABLE tickets ADD COLUMN first_response_due_at INTEGER;
CREATE INDEX tickets_view_sla ON tickets(account_id, status, created_at DESC)
  WHERE first_response_at IS NULL AND first_response_due_at IS NOT NULL;
