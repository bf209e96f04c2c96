-- The version of an account's searchable content (knowledge articles and catalog products), bumped by
-- triggers on every insert, update and delete, whatever path wrote it (API, catalog import, seed, a
-- fix by hand). The Customer Agent's in-memory snapshot (worker/agent/retrieval/snapshot.ts) is
-- re-read only when this number moved, and the widget's message route reads it with the conversation
-- lookup it makes anyway, so a reply needs no D1 read of its own while the content is unchanged.
-- No foreign key: a cascade deleting an account's articles must not write a row that references it.
-- The triggers add a missing row with INSERT … WHERE NOT EXISTS, never INSERT OR IGNORE: inside a
-- trigger the outer statement's conflict policy (an upsert's) would replace OR IGNORE.
CREATE TABLE content_versions (
  account_id TEXT PRIMARY KEY NOT NULL,
  version INTEGER NOT NULL
);
INSERT INTO content_versions (account_id, version) SELECT id, 1 FROM accounts;

CREATE TRIGGER content_version_article_insert AFTER INSERT ON knowledge_articles BEGIN
  INSERT INTO content_versions (account_id, version)
    SELECT new.account_id, 0 WHERE NOT EXISTS (SELECT 1 FROM content_versions WHERE account_id = new.account_id);
  UPDATE content_versions SET version = version + 1 WHERE account_id = new.account_id;
END;
CREATE TRIGGER content_version_article_update AFTER UPDATE ON knowledge_articles BEGIN
  INSERT INTO content_versions (account_id, version)
    SELECT new.account_id, 0 WHERE NOT EXISTS (SELECT 1 FROM content_versions WHERE account_id = new.account_id);
  UPDATE content_versions SET version = version + 1 WHERE account_id = new.account_id;
END;
CREATE TRIGGER content_version_article_delete AFTER DELETE ON knowledge_articles BEGIN
  UPDATE content_versions SET version = version + 1 WHERE account_id = old.account_id;
END;
CREATE TRIGGER content_version_product_insert AFTER INSERT ON products BEGIN
  INSERT INTO content_versions (account_id, version)
    SELECT new.account_id, 0 WHERE NOT EXISTS (SELECT 1 FROM content_versions WHERE account_id = new.account_id);
  UPDATE content_versions SET version = version + 1 WHERE account_id = new.account_id;
END;
CREATE TRIGGER content_version_product_update AFTER UPDATE ON products BEGIN
  INSERT INTO content_versions (account_id, version)
    SELECT new.account_id, 0 WHERE NOT EXISTS (SELECT 1 FROM content_versions WHERE account_id = new.account_id);
  UPDATE content_versions SET version = version + 1 WHERE account_id = new.account_id;
END;
CREATE TRIGGER content_version_product_delete AFTER DELETE ON products BEGIN
  UPDATE content_versions SET version = version + 1 WHERE account_id = old.account_id;
END;
