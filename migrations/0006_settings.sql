-- Merchant settings (issue 6): identity-key rotation time and article import matching.

-- When the identity key was last rotated (NULL: the key the account was created with). The key itself
-- stays in accounts.identity_key: shopper tokens are verified with it, so it cannot be hashed.
ALTER TABLE accounts ADD COLUMN identity_key_rotated_at INTEGER;

-- An imported article with a URL replaces the account's article with that URL (imports are
-- repeatable); articles without a URL are always added.
CREATE UNIQUE INDEX knowledge_articles_url ON knowledge_articles(account_id, url) WHERE url IS NOT NULL;

