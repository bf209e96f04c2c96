-- Assignment notifications beside the in-app toast (issue 5): a per-user email alert (users.email_alerts,
-- off by default) and a per-account Slack incoming-webhook alert. Like the webhook outbox (0005), the
-- rows are written by a trigger in the same statement that inserts the assignment log row, so the
-- Dispatcher (which only writes D1 and its own storage) needs no code for them and none can be lost;
-- worker/notifications/ sweeps them onto the baton-notifications queue and delivers with retries.

CREATE TABLE notification_settings (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  slack_webhook_url TEXT,      -- sealed like helpdesk tokens (secret-box.ts); NULL: no Slack alerts
  slack_hint TEXT,             -- what the settings page may show: host and the URL's last 4 characters
  updated_at INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id)
);

-- Outbox and delivery log in one (as webhook_deliveries): `queued_at` NULL while waiting in the outbox.
CREATE TABLE notification_deliveries (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('slack','email')),
  kind TEXT NOT NULL CHECK (kind IN ('ticket.created','ticket.assigned')),
  assignment_log_id TEXT NOT NULL REFERENCES assignment_log(id) ON DELETE CASCADE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users(id),      -- the email's recipient (the assignee)
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','failed','skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  queued_at INTEGER,
  delivered_at INTEGER,
  UNIQUE (assignment_log_id, channel)
);
CREATE INDEX notification_deliveries_outbox ON notification_deliveries(state, queued_at);
CREATE INDEX notification_deliveries_account ON notification_deliveries(account_id, created_at DESC);

-- A ticket's first log row is its arrival in the Inbox ("ticket.created", posted to Slack whether or
-- not it was assigned); a later row that gives the ticket a new assignee is "ticket.assigned". The
-- email goes to the assignee who opted in, under the toast's rule: not for assigning yourself, not
-- when the assignee did not change. The Dispatcher's log insert is ON CONFLICT DO NOTHING, so a
-- replayed write fires nothing twice.
CREATE TRIGGER assignment_log_notifications AFTER INSERT ON assignment_log
BEGIN
  INSERT OR IGNORE INTO notification_deliveries (id, account_id, channel, kind, assignment_log_id, ticket_id, user_id, created_at)
  SELECT lower(hex(randomblob(16))), NEW.account_id, 'slack',
         CASE WHEN EXISTS (SELECT 1 FROM assignment_log l WHERE l.account_id = NEW.account_id AND l.ticket_id = NEW.ticket_id AND l.id <> NEW.id)
              THEN 'ticket.assigned' ELSE 'ticket.created' END,
         NEW.id, NEW.ticket_id, NEW.assignee_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM notification_settings s
  WHERE s.account_id = NEW.account_id AND s.slack_webhook_url IS NOT NULL
    AND (NOT EXISTS (SELECT 1 FROM assignment_log l WHERE l.account_id = NEW.account_id AND l.ticket_id = NEW.ticket_id AND l.id <> NEW.id)
         OR (NEW.assignee_id IS NOT NULL AND NEW.assignee_id IS NOT NEW.previous_assignee_id));

  INSERT OR IGNORE INTO notification_deliveries (id, account_id, channel, kind, assignment_log_id, ticket_id, user_id, created_at)
  SELECT lower(hex(randomblob(16))), NEW.account_id, 'email', 'ticket.assigned', NEW.id, NEW.ticket_id, u.id,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM users u
  WHERE u.id = NEW.assignee_id AND u.account_id = NEW.account_id AND u.email_alerts = 1 AND u.removed_at IS NULL
    AND NEW.assignee_id IS NOT NEW.actor_id AND NEW.assignee_id IS NOT NEW.previous_assignee_id;
END;
