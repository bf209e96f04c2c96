-- Links stored before links were checked (worker/platform/outbound-url.ts: linkUrl, linkOrSitePath):
-- a product, article or settings link could be javascript:, data:, or protocol-relative //evil.example,
-- which a shopper's browser resolves to another site. Such values are removed, not rewritten: an
-- unusable link shows as plain text, a wrong one would send shoppers elsewhere. Settings documents are
-- parsed on every read, so a stored bad signInUrl/avatarUrl would otherwise fail the account's reads.
-- Kept: absolute http(s) URLs whose text is scheme://host, and (where allowed) site paths like /help.
UPDATE products SET url = NULL
WHERE url IS NOT NULL
  AND NOT (lower(url) GLOB 'http://[^/\ ]*' OR lower(url) GLOB 'https://[^/\ ]*' OR url GLOB '/[^/\]*' OR url = '/');

UPDATE products SET image_url = NULL
WHERE image_url IS NOT NULL
  AND NOT (lower(image_url) GLOB 'http://[^/\ ]*' OR lower(image_url) GLOB 'https://[^/\ ]*');

UPDATE knowledge_articles SET url = NULL
WHERE url IS NOT NULL
  AND NOT (lower(url) GLOB 'http://[^/\ ]*' OR lower(url) GLOB 'https://[^/\ ]*' OR url GLOB '/[^/\]*' OR url = '/');

UPDATE settings SET data = json_set(data, '$.general.signInUrl', json('null'))
WHERE json_type(data, '$.general.signInUrl') = 'text'
  AND NOT (lower(json_extract(data, '$.general.signInUrl')) GLOB 'http://[^/\ ]*'
        OR lower(json_extract(data, '$.general.signInUrl')) GLOB 'https://[^/\ ]*');

UPDATE settings SET data = json_set(data, '$.general.avatarUrl', json('null'))
WHERE json_type(data, '$.general.avatarUrl') = 'text'
  AND NOT (lower(json_extract(data, '$.general.avatarUrl')) GLOB 'http://[^/\ ]*'
        OR lower(json_extract(data, '$.general.avatarUrl')) GLOB 'https://[^/\ ]*');
