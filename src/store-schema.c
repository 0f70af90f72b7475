/*
 * store-schema.c -- the cache schema and its migrations.
 *
 * Migration N turns a schema of version N-1 into version N. They run in
 * order inside one transaction, and PRAGMA user_version records the result.
 * To change the schema, append a function to store_migrations, raise
 * STORE_SCHEMA_VERSION in store.h, and never edit a migration that has
 * shipped.
 */
#include <stdio.h>
#include <stdlib.h>

#include "store-private.h"
#include "util.h"

/*
 * Version 1.
 *
 * Triage status, snooze time, flags and done time live on items rather
 * than in the triage table because the queue is read through indexes on
 * them: a view must be one index range, which a join cannot give. The
 * rarely read details (note, tags, assignee, first response) live in
 * triage.
 *
 * items.queue is the bucket an item belongs to (inbox, snoozed, done, own);
 * every view is then a range of one partial index, and counters kept by
 * triggers give the counts without scanning. The id is AUTOINCREMENT so
 * that ids are never reused: the FTS watermark (meta fts_done) relies on
 * every new row having an id above every older one.
 *
 * items.skey is the FTS rowid of an item: see store-fts.c.
 */
static const char store_schema_1[] =
"CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
"  WITHOUT ROWID;"
"INSERT INTO meta (key, value) VALUES ('fts_done', 0);"
"CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
"INSERT INTO counters (id, n) VALUES (0, 0), (1, 0), (2, 0), (3, 0), (4, 0);"

"CREATE TABLE accounts ("
"  id INTEGER PRIMARY KEY,"
"  name TEXT NOT NULL UNIQUE,"
"  platform TEXT NOT NULL,"
"  handle TEXT,"
"  base_url TEXT);"

"CREATE TABLE posts ("
"  id INTEGER PRIMARY KEY,"
"  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
"  remote_id TEXT NOT NULL,"
"  author_name TEXT,"
"  author_handle TEXT,"
"  text TEXT,"
"  permalink TEXT,"
"  created INTEGER NOT NULL DEFAULT 0,"
"  own INTEGER NOT NULL DEFAULT 0,"
"  UNIQUE (account_id, remote_id));"

"CREATE TABLE items ("
"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
"  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
"  post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,"
"  remote_id TEXT NOT NULL,"
"  post_remote_id TEXT,"
"  parent_remote_id TEXT,"
"  kind INTEGER NOT NULL DEFAULT 0,"
"  author_name TEXT,"
"  author_handle TEXT,"
"  text TEXT,"
"  lang TEXT,"
"  permalink TEXT,"
"  attachment TEXT,"
"  created INTEGER NOT NULL DEFAULT 0,"
"  edited INTEGER NOT NULL DEFAULT 0,"
"  own INTEGER NOT NULL DEFAULT 0,"
"  hidden INTEGER NOT NULL DEFAULT 0,"
"  deleted INTEGER NOT NULL DEFAULT 0,"
"  liked INTEGER NOT NULL DEFAULT 0,"
"  like_count INTEGER NOT NULL DEFAULT 0,"
"  status INTEGER NOT NULL DEFAULT 0,"
"  snooze_until INTEGER NOT NULL DEFAULT 0,"
"  flags INTEGER NOT NULL DEFAULT 0,"
"  done_at INTEGER NOT NULL DEFAULT 0,"
"  queue INTEGER GENERATED ALWAYS AS (CASE WHEN own != 0 THEN 3"
"    WHEN status = 2 THEN 2 WHEN status = 3 THEN 1 ELSE 0 END) VIRTUAL,"
"  author TEXT GENERATED ALWAYS AS (coalesce(author_name, '') || ' ' ||"
"    coalesce(author_handle, '')) VIRTUAL,"
"  skey INTEGER GENERATED ALWAYS AS ((min(max(created, 0), 4294967295)"
"    << 31) | (id & 2147483647)) VIRTUAL,"
"  UNIQUE (account_id, remote_id));"
"CREATE INDEX items_inbox ON items (created, id) WHERE queue = 0;"
"CREATE INDEX items_snoozed ON items (snooze_until, id) WHERE queue = 1;"
"CREATE INDEX items_done ON items (done_at, id) WHERE queue = 2;"
"CREATE INDEX items_flagged ON items (created, id)"
"  WHERE flags != 0 AND own = 0;"
"CREATE INDEX items_created ON items (created, id);"
"CREATE INDEX items_thread ON items (account_id, post_remote_id, created);"
"CREATE INDEX items_own_reply ON items (account_id, parent_remote_id)"
"  WHERE own = 1;"

/*
 * Counters: one row per queue bucket, and one for flagged. The IN list
 * (a NULL in it matches nothing) keeps each update to primary key lookups.
 */
"CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN"
"  UPDATE counters SET n = n + 1 WHERE id IN (new.queue,"
"    CASE WHEN new.flags != 0 AND new.own = 0 THEN 4 END);"
"END;"
"CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN"
"  UPDATE counters SET n = n - 1 WHERE id IN (old.queue,"
"    CASE WHEN old.flags != 0 AND old.own = 0 THEN 4 END);"
"END;"
"CREATE TRIGGER items_count_update AFTER UPDATE OF own, status, flags"
"  ON items WHEN old.queue != new.queue OR"
"  (old.flags != 0 AND old.own = 0) != (new.flags != 0 AND new.own = 0)"
"BEGIN"
"  UPDATE counters SET n = n - 1 WHERE id IN (old.queue,"
"    CASE WHEN old.flags != 0 AND old.own = 0 THEN 4 END);"
"  UPDATE counters SET n = n + 1 WHERE id IN (new.queue,"
"    CASE WHEN new.flags != 0 AND new.own = 0 THEN 4 END);"
"END;"

/*
 * FTS. Rows above the watermark are indexed in one batch by
 * store_fts_flush; a row below it that changes or goes away leaves the
 * values it was indexed with in fts_dirty (the first change wins, so that
 * is what the index holds), because a contentless table can only delete
 * an entry given its old values.
 */
"CREATE TABLE fts_dirty (id INTEGER PRIMARY KEY, skey INTEGER NOT NULL,"
"  text TEXT, author TEXT);"
"CREATE VIRTUAL TABLE items_fts USING fts5 (text, author, content = '',"
"  columnsize = 0, tokenize = 'heed');"
"CREATE TRIGGER items_fts_update BEFORE UPDATE OF text, author_name,"
"  author_handle, created ON items"
"  WHEN (old.text IS NOT new.text OR old.author IS NOT new.author OR"
"    old.created != new.created) AND"
"    old.id <= (SELECT value FROM meta WHERE key = 'fts_done')"
"BEGIN"
"  INSERT OR IGNORE INTO fts_dirty (id, skey, text, author)"
"    VALUES (old.id, old.skey, old.text, old.author);"
"END;"
"CREATE TRIGGER items_fts_delete BEFORE DELETE ON items"
"  WHEN old.id <= (SELECT value FROM meta WHERE key = 'fts_done')"
"BEGIN"
"  INSERT OR IGNORE INTO fts_dirty (id, skey, text, author)"
"    VALUES (old.id, old.skey, old.text, old.author);"
"END;"

"CREATE TABLE triage ("
"  item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,"
"  note TEXT,"
"  tags TEXT,"
"  assignee TEXT,"
"  first_response INTEGER,"
"  updated INTEGER NOT NULL DEFAULT 0);"

"CREATE TABLE drafts ("
"  item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,"
"  text TEXT NOT NULL,"
"  updated INTEGER NOT NULL DEFAULT 0);"

"CREATE TABLE outbox ("
"  id INTEGER PRIMARY KEY,"
"  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
"  item_id INTEGER REFERENCES items (id) ON DELETE SET NULL,"
"  kind INTEGER NOT NULL,"
"  state INTEGER NOT NULL DEFAULT 0,"
"  target_remote_id TEXT,"
"  body TEXT,"
"  idem_key TEXT NOT NULL UNIQUE,"
"  remote_id TEXT,"
"  last_error TEXT,"
"  attempts INTEGER NOT NULL DEFAULT 0,"
"  created INTEGER NOT NULL,"
"  next_attempt INTEGER NOT NULL DEFAULT 0,"
"  updated INTEGER NOT NULL DEFAULT 0);"
"CREATE INDEX outbox_state ON outbox (state, id);"

"CREATE TABLE sync_state ("
"  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
"  stream TEXT NOT NULL,"
"  cursor TEXT,"
"  last_success INTEGER NOT NULL DEFAULT 0,"
"  last_attempt INTEGER NOT NULL DEFAULT 0,"
"  last_error TEXT,"
"  PRIMARY KEY (account_id, stream));"

/* Append-only: nothing in heed updates or deletes a row here. */
"CREATE TABLE activity ("
"  id INTEGER PRIMARY KEY,"
"  time INTEGER NOT NULL,"
"  item_id INTEGER,"
"  action TEXT NOT NULL,"
"  detail TEXT);"
"CREATE INDEX activity_item ON activity (item_id) WHERE item_id IS NOT NULL;"
"CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity BEGIN"
"  SELECT raise(ABORT, 'the activity log is append-only');"
"END;";

/* Create the first schema. */
static int
store_migrate_1(struct store *s, char **cause)
{
	char	*sql;
	int	 rc;

	rc = sqlite3_exec(s->db, store_schema_1, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "creating the schema", cause);
	sql = xprintf("PRAGMA application_id = %d", STORE_APPLICATION_ID);
	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "creating the schema", cause);
	return 0;
}

/*
 * Schema 2: room for what an adapter must remember about an item to act
 * on it later (Bluesky's content hash and thread root, for a reply).
 */
static int
store_migrate_2(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, "ALTER TABLE items ADD COLUMN extra TEXT",
	    NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 2", cause);
	return 0;
}

/*
 * Version 3.
 *
 * The counters triggers of version 1 update "WHERE id IN (a, b)", which
 * SQLite runs through a temporary table built for every row: about a
 * quarter of the cost of inserting an item. An update per counter is a
 * primary key lookup with no such table.
 *
 * The search index keeps no positions and indexes runs of unspaced scripts
 * by characters and bigrams (see store-fts.c), so it is made anew and
 * empty; with the watermark back at 0 every item counts as new, and the
 * next flush indexes them all. fts_dirty held what the old index had; it
 * goes.
 *
 * FTS5 keeps new terms in memory until they pass its hashsize (1 MB by
 * default, an option the FTS5 sources and tests know but its manual does
 * not list), then writes them as a segment, and merges segments in the
 * background once automerge of them (4 by default) are at one level.
 * During a backfill merging rewrote the index several times over and took
 * about a third of the indexing time; with room for a whole batch
 * (STORE_FTS_BATCH) in memory and merges of 8, segments are fewer and
 * each is rewritten less often. A search reads a few more segments: 0.3
 * ms instead of 0.2 on a million items.
 */
static const char store_schema_3[] =
"DROP TRIGGER items_count_insert;"
"DROP TRIGGER items_count_delete;"
"DROP TRIGGER items_count_update;"
"CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN"
"  UPDATE counters SET n = n + 1 WHERE id = new.queue;"
"  UPDATE counters SET n = n + 1 WHERE id = 4 AND new.flags != 0 AND"
"    new.own = 0;"
"END;"
"CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN"
"  UPDATE counters SET n = n - 1 WHERE id = old.queue;"
"  UPDATE counters SET n = n - 1 WHERE id = 4 AND old.flags != 0 AND"
"    old.own = 0;"
"END;"
"CREATE TRIGGER items_count_update AFTER UPDATE OF own, status, flags"
"  ON items WHEN old.queue != new.queue OR"
"  (old.flags != 0 AND old.own = 0) != (new.flags != 0 AND new.own = 0)"
"BEGIN"
"  UPDATE counters SET n = n - 1 WHERE id = old.queue;"
"  UPDATE counters SET n = n + 1 WHERE id = new.queue;"
"  UPDATE counters SET n = n - 1 WHERE id = 4 AND old.flags != 0 AND"
"    old.own = 0;"
"  UPDATE counters SET n = n + 1 WHERE id = 4 AND new.flags != 0 AND"
"    new.own = 0;"
"END;"

"DROP TABLE items_fts;"
"CREATE VIRTUAL TABLE items_fts USING fts5 (text, author, content = '',"
"  columnsize = 0, detail = none, tokenize = 'heed');"
"INSERT INTO items_fts (items_fts, rank) VALUES ('hashsize', 16777216);"
"INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', 8);"
"DELETE FROM fts_dirty;"
"UPDATE meta SET value = 0 WHERE key = 'fts_done';";

/* Schema 3: cheaper counters triggers and a search index without positions. */
static int
store_migrate_3(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_3, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 3", cause);
	return 0;
}

/*
 * Version 4.
 *
 * Several heed processes may share one cache (the open inbox, heed sync
 * from a timer, a second window). An entry being sent is leased: the
 * sender's name (lease_owner, see store_owner) and how long it holds it
 * (lease_until) are written in the same transaction that takes it, so no
 * other process sends it meanwhile; a dead sender's lease runs out, and
 * the entry is then looked for before anything is sent again. origin
 * names the process that queued it, so a second window can say "sent
 * from another heed". unknown_at and checks record an attempt whose
 * outcome was lost and the checks made since (see sync.c).
 *
 * items.gone_status keeps the triage status an item had when the
 * platform stopped listing it, so that one that comes back (a sweep that
 * was wrong, a post restored) is waiting again as it was. -1: none kept.
 *
 * Entries left sending by an older heed have no lease: they count as
 * abandoned, and their outcome as unknown since their last change.
 */
static const char store_schema_4[] =
"ALTER TABLE outbox ADD COLUMN origin TEXT;"
"ALTER TABLE outbox ADD COLUMN lease_owner TEXT;"
"ALTER TABLE outbox ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE outbox ADD COLUMN unknown_at INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE outbox ADD COLUMN checks INTEGER NOT NULL DEFAULT 0;"
"UPDATE outbox SET unknown_at = updated WHERE state = 1;"
"CREATE INDEX outbox_item ON outbox (item_id, kind) WHERE item_id IS NOT NULL;"
"ALTER TABLE items ADD COLUMN gone_status INTEGER NOT NULL DEFAULT -1;";

/* Schema 4: outbox leases and lost outcomes; the status of a gone item. */
static int
store_migrate_4(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_4, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 4", cause);
	return 0;
}

/*
 * Version 5.
 *
 * A trigger that counts every inserted item made every insert a statement
 * with a trigger program and a statement journal: a fifth of the cost of
 * ingesting an item. Rows are now counted in batches instead, like the
 * search index: meta's 'counted' is the highest item id the counters
 * include. The rows above it are added to the counters, as they are then,
 * at the end of each ingest (store_counts_settle), and store_counts adds
 * those not yet settled as it reads; the triggers that follow changes and
 * deletions skip them, since their state is counted only when they are
 * settled. Ids only grow (AUTOINCREMENT), so no row can fall below the
 * mark uncounted.
 */
static const char store_schema_5[] =
"DROP TRIGGER items_count_insert;"
"DROP TRIGGER items_count_delete;"
"DROP TRIGGER items_count_update;"
"INSERT INTO meta (key, value) SELECT 'counted', coalesce(max(id), 0)"
"  FROM items;"
"CREATE TRIGGER items_count_delete AFTER DELETE ON items"
"  WHEN old.id <= (SELECT value FROM meta WHERE key = 'counted')"
"BEGIN"
"  UPDATE counters SET n = n - 1 WHERE id = old.queue;"
"  UPDATE counters SET n = n - 1 WHERE id = 4 AND old.flags != 0 AND"
"    old.own = 0;"
"END;"
"CREATE TRIGGER items_count_update AFTER UPDATE OF own, status, flags"
"  ON items WHEN (old.queue != new.queue OR"
"  (old.flags != 0 AND old.own = 0) != (new.flags != 0 AND new.own = 0))"
"  AND old.id <= (SELECT value FROM meta WHERE key = 'counted')"
"BEGIN"
"  UPDATE counters SET n = n - 1 WHERE id = old.queue;"
"  UPDATE counters SET n = n + 1 WHERE id = new.queue;"
"  UPDATE counters SET n = n - 1 WHERE id = 4 AND old.flags != 0 AND"
"    old.own = 0;"
"  UPDATE counters SET n = n + 1 WHERE id = 4 AND new.flags != 0 AND"
"    new.own = 0;"
"END;";

/* Schema 5: new items counted in batches, not by a trigger each. */
static int
store_migrate_5(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_5, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 5", cause);
	return 0;
}

/*
 * Version 6: conversations (see store-conv.c for what they are).
 *
 * items.ckey is the key of a customer's messages in one thread: a keyed
 * hash of account, thread and author placed by the thread's post, which
 * C computes (store-conv-key.c; a function of SQL would have to exist on
 * every connection that writes items, the sqlite3 shell's too). A reply
 * of the shop's takes the key of the item it answers, so items_ckey
 * lists each customer's messages in a thread, and apart from them the
 * shop's answers to them, by time: a conversation is the messages
 * between two answers. With own in the index, every look at a
 * conversation is one range of it, and none reads the table to tell a
 * message from an answer.
 *
 * The cache's existing messages get their keys, the shop's answers
 * theirs (store_conv_migrate), and a message that an answer after it now
 * answers, which the older heed left waiting, is done.
 */
static const char store_schema_6_index[] =
"CREATE INDEX items_ckey ON items (ckey, own, created);";

static const char store_schema_6[] =
"UPDATE items INDEXED BY items_inbox SET status = 2, done_at = max(created,"
"  (SELECT min(a.created) FROM items AS a WHERE a.ckey = items.ckey AND"
"    a.own = 1 AND a.created > items.created))"
"  WHERE queue = 0 AND status IN (0, 1) AND EXISTS (SELECT 1 FROM items"
"    AS a WHERE a.ckey = items.ckey AND a.own = 1 AND"
"    a.created > items.created);";

/* Schema 6: conversations. */
static int
store_migrate_6(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, "ALTER TABLE items ADD COLUMN ckey INTEGER",
	    NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 6", cause);
	if (store_conv_migrate(s, cause) != 0)
		return -1;
	rc = sqlite3_exec(s->db, store_schema_6_index, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, store_schema_6, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 6", cause);
	return 0;
}

/*
 * Schema 7: the order of the inbox. Every customer's message gets what
 * the classifier (or a rule, or the owner) says of it: its kind (ckind,
 * enum classify_kind; NULL until sorted), whether it needs a reply
 * (creply, enum classify_reply), its urgency (0-3) and who said so
 * (kind_by, enum item_kind_by: the owner's word is never overwritten),
 * and from those its lane (enum item_lane), LANE_UNSORTED until heed has
 * read it (sorting.c, right after ingest). rank, the lane above the
 * waiting time, is what items_inbox now orders the inbox by: the same
 * one index entry per waiting message as before, so ingest pays nothing
 * more, and a message not sorted yet waits at the end in the old order.
 * With inbox_order = age the lanes are kept apart only for spam (meta
 * inbox_age says which order the lanes are in).
 */
static const char store_schema_7[] =
"ALTER TABLE items ADD COLUMN lane INTEGER NOT NULL DEFAULT 7;"
"ALTER TABLE items ADD COLUMN ckind INTEGER;"
"ALTER TABLE items ADD COLUMN creply INTEGER;"
"ALTER TABLE items ADD COLUMN urgency INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE items ADD COLUMN kind_by INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE items ADD COLUMN rank INTEGER GENERATED ALWAYS AS"
"  ((lane << 36) | min(max(created, 0), 68719476735)) VIRTUAL;"
"DROP INDEX items_inbox;"
"CREATE INDEX items_inbox ON items (rank, id) WHERE queue = 0;"
"INSERT OR IGNORE INTO meta (key, value) VALUES ('inbox_age', 0);";

/* Schema 7: kinds, lanes and the order of the inbox. */
static int
store_migrate_7(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_7, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 7", cause);
	return 0;
}

/*
 * Schema 8: tags. A message may carry several (the owner's # key, a
 * rule's tag =); each is a row of item_tags, kept by item so that a row's
 * tags are read with it, and by tag so that the filter tag:NAME is a range
 * of an index rather than a scan. triage.tags of schema 1 was never
 * written and stays unused. Tags come and go with their item.
 */
static const char store_schema_8[] =
"CREATE TABLE item_tags ("
"  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
"  tag TEXT NOT NULL,"
"  PRIMARY KEY (item_id, tag)) WITHOUT ROWID;"
"CREATE INDEX item_tags_tag ON item_tags (tag, item_id);";

/* Schema 8: tags. */
static int
store_migrate_8(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_8, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 8", cause);
	return 0;
}

/*
 * Schema 9: who did what. Each row of the activity log names the local
 * user that made it (two people sharing a computer see who did what),
 * NULL for rows written before; heed log reads the log from a time, which
 * an index on time makes a range.
 */
static const char store_schema_9[] =
"ALTER TABLE activity ADD COLUMN who TEXT;"
"CREATE INDEX activity_time ON activity (time);";

/* Schema 9: who did what. */
static int
store_migrate_9(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_9, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 9", cause);
	return 0;
}

/*
 * Schema 10: an author's content warning (Mastodon's spoiler text), shown
 * in place of what it warns about until the owner opens it.
 */
static int
store_migrate_10(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, "ALTER TABLE items ADD COLUMN warning TEXT",
	    NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 10", cause);
	return 0;
}

/*
 * Schema 11: what a platform's login keeps that is no account's own
 * secret, by name: the app heed registered on a Mastodon instance (its
 * client id and secret, which every account on that instance shares and
 * which heed logout needs to revoke a token). A platform gives such an
 * app to anyone who asks, so it is no password; the cache is private to
 * its user all the same.
 */
static const char store_schema_11[] =
"CREATE TABLE kept (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
"  WITHOUT ROWID;";

/* Schema 11: what logins keep. */
static int
store_migrate_11(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_11, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 11", cause);
	return 0;
}

/*
 * Schema 12: where each item stands in its platform's read marker (the
 * id of the Mastodon notification that brought it), so that heed can
 * share what was read with the user's other apps when asked to (see
 * store-mark.c). A table of its own: few items have a mark, and the
 * items' rows stay as they are.
 */
static const char store_schema_12[] =
"CREATE TABLE read_marks ("
"  item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,"
"  account_id INTEGER NOT NULL,"
"  mark TEXT NOT NULL);"
"CREATE INDEX read_marks_account ON read_marks (account_id, length(mark),"
"  mark);";

/* Schema 12: read markers. */
static int
store_migrate_12(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_exec(s->db, store_schema_12, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 12", cause);
	return 0;
}

/*
 * Schema 13: items name no foreign keys. Their parents are never deleted:
 * heed removes no account and no post (an item deleted on its platform
 * is marked so, and kept), so the clauses guarded nothing, while every
 * item stored looked up both parents: a twentieth of the cost of storing
 * one. The table's text loses them in place, the way SQLite documents for
 * taking a constraint away (lang_altertable.html, "making other kinds of
 * table schema changes"): no row changes, and the schema version moves
 * on so that every connection reads the table anew. A cache whose text
 * has no such clause (one made by the tests) is left as it is.
 */
#define STORE_ITEMS_FK_ACCOUNT	" REFERENCES accounts (id) ON DELETE CASCADE"
#define STORE_ITEMS_FK_POST	" REFERENCES posts (id) ON DELETE SET NULL"

/*
 * Change the text of the items table in place to expr (an expression of
 * its text, sql), for the migration to schema to; the schema version
 * moves on so that every connection reads the table anew.
 */
static int
store_rewrite_items(struct store *s, int to, const char *expr, char **cause)
{
	char	*sql, what[64];
	int	 version, rc;

	snprintf(what, sizeof what, "upgrading the schema to %d", to);
	if ((rc = store_query_int(s->db, "PRAGMA schema_version",
	    &version)) != SQLITE_OK)
		return store_fail(s, rc, what, cause);
	sql = xprintf("PRAGMA writable_schema = ON;"
	    "UPDATE sqlite_schema SET sql = %s WHERE type = 'table' AND "
	    "name = 'items';"
	    "PRAGMA schema_version = %d;", expr, version + 1);
	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	free(sql);
	(void)sqlite3_exec(s->db, "PRAGMA writable_schema = OFF", NULL, NULL,
	    NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, what, cause);
	return 0;
}

/* Schema 13: items without foreign keys. */
static int
store_migrate_13(struct store *s, char **cause)
{
	return store_rewrite_items(s, 13, "replace(replace(sql, '"
	    STORE_ITEMS_FK_ACCOUNT "', ''), '" STORE_ITEMS_FK_POST "', '')",
	    cause);
}

/*
 * Schema 14: the generated columns skey and rank clamp the time with CASE
 * rather than min() and max(). The values are the same for every row, so
 * nothing is indexed again; but a function may fail, so a statement that
 * computes one may abort half way, and one that writes several rows then
 * keeps a journal of every page it changes: the insert of each item did
 * (see STORE_ITEM_INTO), a twentieth of the cost of an ingest. The
 * table's text changes in place as in schema 13.
 */
#define STORE_CLAMP_SKEY_OLD	"min(max(created, 0), 4294967295)"
#define STORE_CLAMP_SKEY_NEW	"CASE WHEN created < 0 THEN 0 WHEN " \
	"created > 4294967295 THEN 4294967295 ELSE created END"
#define STORE_CLAMP_RANK_OLD	"min(max(created, 0), 68719476735)"
#define STORE_CLAMP_RANK_NEW	"CASE WHEN created < 0 THEN 0 WHEN " \
	"created > 68719476735 THEN 68719476735 ELSE created END"

/* Schema 14: generated columns without functions. */
static int
store_migrate_14(struct store *s, char **cause)
{
	return store_rewrite_items(s, 14, "replace(replace(sql, '"
	    STORE_CLAMP_SKEY_OLD "', '" STORE_CLAMP_SKEY_NEW "'), '"
	    STORE_CLAMP_RANK_OLD "', '" STORE_CLAMP_RANK_NEW "')", cause);
}

/* Migration N is store_migrations[N - 1]. */
static int (*const store_migrations[])(struct store *, char **) = {
	store_migrate_1,
	store_migrate_2,
	store_migrate_3,
	store_migrate_4,
	store_migrate_5,
	store_migrate_6,
	store_migrate_7,
	store_migrate_8,
	store_migrate_9,
	store_migrate_10,
	store_migrate_11,
	store_migrate_12,
	store_migrate_13,
	store_migrate_14,
};

/* Read the schema version inside the migration transaction. */
static int
store_version(struct store *s, int *version, char **cause)
{
	int	rc;

	if ((rc = store_query_int(s->db, "PRAGMA user_version", version)) !=
	    SQLITE_OK)
		return store_fail(s, rc, "reading the schema", cause);
	return 0;
}

/* Run the migrations after version in one transaction. */
static int
store_migrate_locked(struct store *s, char **cause)
{
	char	*sql;
	int	 version = 0, rc;

	/* Another heed may have migrated while we waited for the lock. */
	if (store_version(s, &version, cause) != 0)
		return -1;
	if (version > STORE_SCHEMA_VERSION) {
		return util_fail(cause, "cache %s was written by a newer heed "
		    "(schema %d, this heed knows %d); not touching it",
		    s->path, version, STORE_SCHEMA_VERSION);
	}
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	for (; version < STORE_SCHEMA_VERSION; version++) {
		if (store_migrations[version](s, cause) != 0)
			return -1;
	}
	sql = xprintf("PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "recording the schema version", cause);
	return 0;
}

/* Bring the schema from version up to STORE_SCHEMA_VERSION. */
int
store_migrate(struct store *s, int version, char **cause)
{
	int	outer, ok;

	_Static_assert(nitems(store_migrations) == STORE_SCHEMA_VERSION,
	    "one migration per schema version");
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (store_tx_begin(s, &outer, "upgrading the schema", cause) != 0)
		return -1;
	ok = store_migrate_locked(s, cause) == 0;
	return store_tx_end(s, outer, ok, "upgrading the schema", cause);
}
