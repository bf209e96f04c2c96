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
