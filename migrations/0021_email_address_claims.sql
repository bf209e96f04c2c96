-- Inbound email addresses are claimed with proof (issue 13): setting an inbound address makes a
-- pending claim with a secret token (only its SHA-256 is kept); Baton mails the token to that address,
-- and the claim is verified when that message comes back through the Worker's email() handler, i.e.
-- when mail to the address really reaches Baton. Only a verified claim routes mail to the account
-- (worker/channels/email/recipient.ts), and an address is verified for one account at most (the
-- partial unique index: two accounts verifying at once cannot both win). One claim per account: the
-- address its email settings name.
CREATE TABLE email_address_claims (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  address TEXT NOT NULL,           -- lower-cased
  token_hash TEXT NOT NULL,        -- SHA-256 hex of the token mailed to the address
  sent_at INTEGER,                 -- when the verification message was last sent (NULL: not yet)
  verified_at INTEGER,             -- NULL while pending
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX email_address_claims_verified ON email_address_claims(address) WHERE verified_at IS NOT NULL;
CREATE INDEX email_address_claims_token ON email_address_claims(token_hash);

-- Addresses set before this migration keep routing: each is kept as verified when exactly one account
-- had set it with the channel on (what routed mail until now; an address two accounts named reached
-- neither). New and changed addresses need the proof.
INSERT INTO email_address_claims (account_id, address, token_hash, sent_at, verified_at, created_at)
SELECT s.account_id,
       lower(json_extract(s.data, '$.channels.email.inboundAddress')),
       'verified-before-0021',
       NULL,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM settings s
WHERE json_extract(s.data, '$.channels.email.inboundAddress') IS NOT NULL
  AND json_extract(s.data, '$.channels.email.enabled') = 1
  AND (SELECT count(*) FROM settings o
       WHERE json_extract(o.data, '$.channels.email.enabled') = 1
         AND lower(json_extract(o.data, '$.channels.email.inboundAddress'))
           = lower(json_extract(s.data, '$.channels.email.inboundAddress'))) = 1;
