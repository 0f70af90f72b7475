/*
 * test-store.c -- the store on real SQLite files in a fresh temp dir.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <signal.h>

#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "classify.h"
#include "model.h"
#include "store.h"
#include "util.h"
#include "lib/tmpdir.h"

struct fx {
	char		 dir[256];
	char		 path[512];
	struct store	*s;
	int64_t		 acct;
	int64_t		 acct2;
};

/* Make a fresh temp dir with an opened cache and two accounts. */
static int
fx_setup(void **state)
{
	struct fx	*fx;
	char		*cause = NULL;

	fx = xcalloc(1, sizeof *fx);
	tmpdir_make(fx->dir, sizeof fx->dir, "store");
	snprintf(fx->path, sizeof fx->path, "%s/cache.db", fx->dir);
	fx->s = store_open(fx->path, 0, &cause);
	if (fx->s == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_account_ensure(fx->s, "shop", "mastodon",
	    "@shop", "https://m.example", &fx->acct, &cause), 0);
	assert_int_equal(store_account_ensure(fx->s, "fb", "facebook",
	    "shop", "https://graph.example", &fx->acct2, &cause), 0);
	*state = fx;
	return 0;
}

/* Close the cache and remove the temp dir with everything in it. */
static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->s);
	tmpdir_remove(fx->dir);
	free(fx);
	return 0;
}

/* Append an item to a list. */
static struct item *
add_item(struct item_list *l, const char *rid, const char *post,
    const char *parent, int64_t created, const char *author,
    const char *text, int own)
{
	struct item	*it = item_list_add(l);

	it->remote_id = xstrdup(rid);
	it->post_remote_id = post != NULL ? xstrdup(post) : NULL;
	it->parent_remote_id = parent != NULL ? xstrdup(parent) : NULL;
	it->created = created;
	it->author_name = xstrdup(author);
	it->author_handle = xprintf("@%s", author);
	it->text = xstrdup(text);
	it->lang = xstrdup("nl");
	it->own = own;
	it->kind = parent != NULL ? ITEM_REPLY : ITEM_COMMENT;
	return it;
}

/* Ingest a list for an account and free it. */
static void
ingest(struct fx *fx, int64_t acct, struct item_list *l)
{
	char	*cause = NULL;

	if (store_ingest(fx->s, acct, NULL, 0, l, NULL, 0, NULL, NULL, NULL,
	    &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(l);
}

/* Find an item's local id by remote id (it must exist). */
static int64_t
id_of(struct fx *fx, const char *rid)
{
	int64_t	 id = 0;
	char	*cause = NULL;

	assert_int_equal(store_item_find(fx->s, fx->acct, rid, &id, &cause), 0);
	return id;
}

/* Read a whole file into a new buffer. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*p;
	long	 n;

	assert_non_null(f = fopen(path, "rb"));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = xmalloc((size_t)n + 1);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* Read a big-endian 32-bit number at an offset of a file. */
static uint32_t
header_u32(const char *path, long off)
{
	unsigned char	b[4];
	FILE		*f;

	assert_non_null(f = fopen(path, "rb"));
	fseek(f, off, SEEK_SET);
	assert_int_equal(fread(b, 1, 4, f), 4);
	fclose(f);
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

/* Search and give the remote ids found, comma-separated (static). */
static const char *
found(struct fx *fx, const char *q)
{
	static char		 out[256];
	struct item_list	 l = { NULL, 0, 0 };
	char			*cause = NULL;
	size_t			 i, len = 0;

	if (store_search(fx->s, q, 20, &l, &cause) != 0)
		fail_msg("search \"%s\": %s", q, cause);
	out[0] = '\0';
	for (i = 0; i < l.n; i++) {
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s",
		    i ? "," : "", l.v[i].remote_id);
	}
	item_list_free(&l);
	return out;
}

static void
test_open_creates_private_file(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct stat	 st;
	char		 p[PATH_MAX];
	mode_t		 old;

	assert_int_equal(stat(fx->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	add_item(&l, "a", "p", NULL, 100, "ann", "hallo", 0);
	ingest(fx, fx->acct, &l);
	snprintf(p, sizeof p, "%s-wal", fx->path);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* A cache left world-readable is made private again. */
	store_close(fx->s);
	assert_int_equal(chmod(fx->path, 0644), 0);
	old = umask(0);
	fx->s = store_open(fx->path, 0, NULL);
	umask(old);
	assert_non_null(fx->s);
	assert_int_equal(stat(fx->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
}

static void
test_migration_sets_user_version(void **state)
{
	struct fx	*fx = *state;
	struct store_account *a;
	size_t		 n;
	char		*cause = NULL;

	store_close(fx->s);
	assert_int_equal(header_u32(fx->path, 60), STORE_SCHEMA_VERSION);
	assert_int_equal(header_u32(fx->path, 68), 0x68656564);
	/* Opening again keeps the data and runs no migration. */
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
	assert_int_equal(store_account_list(fx->s, &a, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].name, "shop");
	assert_string_equal(a[1].platform, "facebook");
	store_account_list_free(a, n);
	assert_int_equal(store_check(fx->s, &cause), 0);
}

/*
 * What schema 12 to 7 changed, as schema 6 had it (for the older
 * schemas).
 */
#define SCHEMA_7_UNDO \
"DROP TABLE read_marks;" \
"DROP TABLE kept;" \
"ALTER TABLE items DROP COLUMN warning;" \
"DROP INDEX activity_time;" \
"ALTER TABLE activity DROP COLUMN who;" \
"DROP TABLE item_tags;" \
"DROP INDEX items_inbox;" \
"ALTER TABLE items DROP COLUMN rank;" \
"ALTER TABLE items DROP COLUMN kind_by;" \
"ALTER TABLE items DROP COLUMN urgency;" \
"ALTER TABLE items DROP COLUMN creply;" \
"ALTER TABLE items DROP COLUMN ckind;" \
"ALTER TABLE items DROP COLUMN lane;" \
"CREATE INDEX items_inbox ON items (created, id) WHERE queue = 0;" \
"DELETE FROM meta WHERE key = 'inbox_age';"

/* What schema 6 added, taken away again (for the older schemas). */
#define SCHEMA_6_UNDO \
SCHEMA_7_UNDO \
"DROP INDEX items_ckey;" \
"ALTER TABLE items DROP COLUMN ckey;" \
"DELETE FROM meta WHERE key IN ('conv_key0', 'conv_key1');"

/*
 * What schema 5 changed, as schema 4 had it: a trigger counts each new
 * item (every item is counted already: ingest settles the counters).
 */
#define SCHEMA_5_UNDO \
SCHEMA_6_UNDO \
"DROP TRIGGER items_count_delete;" \
"DROP TRIGGER items_count_update;" \
"DELETE FROM meta WHERE key = 'counted';" \
"CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN" \
"  UPDATE counters SET n = n + 1 WHERE id = new.queue;" \
"  UPDATE counters SET n = n + 1 WHERE id = 4 AND new.flags != 0 AND" \
"    new.own = 0;" \
"END;" \
"CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN" \
"  UPDATE counters SET n = n - 1 WHERE id = old.queue;" \
"  UPDATE counters SET n = n - 1 WHERE id = 4 AND old.flags != 0 AND" \
"    old.own = 0;" \
"END;" \
"CREATE TRIGGER items_count_update AFTER UPDATE OF own, status, flags" \
"  ON items WHEN old.queue != new.queue OR" \
"  (old.flags != 0 AND old.own = 0) != (new.flags != 0 AND new.own = 0)" \
"BEGIN" \
"  UPDATE counters SET n = n - 1 WHERE id = old.queue;" \
"  UPDATE counters SET n = n + 1 WHERE id = new.queue;" \
"  UPDATE counters SET n = n - 1 WHERE id = 4 AND old.flags != 0 AND" \
"    old.own = 0;" \
"  UPDATE counters SET n = n + 1 WHERE id = 4 AND new.flags != 0 AND" \
"    new.own = 0;" \
"END;"

/* What schema 4 added, taken away again (for the older schemas). */
#define SCHEMA_4_UNDO \
SCHEMA_5_UNDO \
"DROP INDEX outbox_item;" \
"ALTER TABLE outbox DROP COLUMN origin;" \
"ALTER TABLE outbox DROP COLUMN lease_owner;" \
"ALTER TABLE outbox DROP COLUMN lease_until;" \
"ALTER TABLE outbox DROP COLUMN unknown_at;" \
"ALTER TABLE outbox DROP COLUMN checks;" \
"ALTER TABLE items DROP COLUMN gone_status;"
static const char schema_4_undo[] = SCHEMA_4_UNDO;

/*
 * An item's adapter data survives an upsert that brings none, and a cache
 * of schema 1 is brought up to date keeping its items.
 */
static void
test_extra_kept_and_schema_1_upgraded(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct item	*it;
	sqlite3		*db;
	int64_t		 id = 0;
	char		*extra = NULL, *cause = NULL;

	it = add_item(&l, "a", "p", NULL, 100, "ann", "hallo", 0);
	it->extra = xstrdup("{\"cid\":\"bafy1\"}");
	ingest(fx, fx->acct, &l);
	add_item(&l, "a", "p", NULL, 100, "ann", "hallo again", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_find(fx->s, fx->acct, "a", &id, &cause),
	    0);
	assert_int_equal(store_item_extra(fx->s, id, &extra, &cause), 0);
	assert_non_null(extra);
	assert_string_equal(extra, "{\"cid\":\"bafy1\"}");
	free(extra);

	store_close(fx->s);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, schema_4_undo, NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "ALTER TABLE items DROP COLUMN "
	    "extra; PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(header_u32(fx->path, 60), 1);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
	assert_int_equal(store_item_extra(fx->s, id, &extra, &cause), 0);
	assert_null(extra);
	assert_int_equal(store_check(fx->s, &cause), 0);
	store_close(fx->s);
	assert_int_equal(header_u32(fx->path, 60), STORE_SCHEMA_VERSION);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
}

/* Count the rows a query on a plain connection gives. */
static int
rows_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int		 n = 0;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		n++;
	sqlite3_finalize(st);
	return n;
}

/* Schema 12's items, with the foreign keys schema 13 took away. */
static const char schema_12_items_fks[] =
"PRAGMA writable_schema = ON;"
"UPDATE sqlite_schema SET sql = replace(replace(sql,"
"  'account_id INTEGER NOT NULL,', 'account_id INTEGER NOT NULL"
"  REFERENCES accounts (id) ON DELETE CASCADE,'), 'post_id INTEGER,',"
"  'post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,')"
"  WHERE name = 'items';"
"PRAGMA schema_version = 1000;"
"PRAGMA writable_schema = OFF;"
"PRAGMA user_version = 12;";

/*
 * Items name no foreign keys from schema 13 on: a cache of schema 12
 * loses them, keeps its items and its integrity, and stores more at once.
 */
static void
test_schema_13_items_without_foreign_keys(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	sqlite3		*db;
	char		*cause = NULL;

	add_item(&l, "a", "p", NULL, 100, "ann", "hallo", 0);
	add_item(&l, "b", "p", "a", 200, "shop", "dag Ann", 1);
	ingest(fx, fx->acct, &l);
	store_close(fx->s);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "PRAGMA foreign_key_list(items)"), 0);
	assert_int_equal(sqlite3_exec(db, schema_12_items_fks, NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "PRAGMA foreign_key_list(items)"), 2);
	sqlite3_close(db);
	assert_int_equal(header_u32(fx->path, 60), 12);

	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
	assert_true(id_of(fx, "a") > 0);
	assert_true(id_of(fx, "b") > id_of(fx, "a"));
	add_item(&l, "c", "p", NULL, 300, "bob", "nog een vraag", 0);
	ingest(fx, fx->acct, &l);
	assert_true(id_of(fx, "c") > id_of(fx, "b"));
	assert_int_equal(store_check(fx->s, &cause), 0);
	store_close(fx->s);
	assert_int_equal(header_u32(fx->path, 60), STORE_SCHEMA_VERSION);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "PRAGMA foreign_key_list(items)"), 0);
	assert_int_equal(rows_of(db, "SELECT 1 FROM sqlite_schema WHERE "
	    "name = 'items' AND sql LIKE '%REFERENCES%'"), 0);
	assert_int_equal(rows_of(db, "SELECT 1 FROM items"), 3);
	assert_int_equal(rows_of(db, "PRAGMA integrity_check"), 1);
	sqlite3_close(db);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
}

/*
 * An ingest that fails half way keeps nothing of its page: its items are
 * inserted under OR FAIL (STORE_ITEM_INTO), which leaves what a failed
 * statement wrote before it failed, and the page's transaction is what
 * takes the run already stored back. An item without a remote id fails
 * its NOT NULL after a run of two has been stored.
 */
static void
test_failed_ingest_keeps_nothing(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_counts	 before, after;
	struct item		*it;
	sqlite3			*db;
	char			*cause = NULL;

	add_item(&l, "a", "p", NULL, 100, "ann", "eerste", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_counts(fx->s, &before, &cause), 0);
	add_item(&l, "b", "p", NULL, 200, "bob", "tweede", 0);
	add_item(&l, "c", "p", NULL, 300, "cas", "derde", 0);
	it = add_item(&l, "d", "p", NULL, 400, "dirk", "zonder id", 0);
	free(it->remote_id);
	it->remote_id = NULL;
	assert_int_equal(store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0,
	    NULL, NULL, NULL, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "NOT NULL"));
	free(cause);
	cause = NULL;
	item_list_free(&l);
	assert_int_equal(store_counts(fx->s, &after, &cause), 0);
	assert_memory_equal(&after, &before, sizeof before);
	store_close(fx->s);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "SELECT 1 FROM items"), 1);
	assert_int_equal(rows_of(db, "SELECT 1 FROM items WHERE remote_id "
	    "IN ('b', 'c')"), 0);
	sqlite3_close(db);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
}

/* Put back schema 13's generated columns, with min() and max(). */
static const char schema_13_clamps[] =
"PRAGMA writable_schema = ON;"
"UPDATE sqlite_schema SET sql = replace(replace(sql,"
"  'CASE WHEN created < 0 THEN 0 WHEN created > 4294967295 THEN 4294967295"
" ELSE created END', 'min(max(created, 0), 4294967295)'),"
"  'CASE WHEN created < 0 THEN 0 WHEN created > 68719476735 THEN"
" 68719476735 ELSE created END', 'min(max(created, 0), 68719476735)')"
"  WHERE name = 'items';"
"PRAGMA schema_version = 2000;"
"PRAGMA writable_schema = OFF;"
"PRAGMA user_version = 13;";

/* The search and inbox keys of every item, in id order, as one string. */
static char *
keys_of(sqlite3 *db)
{
	sqlite3_stmt	*st;
	struct buf	 b;

	buf_init(&b, 0);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT id, skey, rank FROM "
	    "items ORDER BY id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&b, "%lld:%lld:%lld ",
		    (long long)sqlite3_column_int64(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    (long long)sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
	return buf_steal(&b);
}

/*
 * From schema 14 the generated columns skey and rank clamp the time with
 * CASE: a cache of schema 13 gets the new text, and every item keeps its
 * keys (times before 1970 and past both clamps included), so the search
 * index and the inbox's index stay right.
 */
static void
test_schema_14_generated_columns_without_functions(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct item_list found = { NULL, 0, 0 };
	sqlite3		*db;
	char		*cause = NULL, *before, *after;

	add_item(&l, "a", "p", NULL, 100, "ann", "theepot kapot", 0);
	add_item(&l, "b", "p", NULL, -50, "bob", "voor 1970", 0);
	add_item(&l, "c", "p", NULL, 5000000000LL, "cas", "na 2106", 0);
	add_item(&l, "d", "p", NULL, 80000000000LL, "dirk", "heel ver", 0);
	ingest(fx, fx->acct, &l);
	store_close(fx->s);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "SELECT 1 FROM sqlite_schema WHERE "
	    "name = 'items' AND sql LIKE '%max(%'"), 0);
	before = keys_of(db);
	assert_int_equal(sqlite3_exec(db, schema_13_clamps, NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "SELECT 1 FROM sqlite_schema WHERE "
	    "name = 'items' AND sql LIKE '%min(max(created, 0), 4294967295)%' "
	    "AND sql LIKE '%min(max(created, 0), 68719476735)%'"), 1);
	sqlite3_close(db);
	assert_int_equal(header_u32(fx->path, 60), 13);

	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
	assert_int_equal(store_search(fx->s, "theepot", 10, &found, &cause),
	    0);
	assert_int_equal(found.n, 1);
	assert_int_equal(found.v[0].id, id_of(fx, "a"));
	item_list_free(&found);
	store_close(fx->s);
	assert_int_equal(header_u32(fx->path, 60), STORE_SCHEMA_VERSION);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(rows_of(db, "SELECT 1 FROM sqlite_schema WHERE "
	    "name = 'items' AND (sql LIKE '%min(%' OR sql LIKE '%max(%')"), 0);
	after = keys_of(db);
	assert_string_equal(after, before);
	assert_int_equal(rows_of(db, "PRAGMA integrity_check"), 1);
	sqlite3_close(db);
	free(before);
	free(after);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
}

/*
 * Give a plain connection a "heed" tokenizer (unicode61 under that name),
 * so that it can drop and make FTS tables of the heed schema.
 */
static void
alias_heed_tokenizer(sqlite3 *db)
{
	fts5_api	*api = NULL;
	fts5_tokenizer	 tok;
	sqlite3_stmt	*st;
	void		*ud;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	assert_non_null(api);
	assert_int_equal(api->xFindTokenizer(api, "unicode61", &ud, &tok),
	    SQLITE_OK);
	assert_int_equal(api->xCreateTokenizer(api, "heed", ud, &tok, NULL),
	    SQLITE_OK);
}

/* What schema 3 changed, as schema 2 had it (the index full, one edit). */
static const char schema_2_parts[] =
SCHEMA_4_UNDO
"DROP TRIGGER items_count_insert;"
"DROP TRIGGER items_count_delete;"
"DROP TRIGGER items_count_update;"
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
"DROP TABLE items_fts;"
"CREATE VIRTUAL TABLE items_fts USING fts5 (text, author, content = '',"
"  columnsize = 0, tokenize = 'heed');"
"INSERT INTO items_fts (rowid, text, author) SELECT skey, text, author"
"  FROM items;"
"INSERT INTO fts_dirty (id, skey, text, author) SELECT id, skey,"
"  'old words', author FROM items WHERE remote_id = 'nl';"
"UPDATE meta SET value = (SELECT max(id) FROM items)"
"  WHERE key = 'fts_done';"
"PRAGMA user_version = 2";

/*
 * A cache of schema 2 is upgraded: every item is found again, by the
 * bigrams of its Chinese too, and the counts are kept and kept up to date.
 */
static void
test_schema_2_upgraded_and_searchable(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_counts	 before, after;
	sqlite3			*db;
	char			*cause = NULL;

	add_item(&l, "zh", "p", NULL, 300, "Wang", "这个茶壶很漂亮", 0);
	add_item(&l, "nl", "p", NULL, 200, "Jansen", "Wat een mooie theepot",
	    0);
	add_item(&l, "c", "p", NULL, 100, "ann", "waar blijft mijn pakket", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_set_flags(fx->s, id_of(fx, "nl"),
	    ITEM_FLAG_STARRED, NULL, &cause), 0);
	assert_int_equal(store_counts(fx->s, &before, &cause), 0);

	store_close(fx->s);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	alias_heed_tokenizer(db);
	assert_int_equal(sqlite3_exec(db, schema_2_parts, NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(header_u32(fx->path, 60), 2);

	fx->s = store_open(fx->path, 0, &cause);
	if (fx->s == NULL)
		fail_msg("%s", cause);
	assert_string_equal(found(fx, "茶壶"), "zh");
	assert_string_equal(found(fx, "漂"), "zh");
	assert_string_equal(found(fx, "theepot"), "nl");
	assert_string_equal(found(fx, "pakket"), "c");
	assert_string_equal(found(fx, "wang"), "zh");
	assert_int_equal(store_check(fx->s, &cause), 0);
	assert_int_equal(store_counts(fx->s, &after, &cause), 0);
	assert_memory_equal(&before, &after, sizeof before);

	/* The new counters triggers count as the old ones did. */
	add_item(&l, "reply", "p", "c", 400, "shop", "onderweg", 1);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_set_flags(fx->s, id_of(fx, "nl"), 0, NULL,
	    &cause), 0);
	assert_int_equal(store_counts(fx->s, &after, &cause), 0);
	assert_int_equal(after.view[VIEW_INBOX], before.view[VIEW_INBOX] - 1);
	assert_int_equal(after.view[VIEW_DONE], before.view[VIEW_DONE] + 1);
	assert_int_equal(after.view[VIEW_FLAGGED],
	    before.view[VIEW_FLAGGED] - 1);
	assert_int_equal(after.view[VIEW_ALL], before.view[VIEW_ALL] + 1);
	assert_string_equal(found(fx, "onderweg"), "reply");
	store_close(fx->s);
	assert_int_equal(header_u32(fx->path, 60), STORE_SCHEMA_VERSION);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
}

static void
test_newer_schema_is_refused_untouched(void **state)
{
	struct fx	*fx = *state;
	struct stat	 st;
	unsigned char	 v[4] = { 0, 0, 0, 99 };
	char		*before, *after, *cause = NULL, p[PATH_MAX];
	size_t		 n1, n2;
	int		 fd;

	store_close(fx->s);
	fx->s = NULL;
	assert_true((fd = open(fx->path, O_WRONLY)) != -1);
	assert_int_equal(pwrite(fd, v, 4, 60), 4);
	close(fd);
	before = slurp(fx->path, &n1);

	assert_null(store_open(fx->path, 0, &cause));
	snprintf(p, sizeof p, "newer heed (schema 99, this heed knows %d); "
	    "not touching it", STORE_SCHEMA_VERSION);
	assert_non_null(strstr(cause, p));
	assert_non_null(strstr(cause, fx->path));
	free(cause);
	cause = NULL;
	assert_null(store_open(fx->path, STORE_READONLY, &cause));
	assert_non_null(strstr(cause, "newer heed"));
	free(cause);

	after = slurp(fx->path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	snprintf(p, sizeof p, "%s-wal", fx->path);
	assert_true(stat(p, &st) == -1 || st.st_size == 0);
	free(before);
	free(after);
}

static void
test_not_a_database_is_refused_untouched(void **state)
{
	struct fx	*fx = *state;
	char		 p[PATH_MAX], junk[4096], *cause = NULL, *after;
	size_t		 n;
	FILE		*f;

	memset(junk, 'x', sizeof junk);
	snprintf(p, sizeof p, "%s/junk.db", fx->dir);
	assert_non_null(f = fopen(p, "wb"));
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);
	assert_null(store_open(p, 0, &cause));
	assert_non_null(strstr(cause, "not a database"));
	free(cause);
	after = slurp(p, &n);
	assert_int_equal(n, sizeof junk);
	assert_memory_equal(after, junk, n);
	free(after);
}

static void
test_readonly_without_schema_fails_cleanly(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct stat	 st;
	char		 p[PATH_MAX], *cause = NULL;
	int		 fd;

	snprintf(p, sizeof p, "%s/missing.db", fx->dir);
	assert_null(store_open(p, STORE_READONLY, &cause));
	assert_non_null(strstr(cause, "missing.db"));
	assert_non_null(strstr(cause, "cannot open"));
	assert_int_equal(stat(p, &st), -1);
	free(cause);

	cause = NULL;
	snprintf(p, sizeof p, "%s/empty.db", fx->dir);
	assert_true((fd = open(p, O_CREAT | O_WRONLY, 0600)) != -1);
	close(fd);
	assert_null(store_open(p, STORE_READONLY, &cause));
	assert_non_null(strstr(cause, "has schema 0"));
	free(cause);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_size, 0);

	/* A real cache opens read-only, reads, and refuses writes clearly. */
	cause = NULL;
	add_item(&l, "a", "p", NULL, 100, "ann", "hallo daar", 0);
	ingest(fx, fx->acct, &l);
	store_close(fx->s);
	assert_non_null(fx->s = store_open(fx->path, STORE_READONLY, &cause));
	assert_int_equal(store_search(fx->s, "hallo", 10, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	item_list_free(&l);
	assert_int_equal(store_queue_page(fx->s, VIEW_INBOX, NULL, NULL, 1, 10,
	    &l, &cause), 0);
	assert_int_equal(l.n, 1);
	item_list_free(&l);
	assert_int_equal(store_set_note(fx->s, 1, "x", &cause), -1);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
}

static void
test_upsert_keeps_triage(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct item	 it;
	int64_t		 id;
	char		*cause = NULL, *draft = NULL;

	add_item(&l, "c1", "p1", NULL, 1000, "Anke", "waar is mijn pakket",
	    0);
	ingest(fx, fx->acct, &l);
	id = id_of(fx, "c1");
	assert_int_equal(store_set_status(fx->s, id, STATUS_SNOOZED, 5000,
	    &cause), 0);
	assert_int_equal(store_set_flags(fx->s, id, ITEM_FLAG_ESCALATED,
	    "ask the warehouse", &cause), 0);
	assert_int_equal(store_draft_set(fx->s, id, "We kijken ernaar",
	    &cause), 0);

	add_item(&l, "c1", "p1", NULL, 1000, "Anke",
	    "waar is mijn bestelling", 0)->like_count = 3;
	ingest(fx, fx->acct, &l);
	assert_int_equal(id_of(fx, "c1"), id);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_string_equal(it.text, "waar is mijn bestelling");
	assert_int_equal(it.like_count, 3);
	assert_int_equal(it.status, STATUS_SNOOZED);
	assert_int_equal(it.snooze_until, 5000);
	assert_int_equal(it.flags, ITEM_FLAG_ESCALATED);
	assert_string_equal(it.note, "ask the warehouse");
	assert_int_equal(it.has_draft, 1);
	item_clear(&it);
	assert_int_equal(store_draft_get(fx->s, id, &draft, &cause), 0);
	assert_string_equal(draft, "We kijken ernaar");
	free(draft);

	/* The edit is reindexed: the new word is found, the old one not. */
	assert_int_equal(store_search(fx->s, "bestelling", 10, &l, &cause), 0);
	assert_int_equal(l.n, 1);
	item_list_free(&l);
	assert_int_equal(store_search(fx->s, "pakket", 10, &l, &cause), 0);
	assert_int_equal(l.n, 0);
	item_list_free(&l);
}

/* A small deterministic generator (the C library's rand is not). */
static uint32_t
rnd(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) & 0xffffff;
}

/* Build n items with random times, owners and triage. */
static void
make_random(struct fx *fx, int n, uint32_t *seed)
{
	struct item_list l = { NULL, 0, 0 };
	struct item	 it;
	char		 rid[32], *cause = NULL;
	int		 i, k;
	int64_t		 id;

	for (i = 0; i < n; i++) {
		snprintf(rid, sizeof rid, "r%d", i);
		add_item(&l, rid, i % 3 == 0 ? "p1" : "p2", NULL,
		    1000000 + (int64_t)(rnd(seed) % 300), i % 5 ? "Bea" : "Cas",
		    "tekst", rnd(seed) % 10 == 0)->kind = (int)(rnd(seed) % 3);
		if (l.n == 100 || i == n - 1)
			ingest(fx, fx->acct, &l);
	}
	for (id = 1; id <= n; id++) {
		memset(&it, 0, sizeof it);
		it.id = id;
		it.status = (int)(rnd(seed) % 4);
		it.snooze_until = 2000000 + rnd(seed) % 50;
		it.done_at = 3000000 + rnd(seed) % 50;
		it.flags = rnd(seed) % 4 == 0 ? ITEM_FLAG_STARRED : 0;
		k = store_restore_triage(fx->s, &it, 1, &cause);
		assert_int_equal(k, 0);
		/* Most are sorted into lanes, some are left unsorted. */
		if (rnd(seed) % 5 != 0)
			assert_int_equal(store_item_sort(fx->s, id,
			    (int)(rnd(seed) % 5), (int)(rnd(seed) % 3),
			    (int)(rnd(seed) % 4), KIND_BY_CLASSIFIER, &cause),
			    0);
	}
}

/* The view an item belongs to, as the store documents it. */
static int
in_view(enum store_view v, const struct item *it)
{
	switch (v) {
	case VIEW_INBOX:
		return !it->own && (it->status == STATUS_NEW ||
		    it->status == STATUS_READ) && it->lane != LANE_SPAM;
	case VIEW_SPAM:
		return !it->own && (it->status == STATUS_NEW ||
		    it->status == STATUS_READ) && it->lane == LANE_SPAM;
	case VIEW_FLAGGED:
		return !it->own && it->flags != 0;
	case VIEW_SNOOZED:
		return !it->own && it->status == STATUS_SNOOZED;
	case VIEW_DONE:
		return !it->own && it->status == STATUS_DONE;
	default:
		return 1;
	}
}

static enum store_view sort_view;

/* Order two items as a view lists them. */
static int
view_cmp(const void *a, const void *b)
{
	const struct item	*x = a, *y = b;
	struct store_key	 kx, ky;
	int			 c;

	store_key_of(sort_view, x, &kx);
	store_key_of(sort_view, y, &ky);
	c = kx.sort < ky.sort ? -1 : kx.sort > ky.sort ? 1 :
	    kx.id < ky.id ? -1 : kx.id > ky.id;
	return sort_view == VIEW_DONE || sort_view == VIEW_ALL ? -c : c;
}

/* Read every item by id and give the expected listing of a view. */
static void
expected_view(struct fx *fx, int n, enum store_view v,
    const struct store_filter *f, struct item_list *out)
{
	struct item	it;
	char		*cause = NULL;
	int64_t		 id;

	for (id = 1; id <= n; id++) {
		assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
		if (in_view(v, &it) && (f == NULL ||
		    ((f->kind == 0 || it.kind == f->kind - 1) &&
		    (f->author == NULL || strcmp(it.author_name, "Cas") == 0))))
			*item_list_add(out) = it;
		else
			item_clear(&it);
	}
	sort_view = v;
	qsort(out->v, out->n, sizeof *out->v, view_cmp);
}

/* Walk a view in pages one way; give the ids in display order. */
static size_t
walk(struct fx *fx, enum store_view v, const struct store_filter *f,
    int dir, int64_t *ids, size_t max)
{
	struct item_list  page = { NULL, 0, 0 };
	struct store_key  key;
	size_t		  n = 0, i;
	int		  have = 0;
	char		 *cause = NULL;

	for (;;) {
		assert_int_equal(store_queue_page(fx->s, v, f, have ? &key :
		    NULL, dir, 37, &page, &cause), 0);
		if (page.n == 0)
			break;
		assert_true(n + page.n <= max);
		if (dir > 0) {
			for (i = 0; i < page.n; i++)
				ids[n + i] = page.v[i].id;
			store_key_of(v, &page.v[page.n - 1], &key);
		} else {
			memmove(ids + page.n, ids, n * sizeof *ids);
			for (i = 0; i < page.n; i++)
				ids[i] = page.v[i].id;
			store_key_of(v, &page.v[0], &key);
		}
		n += page.n;
		have = 1;
		item_list_free(&page);
	}
	return n;
}

/* Check both walks of a view against the brute-force listing. */
static void
check_view(struct fx *fx, int n, enum store_view v,
    const struct store_filter *f)
{
	struct item_list  want = { NULL, 0, 0 };
	int64_t		 *fw, *bw;
	size_t		  nf, nb, i;

	fw = xcalloc((size_t)n, sizeof *fw);
	bw = xcalloc((size_t)n, sizeof *bw);
	expected_view(fx, n, v, f, &want);
	assert_true(want.n > 5);
	nf = walk(fx, v, f, 1, fw, (size_t)n);
	nb = walk(fx, v, f, -1, bw, (size_t)n);
	assert_int_equal(nf, want.n);
	assert_int_equal(nb, want.n);
	for (i = 0; i < want.n; i++) {
		assert_int_equal(fw[i], want.v[i].id);
		assert_int_equal(bw[i], want.v[i].id);
	}
	item_list_free(&want);
	free(fw);
	free(bw);
}

static void
test_pagination_every_view_both_ways(void **state)
{
	struct fx		*fx = *state;
	struct store_filter	 f;
	uint32_t		 seed = 42;
	int			 v;

	make_random(fx, 1000, &seed);
	for (v = 0; v < VIEW_COUNT; v++)
		check_view(fx, 1000, v, NULL);
	memset(&f, 0, sizeof f);
	f.author = "cas";
	f.kind = ITEM_REPLY + 1;
	f.account_id = fx->acct;
	f.platform = "mastodon";
	check_view(fx, 1000, VIEW_ALL, &f);
	check_view(fx, 1000, VIEW_INBOX, &f);
}

/* Count the items of the all view that a one-field filter lets through. */
static int64_t
filtered_brute(struct fx *fx, int n, const struct store_filter *f)
{
	struct item	it;
	char		*cause = NULL;
	int64_t		 id, count = 0;

	for (id = 1; id <= n; id++) {
		assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
		count += (f->kind == 0 || it.kind == f->kind - 1) &&
		    (f->class == 0 || it.ckind == f->class - 1) &&
		    (f->account_id == 0 || it.account_id == f->account_id);
		item_clear(&it);
	}
	return count;
}

/*
 * Each field of a filter reaches its statement: a page and a count of
 * the all view give what the field lets through, as the items say one by
 * one (an unbound value is NULL, which lets nothing through).
 */
static void
test_filter_binds_each_field(void **state)
{
	struct fx		*fx = *state;
	struct store_filter	 f[7];
	struct item_list	 page = { NULL, 0, 0 };
	uint32_t		 seed = 7;
	int64_t			 want, n;
	char			*cause = NULL;
	size_t			 i;

	make_random(fx, 300, &seed);
	memset(f, 0, sizeof f);
	f[0].older_than = 1;			/* everything, made in 1970 */
	f[1].newer_than = util_now();		/* everything after 1970 */
	f[2].class = CLASSIFY_COMPLAINT + 1;
	f[3].class = CLASSIFY_QUESTION + 1;
	f[4].kind = ITEM_COMMENT + 1;
	f[5].account_id = fx->acct;
	f[6].kind = ITEM_REPLY + 1;
	f[6].older_than = 1;
	for (i = 0; i < nitems(f); i++) {
		want = filtered_brute(fx, 300, &f[i]);
		assert_true(want > 0);
		assert_int_equal(store_queue_count(fx->s, VIEW_ALL, &f[i], 1000,
		    &n, &cause), 0);
		assert_int_equal(n, want);
		assert_int_equal(store_queue_page(fx->s, VIEW_ALL, &f[i], NULL,
		    1, 1000, &page, &cause), 0);
		assert_int_equal((int64_t)page.n, want);
		item_list_free(&page);
	}
}

/*
 * Check that a view lists exactly the items of the remote ids in a
 * space-separated list, in order.
 */
static void
assert_inbox(struct fx *fx, enum store_view v, const char *rids)
{
	struct item_list	 page = { NULL, 0, 0 };
	struct buf		 b;
	char			*cause = NULL;
	size_t			 i;

	assert_int_equal(store_queue_page(fx->s, v, NULL, NULL, 1, 100,
	    &page, &cause), 0);
	buf_init(&b, 0);
	for (i = 0; i < page.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", page.v[i].remote_id);
	assert_string_equal(b.data != NULL ? b.data : "", rids);
	buf_free(&b);
	item_list_free(&page);
}

/*
 * The inbox lists by lane, then by waiting time; spam is left out for
 * its own view. Switched to the age order and back, every sorted
 * message is in the lane store_lane gives it, and the owner's word
 * stands against the classifier.
 */
static void
test_inbox_lanes_and_order(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct item		 it;
	char			*cause = NULL;
	int64_t			 id;
	int			 age;

	add_item(&l, "thanks", "P", NULL, 10, "ann", "thanks!", 0);
	add_item(&l, "where", "P", NULL, 20, "bob", "where is my order", 0);
	add_item(&l, "spam", "P", NULL, 30, "cas", "win a prize", 0);
	add_item(&l, "hmm", "P", NULL, 40, "dan", "hmm", 0);
	add_item(&l, "new", "P", NULL, 50, "eve", "not sorted yet", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "thanks"), 3, 0, 0,
	    KIND_BY_CLASSIFIER, &cause), 0);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "where"), 1, 2, 1,
	    KIND_BY_CLASSIFIER, &cause), 0);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "spam"), 4, 0, 0,
	    KIND_BY_CLASSIFIER, &cause), 0);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "hmm"), 0, 1, 0,
	    KIND_BY_OWNER, &cause), 0);
	/* The classifier does not overwrite the owner. */
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "hmm"), 4, 0, 0,
	    KIND_BY_CLASSIFIER, &cause), 0);
	assert_inbox(fx, VIEW_INBOX, "where hmm thanks new");
	assert_inbox(fx, VIEW_SPAM, "spam");
	for (age = 1; age >= 0; age--) {
		assert_int_equal(store_sort_order(fx->s, age, &cause), 0);
		for (id = 1; id <= 5; id++) {
			assert_int_equal(store_item_get(fx->s, id, &it,
			    &cause), 0);
			if (it.ckind >= 0)
				assert_int_equal(it.lane, store_lane(it.ckind,
				    it.creply, it.urgency, age));
			else
				assert_int_equal(it.lane, LANE_UNSORTED);
			item_clear(&it);
		}
		assert_inbox(fx, VIEW_INBOX, age ? "thanks where hmm new" :
		    "where hmm thanks new");
		assert_inbox(fx, VIEW_SPAM, "spam");
	}
}

static void
test_page_from_middle_backwards(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 page = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	struct store_key	 key;
	uint32_t		 seed = 7;
	char			*cause = NULL;
	size_t			 i;

	make_random(fx, 300, &seed);
	expected_view(fx, 300, VIEW_INBOX, NULL, &want);
	store_key_of(VIEW_INBOX, &want.v[40], &key);
	assert_int_equal(store_queue_page(fx->s, VIEW_INBOX, NULL, &key, -1,
	    10, &page, &cause), 0);
	assert_int_equal(page.n, 10);
	for (i = 0; i < 10; i++)
		assert_int_equal(page.v[i].id, want.v[30 + i].id);
	item_list_free(&page);
	item_list_free(&want);
}

static void
test_counts_match_brute_force(void **state)
{
	struct fx		*fx = *state;
	struct store_counts	 c;
	struct item		 it;
	uint32_t		 seed = 1234;
	int64_t			 want[VIEW_COUNT], id, now;
	char			*cause = NULL;
	int			 v, round;

	make_random(fx, 500, &seed);
	now = 1000000 + 200;
	for (round = 0; round < 3; round++) {
		/* Random changes through the triage calls. */
		for (v = 0; v < 200; v++) {
			id = 1 + rnd(&seed) % 500;
			switch (rnd(&seed) % 4) {
			case 0:
				store_set_status(fx->s, id, STATUS_DONE, 0,
				    &cause);
				break;
			case 1:
				store_set_status(fx->s, id, STATUS_SNOOZED,
				    now + 5, &cause);
				break;
			case 2:
				store_set_flags(fx->s, id, rnd(&seed) % 2,
				    NULL, &cause);
				break;
			default:
				store_set_status(fx->s, id, STATUS_READ, 0,
				    &cause);
				break;
			}
		}
		memset(want, 0, sizeof want);
		for (id = 1; id <= 500; id++) {
			assert_int_equal(store_item_get(fx->s, id, &it,
			    &cause), 0);
			for (v = 0; v < VIEW_COUNT; v++)
				want[v] += in_view(v, &it);
			item_clear(&it);
		}
		assert_int_equal(store_counts(fx->s, &c, &cause), 0);
		for (v = 0; v < VIEW_COUNT; v++)
			assert_int_equal(c.view[v], want[v]);
	}
}

/* The counts store_counts gives must be those of the items one by one. */
static void
assert_counts_true(struct fx *fx, int64_t nitems)
{
	struct store_counts	 c;
	struct item		 it;
	int64_t			 want[VIEW_COUNT], id;
	char			*cause = NULL;
	int			 v;

	memset(want, 0, sizeof want);
	for (id = 1; id <= nitems; id++) {
		assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
		for (v = 0; v < VIEW_COUNT; v++)
			want[v] += in_view(v, &it);
		item_clear(&it);
	}
	assert_int_equal(store_counts(fx->s, &c, &cause), 0);
	for (v = 0; v < VIEW_COUNT; v++)
		assert_int_equal(c.view[v], want[v]);
}

/*
 * New items are counted in batches (store_counts_settle): before a batch
 * is settled the counts already include its items, in the views they are
 * in now, whatever triage did to them meanwhile; settling changes no count.
 */
static void
test_counts_of_items_not_yet_settled(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct item		*it;
	char			 rid[16];
	char			*cause = NULL;
	int			 i;

	for (i = 0; i < 6; i++) {
		snprintf(rid, sizeof rid, "s%d", i);
		add_item(&l, rid, "p", NULL, 100 + i, "ann", "settled", 0);
	}
	ingest(fx, fx->acct, &l);
	/* Items stored one by one, as a sent reply is: not settled. */
	for (i = 0; i < 6; i++) {
		snprintf(rid, sizeof rid, "u%d", i);
		it = add_item(&l, rid, "p", NULL, 200 + i, "bob", "pending",
		    0);
		it->account_id = fx->acct;
		assert_int_equal(store_item_upsert(fx->s, it, NULL, &cause),
		    0);
	}
	it = add_item(&l, "own", "p", "u5", 300, "shop", "thanks", 1);
	it->account_id = fx->acct;
	assert_int_equal(store_item_upsert(fx->s, it, NULL, &cause), 0);
	item_list_free(&l);
	assert_counts_true(fx, 13);

	/* Triage on settled and pending items alike. */
	assert_int_equal(store_set_status(fx->s, id_of(fx, "s0"), STATUS_DONE,
	    0, &cause), 0);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "u0"), STATUS_DONE,
	    0, &cause), 0);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "u1"),
	    STATUS_SNOOZED, 5000, &cause), 0);
	assert_int_equal(store_set_flags(fx->s, id_of(fx, "u2"),
	    ITEM_FLAG_STARRED, NULL, &cause), 0);
	assert_int_equal(store_set_flags(fx->s, id_of(fx, "s1"),
	    ITEM_FLAG_STARRED, NULL, &cause), 0);
	assert_counts_true(fx, 13);

	/* An ingest settles them; then triage counts through the triggers. */
	add_item(&l, "s6", "p", NULL, 400, "cas", "late", 0);
	ingest(fx, fx->acct, &l);
	assert_counts_true(fx, 14);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "u1"), STATUS_READ,
	    0, &cause), 0);
	assert_int_equal(store_set_flags(fx->s, id_of(fx, "u2"), 0, NULL,
	    &cause), 0);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "s6"), STATUS_DONE,
	    0, &cause), 0);
	assert_counts_true(fx, 14);
}

/*
 * A filtered view is counted as it is listed (store_queue_count), and only
 * as far as the limit asks.
 */
static void
test_queue_count_with_a_filter(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_filter	 f;
	struct item		*it;
	int64_t			 n = -1;
	char			*cause = NULL, rid[16];
	int			 i;

	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "c%d", i);
		it = add_item(&l, rid, "p", NULL, 100 + i, "ann", "hello", 0);
		if (i % 2 == 0) {
			free(it->lang);
			it->lang = xstrdup("en");
		}
	}
	ingest(fx, fx->acct, &l);
	memset(&f, 0, sizeof f);
	f.lang = "en";
	assert_int_equal(store_queue_count(fx->s, VIEW_INBOX, &f, 100, &n,
	    &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_queue_count(fx->s, VIEW_INBOX, &f, 2, &n,
	    &cause), 0);
	assert_int_equal(n, 2);
	f.lang = "fr";
	assert_int_equal(store_queue_count(fx->s, VIEW_ALL, &f, 100, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_queue_count(fx->s, VIEW_ALL, NULL, 100, &n,
	    &cause), 0);
	assert_int_equal(n, 5);
}

static void
test_snoozed_items_wake(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_activity	*a;
	struct item		 it;
	int64_t			 woken = -1;
	size_t			 n;
	char			*cause = NULL;

	add_item(&l, "a", "p", NULL, 10, "ann", "een", 0);
	add_item(&l, "b", "p", NULL, 11, "bob", "twee", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "a"),
	    STATUS_SNOOZED, 500, &cause), 0);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "b"),
	    STATUS_SNOOZED, 1500, &cause), 0);
	assert_int_equal(store_wake_snoozed(fx->s, 1000, &woken, &cause), 0);
	assert_int_equal(woken, 1);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "a"), &it, &cause),
	    0);
	assert_int_equal(it.status, STATUS_READ);
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "b"), &it, &cause),
	    0);
	assert_int_equal(it.status, STATUS_SNOOZED);
	item_clear(&it);
	assert_int_equal(store_activity_recent(fx->s, 1, &a, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].action, "woke");
	assert_int_equal(a[0].item_id, id_of(fx, "a"));
	store_activity_free(a, n);
	assert_int_equal(store_wake_snoozed(fx->s, 1000, &woken, &cause), 0);
	assert_int_equal(woken, 0);
}

static void
test_search_multilingual(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };

	/* Ingested oldest last, as a backfill does. */
	add_item(&l, "zh", "p", NULL, 500, "Wang", "这个茶壶很漂亮", 0);
	add_item(&l, "ja", "p", NULL, 400, "Sato",
	    "このティーポットは素敵です", 0);
	add_item(&l, "nl", "p", NULL, 300, "Jansen",
	    "Wat een prachtige theepot! Café open op zondag?", 0);
	add_item(&l, "en", "p", NULL, 200, "Smith",
	    "Lovely teapot, is the café open on Sunday?", 0);
	add_item(&l, "mix", "p", NULL, 100, "Li",
	    "teapot 茶壶 price?", 0);
	ingest(fx, fx->acct, &l);

	assert_string_equal(found(fx, "theepot"), "nl");
	assert_string_equal(found(fx, "茶壶"), "zh,mix");
	assert_string_equal(found(fx, "壶很"), "zh");
	assert_string_equal(found(fx, "茶很"), "");
	assert_string_equal(found(fx, "ティーポット"), "ja");
	assert_string_equal(found(fx, "cafe"), "nl,en");
	assert_string_equal(found(fx, "CAFÉ zondag"), "nl");
	assert_string_equal(found(fx, "teapot"), "en,mix");
	assert_string_equal(found(fx, "prachti"), "");
	assert_string_equal(found(fx, "prachti*"), "nl");
	assert_string_equal(found(fx, "prachti* "), "");
	assert_string_equal(found(fx, "CAF*"), "nl,en");
	assert_string_equal(found(fx, "茶*"), "zh,mix");
	assert_string_equal(found(fx, "jansen"), "nl");
	assert_string_equal(found(fx, "@wang"), "zh");

	/* One character: first, inside or last in its run, typed or not. */
	assert_string_equal(found(fx, "茶"), "zh,mix");
	assert_string_equal(found(fx, "很"), "zh");
	assert_string_equal(found(fx, "亮"), "zh");
	assert_string_equal(found(fx, "壶"), "zh,mix");
	assert_string_equal(found(fx, "ト"), "ja");
	assert_string_equal(found(fx, "壶*"), "zh,mix");
	/* Longer runs, and runs glued to other words. */
	assert_string_equal(found(fx, "茶壶很"), "zh");
	assert_string_equal(found(fx, "这个茶壶很漂亮"), "zh");
	assert_string_equal(found(fx, "很茶"), "");
	assert_string_equal(found(fx, "ポット"), "ja");
	assert_string_equal(found(fx, "teapot茶壶"), "mix");
	assert_string_equal(found(fx, "茶壶,price"), "mix");
	assert_string_equal(found(fx, "茶壶 Sunday"), "");
}

static void
test_search_limit_keeps_the_newest(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	char			 rid[16], *cause = NULL;
	int			 i;

	/* A backfill: the newest is ingested first, so has the lowest id. */
	for (i = 0; i < 40; i++) {
		snprintf(rid, sizeof rid, "m%d", i);
		add_item(&l, rid, "p", NULL, 1000 - 10 * i - (i % 3), "ann",
		    "levering vandaag", 0);
	}
	ingest(fx, fx->acct, &l);
	add_item(&l, "late", "p", NULL, 995, "bob", "levering morgen", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_search(fx->s, "levering", 4, &l, &cause), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].remote_id, "m0");
	assert_string_equal(l.v[1].remote_id, "late");
	assert_string_equal(l.v[2].remote_id, "m1");
	assert_string_equal(l.v[3].remote_id, "m2");
	item_list_free(&l);
}

static void
test_search_hostile_input_does_not_fail(void **state)
{
	static const char *const hostile[] = {
		"\"", "AND (", "-", "*", "NEAR(", "^", "\"\"\"\"", "col:",
		"text:foo", "a OR", "(((", "\\", "'", "", "   ", "NOT",
		"foo\" OR \"bar", "}{", "+", "a AND NOT b", "* * *", "\"*\"*",
		"author:x", "NEAR(a b, 3)", "'; DROP TABLE items; --", "%_",
	};
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_filter	 f;
	char			*big, *cause = NULL;
	size_t			 i;

	add_item(&l, "a", "p", NULL, 1, "ann", "foo bar AND (x) - y \"q\"",
	    0);
	ingest(fx, fx->acct, &l);
	for (i = 0; i < nitems(hostile); i++) {
		if (store_search(fx->s, hostile[i], 10, &l, &cause) != 0)
			fail_msg("\"%s\": %s", hostile[i], cause);
		item_list_free(&l);
	}
	for (i = 0; i < nitems(hostile); i++) {
		memset(&f, 0, sizeof f);
		f.text = hostile[i];
		if (store_queue_page(fx->s, VIEW_ALL, &f, NULL, 1, 10, &l,
		    &cause) != 0)
			fail_msg("filter \"%s\": %s", hostile[i], cause);
		item_list_free(&l);
	}
	f.text = "AND (x";
	assert_int_equal(store_queue_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &l, &cause), 0);
	assert_int_equal(l.n, 1);
	item_list_free(&l);
	/* Punctuation alone is no word: it finds nothing, and fails nothing. */
	f.text = "( - \"";
	assert_int_equal(store_queue_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &l, &cause), 0);
	assert_int_equal(l.n, 0);
	assert_string_equal(found(fx, "( - \""), "");
	assert_string_equal(found(fx, "AND (x"), "a");
	assert_string_equal(found(fx, "\"q\""), "a");
	big = xmalloc(20001);
	memset(big, '(', 20000);
	big[20000] = '\0';
	assert_int_equal(store_search(fx->s, big, 10, &l, &cause), 0);
	item_list_free(&l);
	/* Ten thousand words. */
	for (i = 0; i < 10000; i++) {
		big[i * 2] = (char)('a' + i % 26);
		big[i * 2 + 1] = ' ';
	}
	assert_int_equal(store_search(fx->s, big, 10, &l, &cause), 0);
	item_list_free(&l);
	free(big);
}

static void
test_outbox_lifecycle_and_recover(void **state)
{
	struct fx		*fx = *state;
	struct outbox_entry	 e, got, *v;
	struct store_counts	 c;
	struct store		*other;
	size_t			 n;
	char			*cause = NULL;

	memset(&e, 0, sizeof e);
	e.account_id = fx->acct;
	e.kind = ACTION_REPLY;
	e.target_remote_id = xstrdup("c1");
	e.body = xstrdup("Dank je!");
	e.idem_key = xstrdup("k-1");
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), 0);
	assert_true(e.id > 0);
	assert_int_equal(e.state, OUTBOX_QUEUED);
	assert_int_equal(e.next_attempt, e.created);
	assert_string_equal(e.origin, store_owner(fx->s));

	/* A second heed on the same cache goes by another name. */
	other = store_open(fx->path, 0, &cause);
	assert_non_null(other);
	assert_string_not_equal(store_owner(other), store_owner(fx->s));

	/* Due now, not before it was created, and only for its account. */
	assert_int_equal(store_outbox_take(fx->s, fx->acct, e.created - 1, 60,
	    &got, &cause), 1);
	assert_int_equal(store_outbox_take(fx->s, fx->acct + 1000, e.created,
	    60, &got, &cause), 1);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, e.created, 60,
	    &got, &cause), 0);
	assert_int_equal(got.id, e.id);
	assert_string_equal(got.body, "Dank je!");
	assert_string_equal(got.idem_key, "k-1");
	assert_string_equal(got.lease_owner, store_owner(fx->s));
	assert_int_equal(got.lease_until, e.created + 60);
	outbox_entry_clear(&got);

	/* Taken: the other heed can neither take it nor change it. */
	assert_int_equal(store_outbox_take(other, fx->acct, e.created, 60,
	    &got, &cause), 1);
	e.state = OUTBOX_SENDING;
	e.attempts = 1;
	assert_int_equal(store_outbox_update(other, &e, &cause), -1);
	assert_non_null(strstr(cause, "another heed"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_outbox_discard(other, e.id, &cause), 1);
	assert_int_equal(store_outbox_renew(other, e.id, e.created + 999,
	    &cause), 1);

	/* Its holder sends it, keeping the lease. */
	e.lease_until = e.created + 60;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_renew(fx->s, e.id, e.created + 120,
	    &cause), 0);
	assert_int_equal(store_counts(fx->s, &c, &cause), 0);
	assert_int_equal(c.outbox_pending, 1);
	assert_int_equal(c.outbox_checking, 0);
	assert_int_equal(store_outbox_take(other, fx->acct, e.created + 100,
	    60, &got, &cause), 1);
	/* Its answer lost, it is counted as being checked too. */
	e.state = OUTBOX_CHECKING;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_counts(fx->s, &c, &cause), 0);
	assert_int_equal(c.outbox_pending, 1);
	assert_int_equal(c.outbox_checking, 1);
	e.state = OUTBOX_SENDING;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);

	/*
	 * The holder dies: once its lease runs out, the entry is taken as it
	 * was left, SENDING, for its taker to look for, never to resend.
	 */
	assert_int_equal(store_outbox_take(other, fx->acct, e.created + 121,
	    60, &got, &cause), 0);
	assert_int_equal(got.state, OUTBOX_SENDING);
	assert_int_equal(got.attempts, 1);
	assert_string_equal(got.lease_owner, store_owner(other));
	outbox_entry_clear(&got);
	/* The dead holder's late word is refused; the new one's is not. */
	e.lease_until = 0;
	e.state = OUTBOX_QUEUED;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_outbox_release(other, e.id, &cause), 0);
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);

	/* A lease no heed would take (a planted row) holds nothing. */
	assert_int_equal(store_outbox_take(other, fx->acct, e.created, 40000000,
	    &got, &cause), 0);
	outbox_entry_clear(&got);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, e.created, 60,
	    &got, &cause), 0);
	assert_string_equal(got.lease_owner, store_owner(fx->s));
	outbox_entry_clear(&got);
	store_close(other);

/* The same idempotency key cannot be queued twice. */
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), -1);
	free(cause);
	cause = NULL;

	e.state = OUTBOX_FAILED;
	e.last_error = xstrdup("HTTP 500");
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_counts(fx->s, &c, &cause), 0);
	assert_int_equal(c.outbox_pending, 0);
	assert_int_equal(c.outbox_failed, 1);
	assert_int_equal(store_outbox_list(fx->s, &v, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].last_error, "HTTP 500");
	store_outbox_list_free(v, n);

	e.state = OUTBOX_SENT;
	e.remote_id = xstrdup("r-99");
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_list(fx->s, &v, &n, &cause), 0);
	assert_int_equal(n, 0);
	store_outbox_list_free(v, n);
	assert_int_equal(store_outbox_get(fx->s, e.id, &got, &cause), 0);
	assert_string_equal(got.remote_id, "r-99");
	outbox_entry_clear(&got);
	assert_int_equal(store_outbox_delete(fx->s, e.id, &cause), 0);
	assert_int_equal(store_outbox_get(fx->s, e.id, &got, &cause), -1);
	free(cause);
	outbox_entry_clear(&e);
}

/* Queue an outbox entry on an item and move it to a state; 0 or -1. */
static int
outbox_put(struct fx *fx, int64_t item, int kind, int state,
    const char *key)
{
	struct outbox_entry	 e;
	char			*cause = NULL;
	int			 rc;

	memset(&e, 0, sizeof e);
	e.account_id = fx->acct;
	e.item_id = item;
	e.kind = kind;
	e.target_remote_id = xstrdup("c1");
	e.body = xstrdup("Stuur ons je bestelnummer?");
	e.idem_key = xstrdup(key);
	if ((rc = store_outbox_add(fx->s, &e, &cause)) == 0 &&
	    state != OUTBOX_QUEUED) {
		e.state = state;
		if (store_outbox_update(fx->s, &e, &cause) != 0)
			fail_msg("%s", cause);
	}
	free(cause);
	outbox_entry_clear(&e);
	return rc;
}

/* Add customer comments with these remote ids to the first account. */
static void
outbox_items(struct fx *fx, const char *const *rids, size_t n)
{
	struct item_list	 l;
	size_t			 i;

	memset(&l, 0, sizeof l);
	for (i = 0; i < n; i++)
		add_item(&l, rids[i], "P", NULL, 10 + (int64_t)i, "ann", "hoi",
		    0);
	ingest(fx, fx->acct, &l);
}

static void
test_outbox_has_private_reply_queued_sending_or_sent_not_failed(
    void **state)
{
	static const struct {
		const char	*rid;
		int		 state;
		int		 want;	/* 0 has one, 1 has none */
	} cases[] = {
		{ "q", OUTBOX_QUEUED, 0 },
		{ "s", OUTBOX_SENDING, 0 },
		{ "t", OUTBOX_SENT, 0 },
		{ "f", OUTBOX_FAILED, 1 },
	};
	const char	*rids[] = { "q", "s", "t", "f" };
	struct fx	*fx = *state;
	char		*cause = NULL, key[32];
	size_t		 i;
	int		 got;

	outbox_items(fx, rids, nitems(rids));
	for (i = 0; i < nitems(cases); i++) {
		snprintf(key, sizeof key, "k-%s", cases[i].rid);
		assert_int_equal(outbox_put(fx, id_of(fx, cases[i].rid),
		    ACTION_PRIVATE_REPLY, cases[i].state, key), 0);
	}
	for (i = 0; i < nitems(cases); i++) {
		got = -1;
		assert_int_equal(store_outbox_has(fx->s, id_of(fx,
		    cases[i].rid), ACTION_PRIVATE_REPLY, &got, &cause),
		    cases[i].want);
		assert_int_equal(got, cases[i].want == 0 ? cases[i].state : -1);
	}
	/* The state may be left out. */
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "q"),
	    ACTION_PRIVATE_REPLY, NULL, &cause), 0);
}

static void
test_outbox_has_ignores_other_items_and_kinds(void **state)
{
	const char	*rids[] = { "a", "b", "c" };
	struct fx	*fx = *state;
	char		*cause = NULL;

	outbox_items(fx, rids, nitems(rids));
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_REPLY,
	    OUTBOX_SENT, "k-a-public"), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_LIKE,
	    OUTBOX_QUEUED, "k-a-like"), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "b"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-b-private"), 0);
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "a"),
	    ACTION_PRIVATE_REPLY, NULL, &cause), 1);
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "c"),
	    ACTION_PRIVATE_REPLY, NULL, &cause), 1);
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "b"),
	    ACTION_REPLY, NULL, &cause), 1);
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "a"),
	    ACTION_REPLY, NULL, &cause), 0);
}

static void
test_outbox_add_refuses_second_private_reply_unless_first_failed(
    void **state)
{
	const char		*rids[] = { "a", "b" };
	struct fx		*fx = *state;
	struct outbox_entry	 e, *v;
	char			*cause = NULL;
	size_t			 n;
	int64_t			 first;
	int			 got;

	outbox_items(fx, rids, nitems(rids));
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-1"), 0);

	/* A second one, as from a second P, is refused with a reason. */
	memset(&e, 0, sizeof e);
	e.account_id = fx->acct;
	e.item_id = id_of(fx, "a");
	e.kind = ACTION_PRIVATE_REPLY;
	e.idem_key = xstrdup("k-2");
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), -1);
	assert_non_null(strstr(cause, "already has a private reply"));
	free(cause);
	cause = NULL;
	outbox_entry_clear(&e);
	assert_int_equal(store_outbox_list(fx->s, &v, &n, &cause), 0);
	assert_int_equal(n, 1);
	first = v[0].id;
	store_outbox_list_free(v, n);

	/* Other items, and public replies, are not limited. */
	assert_int_equal(outbox_put(fx, id_of(fx, "b"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-3"), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_REPLY,
	    OUTBOX_QUEUED, "k-4"), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_REPLY,
	    OUTBOX_QUEUED, "k-5"), 0);

	/* Sending or sent still counts; failed frees the comment again. */
	assert_int_equal(outbox_put(fx, id_of(fx, "b"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-6"), -1);
	assert_int_equal(store_outbox_get(fx->s, first, &e, &cause), 0);
	assert_int_equal(e.kind, ACTION_PRIVATE_REPLY);
	e.state = OUTBOX_SENDING;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-7"), -1);
	e.state = OUTBOX_SENT;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-8"), -1);
	e.state = OUTBOX_FAILED;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(outbox_put(fx, id_of(fx, "a"), ACTION_PRIVATE_REPLY,
	    OUTBOX_QUEUED, "k-9"), 0);

	/* With one queued and one sent (retried), has reports the sent. */
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "a"),
	    ACTION_PRIVATE_REPLY, &got, &cause), 0);
	assert_int_equal(got, OUTBOX_QUEUED);
	e.state = OUTBOX_SENT;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_has(fx->s, id_of(fx, "a"),
	    ACTION_PRIVATE_REPLY, &got, &cause), 0);
	assert_int_equal(got, OUTBOX_SENT);
	outbox_entry_clear(&e);
}

/* Give a thread as "rid:depth" words, with the selected one starred. */
static const char *
thread_str(struct fx *fx, const char *rid)
{
	static char		 out[512];
	struct store_thread	 t;
	char			*cause = NULL;
	size_t			 i, len = 0;

	if (store_thread_get(fx->s, id_of(fx, rid), &t, &cause) != 0)
		fail_msg("%s", cause);
	out[0] = '\0';
	for (i = 0; i < t.items.n; i++) {
		len += (size_t)snprintf(out + len, sizeof out - len,
		    "%s%s%s:%d", i ? " " : "", i == t.selected ? "*" : "",
		    t.items.v[i].remote_id, t.items.v[i].depth);
	}
	if (t.have_post)
		len += (size_t)snprintf(out + len, sizeof out - len, " [%s]",
		    t.post.text);
	store_thread_free(&t);
	return out;
}

static void
test_thread_order_and_depth(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct post		 p;
	char			*cause = NULL;

	memset(&p, 0, sizeof p);
	p.remote_id = xstrdup("P");
	p.text = xstrdup("new teapots");
	p.own = 1;
	add_item(&l, "c1", "P", NULL, 10, "ann", "x", 0);
	add_item(&l, "c2", "P", NULL, 5, "bob", "x", 0);
	add_item(&l, "r1", "P", "c1", 20, "shop", "x", 1);
	add_item(&l, "r2", "P", "r1", 30, "ann", "x", 0);
	add_item(&l, "r3", "P", "c1", 15, "cas", "x", 0);
	add_item(&l, "o", "P", "gone", 1, "dan", "x", 0);
	add_item(&l, "other", "Q", NULL, 3, "eve", "x", 0);
	if (store_ingest(fx->s, fx->acct, &p, 1, &l, NULL, 0, NULL, NULL, NULL,
	    &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(&l);
	post_clear(&p);
	assert_string_equal(thread_str(fx, "r1"),
	    "o:0 c2:0 c1:0 r3:1 *r1:1 r2:2 [new teapots]");
	assert_string_equal(thread_str(fx, "other"), "*other:0");
}

static void
test_thread_survives_cycles_and_depth(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_thread	 t;
	char			 rid[16], parent[16], *cause = NULL;
	int			 i;

	add_item(&l, "a", "P", NULL, 1, "ann", "x", 0);
	add_item(&l, "x", "P", "y", 2, "xav", "x", 0);
	add_item(&l, "y", "P", "x", 3, "yan", "x", 0);
	add_item(&l, "z", "P", "x", 4, "zoe", "x", 0);
	add_item(&l, "self", "P", "self", 5, "sam", "x", 0);
	ingest(fx, fx->acct, &l);
	assert_string_equal(thread_str(fx, "y"),
	    "a:0 self:0 x:0 *y:1 z:1");

	/* A chain deeper than the cap lists every item, depth capped. */
	for (i = 0; i < 100; i++) {
		snprintf(rid, sizeof rid, "d%d", i);
		snprintf(parent, sizeof parent, "d%d", i - 1);
		add_item(&l, rid, "D", i ? parent : NULL, 100 + i, "d", "x",
		    0);
	}
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_thread_get(fx->s, id_of(fx, "d99"), &t,
	    &cause), 0);
	assert_int_equal(t.items.n, 100);
	assert_int_equal(t.selected, 99);
	assert_int_equal(t.items.v[10].depth, 10);
	assert_int_equal(t.items.v[99].depth, 64);
	store_thread_free(&t);
}

/*
 * Tell whether every scan or search step of a plan uses an index (the
 * primary key of a WITHOUT ROWID table, item_tags's, is one).
 */
static void
assert_plan_indexed(const char *plan, const char *index)
{
	const char	*line, *end;
	char		 buf[512];
	size_t		 len;

	assert_null(strstr(plan, "TEMP B-TREE"));
	assert_non_null(strstr(plan, index));
	for (line = plan; *line != '\0'; line = end + 1) {
		end = strchr(line, '\n');
		len = (size_t)(end - line);
		snprintf(buf, sizeof buf, "%.*s", (int)len, line);
		if (strncmp(buf, "SCAN", 4) == 0 ||
		    strncmp(buf, "SEARCH", 6) == 0) {
			if (strstr(buf, "USING INDEX") == NULL &&
			    strstr(buf, "USING COVERING INDEX") == NULL &&
			    strstr(buf, "USING INTEGER PRIMARY KEY") == NULL &&
			    strstr(buf, "USING PRIMARY KEY (") == NULL)
				fail_msg("unindexed step: %s\n%s", buf, plan);
		}
	}
}

static void
test_queue_plans_use_indexes(void **state)
{
	static const char *const index[VIEW_COUNT] = {
		"items_inbox", "items_flagged", "items_snoozed",
		"items_done", "items_created", "items_inbox"
	};
	struct fx		*fx = *state;
	struct store_filter	 f;
	char			*plan, *cause = NULL, line[64];
	int			 v, dir, key;

	for (v = 0; v < VIEW_COUNT; v++) {
		for (dir = -1; dir <= 1; dir += 2) {
			for (key = 0; key <= 1; key++) {
				assert_int_equal(store_queue_plan(fx->s, v,
				    NULL, dir, key, &plan, &cause), 0);
				snprintf(line, sizeof line, "USING INDEX %s",
				    index[v]);
				assert_plan_indexed(plan, line);
				free(plan);
			}
		}
	}
	/* The tag filter reads the index of tags, not every tag. */
	memset(&f, 0, sizeof f);
	f.tag = "refunds";
	assert_int_equal(store_queue_plan(fx->s, VIEW_INBOX, &f, 1, 1, &plan,
	    &cause), 0);
	assert_plan_indexed(plan, "USING INDEX items_inbox");
	assert_non_null(strstr(plan, "item_tags_tag"));
	free(plan);
}

/* The local user's name, as the activity log should have it. */
static const char *
who_am_i(void)
{
	struct passwd	*pw = getpwuid(getuid());

	return pw != NULL ? pw->pw_name : getenv("USER");
}

static void
test_replied_and_triage_log(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_activity	*a;
	struct item		 it, saved;
	int64_t			 id, before;
	size_t			 n;
	char			*cause = NULL;

	/* The business's reply may arrive before the comment it answers. */
	add_item(&l, "reply", "P", "c", 20, "shop", "graag gedaan", 1);
	ingest(fx, fx->acct, &l);
	add_item(&l, "c", "P", NULL, 10, "ann", "bedankt", 0);
	add_item(&l, "c2", "P", NULL, 11, "bob", "hoi", 0);
	ingest(fx, fx->acct, &l);
	id = id_of(fx, "c");
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_int_equal(it.replied, 1);
	/* Answered on the platform: it no longer waits in the inbox. */
	assert_int_equal(it.status, STATUS_DONE);
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "c2"), &it, &cause),
	    0);
	assert_int_equal(it.replied, 0);
	assert_int_equal(it.status, STATUS_NEW);
	item_clear(&it);
	/* A reply arriving after the comment settles it the same way. */
	add_item(&l, "reply2", "P", "c2", 30, "shop", "hallo", 1);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "c2"), &it, &cause),
	    0);
	assert_int_equal(it.replied, 1);
	assert_int_equal(it.status, STATUS_DONE);
	item_clear(&it);

	assert_int_equal(store_mark_read(fx->s, id, &cause), 0);
	assert_int_equal(store_set_flags(fx->s, id, ITEM_FLAG_STARRED, "vip",
	    &cause), 0);
	assert_int_equal(store_set_status(fx->s, id, STATUS_DONE, 0, &cause),
	    0);
	assert_int_equal(store_item_get(fx->s, id, &saved, &cause), 0);
	assert_true(saved.done_at > 0);
	assert_int_equal(store_mark_read(fx->s, id, &cause), 0);
	assert_int_equal(store_set_status(fx->s, id, STATUS_READ, 0, &cause),
	    0);
	assert_int_equal(store_set_flags(fx->s, id, 0, NULL, &cause), 0);
	assert_int_equal(store_set_note(fx->s, id, "", &cause), 0);
	assert_int_equal(store_activity_recent(fx->s, 10, &a, &n, &cause), 0);
	assert_int_equal(n, 5);
	assert_string_equal(a[0].action, "note");
	assert_string_equal(a[1].action, "unflagged");
	assert_string_equal(a[2].action, "reopened");
	assert_string_equal(a[3].action, "done");
	assert_string_equal(a[4].action, "flagged");
	assert_string_equal(a[4].detail, "vip");
	assert_non_null(a[4].who);
	assert_string_equal(a[4].who, who_am_i());
	store_activity_free(a, n);

	/* heed log reads them from a time on, oldest first, with the item. */
	assert_int_equal(store_activity_since(fx->s, 0, 0, &a, &n, &cause), 0);
	assert_int_equal(n, 5);
	assert_string_equal(a[0].action, "flagged");
	assert_string_equal(a[4].action, "note");
	assert_string_equal(a[0].author, "ann");
	assert_string_equal(a[0].text, "bedankt");
	store_activity_free(a, n);
	/* The newest two, still oldest first. */
	assert_int_equal(store_activity_since(fx->s, 0, 2, &a, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].action, "unflagged");
	assert_string_equal(a[1].action, "note");
	store_activity_free(a, n);
	assert_int_equal(store_activity_since(fx->s, util_now() + 60, 0, &a,
	    &n, &cause), 0);
	assert_int_equal(n, 0);
	store_activity_free(a, n);

	/* The log screen reads it a page at a time, newest first. */
	assert_int_equal(store_activity_before(fx->s, 0, 2, &a, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].action, "note");
	assert_string_equal(a[1].action, "unflagged");
	assert_string_equal(a[1].author, "ann");
	before = a[1].id;
	store_activity_free(a, n);
	assert_int_equal(store_activity_before(fx->s, before, 2, &a, &n,
	    &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].action, "reopened");
	assert_string_equal(a[1].action, "done");
	before = a[1].id;
	store_activity_free(a, n);
	assert_int_equal(store_activity_before(fx->s, before, 2, &a, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].action, "flagged");
	assert_string_equal(a[0].who, who_am_i());
	store_activity_free(a, n);

	/* Undo puts back status, done time, flags and note exactly. */
	assert_int_equal(store_restore_triage(fx->s, &saved, 1, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_int_equal(it.status, STATUS_DONE);
	assert_int_equal(it.done_at, saved.done_at);
	assert_int_equal(it.flags, ITEM_FLAG_STARRED);
	assert_string_equal(it.note, "vip");
	item_clear(&it);
	item_clear(&saved);

	/* mark_read changes only NEW. */
	assert_int_equal(store_mark_read(fx->s, id, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_int_equal(it.status, STATUS_DONE);
	item_clear(&it);
	assert_int_equal(store_set_status(fx->s, 9999, STATUS_DONE, 0,
	    &cause), -1);
	assert_string_equal(cause, "no item 9999");
	free(cause);
}

static void
test_ingest_gone_cursor_and_drafts(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_sync_state	 ss;
	struct item		 it, saved;
	char			 b[] = "b", *gone[] = { b };
	char			*cause = NULL, *d = NULL;
	int64_t			 id;

	add_item(&l, "a", "P", NULL, 10, "ann", "een", 0);
	add_item(&l, "b", "P", NULL, 11, "bob", "twee", 0);
	assert_int_equal(store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0,
	    "comments", "cursor-1", NULL, &cause), 0);
	item_list_free(&l);
	assert_int_equal(store_ingest(fx->s, fx->acct, NULL, 0, NULL, gone, 1,
	    "comments", "cursor-2", NULL, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "b"), &it, &cause),
	    0);
	assert_int_equal(it.deleted, 1);
	item_clear(&it);
	assert_int_equal(store_sync_state_get(fx->s, fx->acct, "comments",
	    &ss, &cause), 0);
	assert_string_equal(ss.cursor, "cursor-2");
	assert_true(ss.last_success > 0);
	store_sync_state_clear(&ss);
	assert_int_equal(store_sync_state_get(fx->s, fx->acct2, "comments",
	    &ss, &cause), 0);
	assert_null(ss.cursor);

	/* The same remote id on another account is another item. */
	add_item(&l, "a", "P", NULL, 10, "ann", "een", 0);
	ingest(fx, fx->acct2, &l);
	assert_int_equal(store_item_find(fx->s, fx->acct2, "a", &id, &cause),
	    0);
	assert_true(id != id_of(fx, "a"));
	assert_int_equal(store_item_find(fx->s, fx->acct, "nope", &id,
	    &cause), 1);

	id = id_of(fx, "a");
	assert_int_equal(store_draft_set(fx->s, id, "concept", &cause), 0);
	assert_int_equal(store_draft_set(fx->s, id, "", &cause), 0);
	assert_int_equal(store_draft_get(fx->s, id, &d, &cause), 0);
	assert_null(d);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_int_equal(it.has_draft, 0);
	item_clear(&it);

	/* Deleted when fetched, new or known: settled, and only once. */
	add_item(&l, "d", "P", NULL, 12, "dan", "weg", 0)->deleted = 1;
	add_item(&l, "a", "P", NULL, 10, "ann", "een", 0)->deleted = 1;
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "d"), &it, &cause),
	    0);
	assert_int_equal(it.status, STATUS_DONE);
	assert_true(it.done_at >= 12);
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id, &saved, &cause), 0);
	assert_int_equal(saved.status, STATUS_DONE);
	saved.done_at = 5;
	assert_int_equal(store_restore_triage(fx->s, &saved, 1, &cause), 0);
	add_item(&l, "a", "P", NULL, 10, "ann", "een", 0)->deleted = 1;
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_int_equal(it.status, STATUS_DONE);
	assert_int_equal(it.done_at, 5);
	item_clear(&it);
	item_clear(&saved);
}

static void
test_transaction_errors_are_clear(void **state)
{
	struct fx	*fx = *state;
	char		*cause = NULL;

	assert_int_equal(store_begin(fx->s, &cause), 0);
	assert_int_equal(store_begin(fx->s, &cause), -1);
	assert_non_null(strstr(cause, fx->path));
	assert_non_null(strstr(cause, "starting a transaction"));
	free(cause);
	store_rollback(fx->s);
	store_rollback(fx->s);
	assert_int_equal(store_begin(fx->s, &cause), 0);
	assert_int_equal(store_commit(fx->s, &cause), 0);
}

/* Whether an item of the first account is marked deleted. */
static int
is_deleted(struct fx *fx, const char *rid)
{
	struct item	 it;
	char		*cause = NULL;
	int		 d;

	if (store_item_get(fx->s, id_of(fx, rid), &it, &cause) != 0)
		fail_msg("%s", cause);
	d = it.deleted;
	item_clear(&it);
	return d;
}

static void
test_sweep_marks_only_unlisted_old_customer_items(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct item		 it;
	char			 a[] = "a", c[] = "c", *seen[] = { a, c };
	char			*cause = NULL;
	size_t			 n = 99;
	int64_t			 id;

	add_item(&l, "P", "P", NULL, 5, "shop", "De post", 1);
	add_item(&l, "a", "P", NULL, 10, "ann", "listed", 0);
	add_item(&l, "b", "P", NULL, 11, "bob", "gone", 0);
	add_item(&l, "c", "P", "b", 12, "cas", "listed reply", 0);
	add_item(&l, "d", "P", "a", 13, "dan", "gone reply", 0);
	add_item(&l, "h", "P", NULL, 14, "hal", "hidden", 0)->hidden = 1;
	add_item(&l, "o", "P", "a", 15, "shop", "our answer", 1);
	add_item(&l, "y", "P", NULL, 100, "yes", "too young", 0);
	add_item(&l, "q", "Q", NULL, 10, "qin", "another post", 0);
	ingest(fx, fx->acct, &l);
	add_item(&l, "b", "P", NULL, 11, "bob", "other account", 0);
	ingest(fx, fx->acct2, &l);

	assert_int_equal(store_sweep(fx->s, fx->acct, "P", seen, nitems(seen),
	    50, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_false(is_deleted(fx, "P"));
	assert_false(is_deleted(fx, "a"));
	assert_true(is_deleted(fx, "b"));
	assert_false(is_deleted(fx, "c"));
	assert_true(is_deleted(fx, "d"));
	assert_false(is_deleted(fx, "h"));
	assert_false(is_deleted(fx, "o"));
	assert_false(is_deleted(fx, "y"));
	assert_false(is_deleted(fx, "q"));

	/* Sweeping again marks nothing new; an empty read of a post whose
	 * items are all listed or young leaves them all. */
	assert_int_equal(store_sweep(fx->s, fx->acct, "P", seen, nitems(seen),
	    50, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_sweep(fx->s, fx->acct, "Q", NULL, 0, 5, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	assert_false(is_deleted(fx, "q"));

	/* The other account's item with the same remote id is untouched. */
	assert_int_equal(store_item_find(fx->s, fx->acct2, "b", &id, &cause),
	    0);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	assert_int_equal(it.deleted, 0);
	item_clear(&it);

	/* A post with no item left unlisted: nothing happens, n is 0. */
	assert_int_equal(store_sweep(fx->s, fx->acct, "none", NULL, 0, 50, NULL,
	    &cause), 0);
}

/*
 * An item the platform stopped listing is marked deleted and leaves the
 * inbox; listed again, it gets back the status it had (new, or read),
 * unless the user changed it meanwhile, and an own reply stored since
 * still settles it.
 */
static void
test_item_listed_again_gets_its_status_back(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct item		 it;
	char			 a[] = "a", *seen[] = { a };
	char			*cause = NULL;
	size_t			 n;

	add_item(&l, "a", "P", NULL, 10, "ann", "still here", 0);
	add_item(&l, "b", "P", NULL, 11, "bob", "read, then gone", 0);
	add_item(&l, "c", "P", NULL, 12, "cas", "gone, then done", 0);
	add_item(&l, "d", "P", NULL, 13, "dan", "gone, then answered", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_mark_read(fx->s, id_of(fx, "b"), &cause), 0);
	assert_int_equal(store_sweep(fx->s, fx->acct, "P", seen, 1, 50, &n,
	    &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "b"), &it, &cause),
	    0);
	assert_int_equal(it.status, STATUS_DONE);
	assert_int_equal(it.deleted, 1);
	item_clear(&it);
	/* The user marks c done on purpose; d gets an answer. */
	assert_int_equal(store_set_status(fx->s, id_of(fx, "c"), STATUS_READ,
	    0, &cause), 0);
	assert_int_equal(store_set_status(fx->s, id_of(fx, "c"), STATUS_DONE,
	    0, &cause), 0);
	add_item(&l, "r", "P", "d", 20, "shop", "our answer", 1);
	ingest(fx, fx->acct, &l);

	add_item(&l, "b", "P", NULL, 11, "bob", "read, then gone", 0);
	add_item(&l, "c", "P", NULL, 12, "cas", "gone, then done", 0);
	add_item(&l, "d", "P", NULL, 13, "dan", "gone, then answered", 0);
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "b"), &it, &cause),
	    0);
	assert_int_equal(it.deleted, 0);
	assert_int_equal(it.status, STATUS_READ);
	assert_int_equal(it.done_at, 0);
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "c"), &it, &cause),
	    0);
	assert_int_equal(it.deleted, 0);
	assert_int_equal(it.status, STATUS_DONE);
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "d"), &it, &cause),
	    0);
	assert_int_equal(it.deleted, 0);
	assert_int_equal(it.status, STATUS_DONE);
	item_clear(&it);
}

/*
 * A remote id never moves an item to another post or parent: an ingest
 * that would is left out and counted, the first item keeps its place,
 * and an item whose post was not known becomes known.
 */
static void
test_ingest_never_moves_an_item(void **state)
{
	struct fx			*fx = *state;
	struct item_list		 l = { NULL, 0, 0 };
	struct store_ingest_stats	 st;
	struct item			 it;
	char				*cause = NULL;

	add_item(&l, "r-1", "P", "a", 10, "shop", "first answer", 1);
	add_item(&l, "x", NULL, NULL, 11, "xan", "no post yet", 0);
	ingest(fx, fx->acct, &l);
	add_item(&l, "r-1", "P", "b", 12, "shop", "another answer", 1);
	add_item(&l, "r-1", "Q", "a", 12, "shop", "another post", 1);
	add_item(&l, "x", "P", NULL, 11, "xan", "no post yet", 0);
	assert_int_equal(store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0,
	    NULL, NULL, &st, &cause), 0);
	item_list_free(&l);
	assert_int_equal(st.refused, 2);
	assert_string_equal(st.first_refused, "r-1");
	free(st.first_refused);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "r-1"), &it, &cause),
	    0);
	assert_string_equal(it.parent_remote_id, "a");
	assert_string_equal(it.post_remote_id, "P");
	assert_string_equal(it.text, "first answer");
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "x"), &it, &cause),
	    0);
	assert_string_equal(it.post_remote_id, "P");
	item_clear(&it);
	/* The same item read again unchanged is no refusal. */
	add_item(&l, "r-1", "P", "a", 10, "shop", "first answer", 1);
	assert_int_equal(store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0,
	    NULL, NULL, &st, &cause), 0);
	item_list_free(&l);
	assert_int_equal(st.refused, 0);
}

/*
 * The user's changes to the outbox are refused while a heed holds an
 * entry, and each says so; a retried entry that was tried before is
 * looked for first; the recent-reply query sees what any heed queued or
 * sent; the next event is the soonest due time or lease end.
 */
static void
test_outbox_user_changes_and_recent(void **state)
{
	struct fx		*fx = *state;
	struct outbox_entry	 e, got;
	struct store		*other;
	int64_t			 now = util_now(), when;
	char			*cause = NULL, *body;

	memset(&e, 0, sizeof e);
	e.account_id = fx->acct;
	e.kind = ACTION_REPLY;
	e.target_remote_id = xstrdup("c1");
	e.body = xstrdup("Tot zaterdag!");
	e.idem_key = xstrdup("k-user");
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), 0);
	other = store_open(fx->path, 0, &cause);
	assert_non_null(other);
	assert_int_equal(store_outbox_next_event(other, now, &when, &cause),
	    0);
	assert_int_equal(when, e.next_attempt);

	/* Queued and free: another heed sees it as recent, not its own. */
	assert_int_equal(store_outbox_recent(other, 0, ACTION_REPLY, now,
	    &got, &cause), 1);
	e.item_id = 0;
	/* Held by this process: the other may not discard or retry it. */
	assert_int_equal(store_outbox_take(fx->s, fx->acct, now, 60, &got,
	    &cause), 0);
	outbox_entry_clear(&got);
	assert_int_equal(store_outbox_next_event(other, now, &when, &cause),
	    0);
	assert_int_equal(when, now + 61);
	assert_int_equal(store_outbox_discard(other, e.id, &cause), 1);
	assert_int_equal(store_outbox_take_back(other, e.id, &body, &cause),
	    1);
	assert_null(body);
	/* It fails; released, it may be retried (looked for first). */
	e.state = OUTBOX_FAILED;
	e.attempts = 1;
	e.lease_until = 0;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_retry(other, e.id, &cause), 0);
	assert_int_equal(store_outbox_get(other, e.id, &got, &cause), 0);
	assert_int_equal(got.state, OUTBOX_CHECKING);
	assert_int_equal(got.next_attempt, 0);
	outbox_entry_clear(&got);
	/* Only a failed entry is retried. */
	assert_int_equal(store_outbox_retry(other, e.id, &cause), 1);
	/* A checking entry cannot be taken back to edit (it may have gone). */
	assert_int_equal(store_outbox_take_back(other, e.id, &body, &cause),
	    1);
	e.state = OUTBOX_QUEUED;
	assert_int_equal(store_outbox_update(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_take_back(other, e.id, &body, &cause),
	    0);
	assert_string_equal(body, "Tot zaterdag!");
	free(body);
	assert_int_equal(store_outbox_get(other, e.id, &got, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_outbox_next_event(other, now, &when, &cause),
	    0);
	assert_int_equal(when, 0);
	store_close(other);
	outbox_entry_clear(&e);
}

/*
 * A reply queued with a send delay: no heed takes it before its time (a
 * restart changes nothing: the time is in the cache), it is the one the
 * countdown shows, and until it leaves it can be taken back whole.
 */
static void
test_outbox_send_delay(void **state)
{
	struct fx		*fx = *state;
	struct outbox_entry	 e, got;
	struct store		*other;
	int64_t			 now = util_now(), when, item = 0, id = 0;
	char			*cause = NULL, *body;

	memset(&e, 0, sizeof e);
	e.account_id = fx->acct;
	e.kind = ACTION_REPLY;
	e.target_remote_id = xstrdup("c1");
	e.body = xstrdup("Thank you, Anna!");
	e.idem_key = xstrdup("k-delay");
	e.next_attempt = now + 10;
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), 0);
	assert_int_equal(e.next_attempt, now + 10);
	other = store_open(fx->path, 0, &cause);
	assert_non_null(other);
	assert_int_equal(store_outbox_take(other, fx->acct, now, 60, &got,
	    &cause), 1);
	assert_int_equal(store_outbox_take(other, fx->acct, now + 9, 60, &got,
	    &cause), 1);
	assert_int_equal(store_outbox_next_event(other, now, &when, &cause),
	    0);
	assert_int_equal(when, now + 10);
	assert_int_equal(store_outbox_delayed(other, now, &when, &item, &id,
	    &cause), 0);
	assert_int_equal(when, now + 10);
	assert_int_equal(id, e.id);
	/* Past its time it is no longer counting down. */
	assert_int_equal(store_outbox_delayed(other, now + 10, &when, &item,
	    &id, &cause), 1);
	assert_int_equal(store_outbox_take_back(other, e.id, &body, &cause),
	    0);
	assert_string_equal(body, "Thank you, Anna!");
	free(body);
	assert_int_equal(store_outbox_delayed(other, now, &when, &item, &id,
	    &cause), 1);
	/* Once taken to be sent, it cannot be taken back. */
	free(e.idem_key);
	e.idem_key = xstrdup("k-delay-2");
	e.next_attempt = now + 10;
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_take(other, fx->acct, now + 10, 60, &got,
	    &cause), 0);
	outbox_entry_clear(&got);
	assert_int_equal(store_outbox_take_back(fx->s, e.id, &body, &cause),
	    1);
	/* A private reply waits, and is taken back, the same way. */
	free(e.idem_key);
	e.idem_key = xstrdup("k-delay-3");
	e.kind = ACTION_PRIVATE_REPLY;
	e.next_attempt = now + 5;
	assert_int_equal(store_outbox_add(fx->s, &e, &cause), 0);
	assert_int_equal(store_outbox_delayed(other, now, &when, &item, &id,
	    &cause), 0);
	assert_int_equal(id, e.id);
	assert_int_equal(store_outbox_take_back(other, e.id, &body, &cause),
	    0);
	assert_string_equal(body, "Thank you, Anna!");
	free(body);
	store_close(other);
	outbox_entry_clear(&e);
}

/*
 * In a child: wait to be killed, and die with this test if a failed
 * check ends it first (a child left behind holds the test's output open).
 */
static void
pause_child(void)
{
	(void)prctl(PR_SET_PDEATHSIG, SIGKILL);
	pause();
	_exit(0);
}

/*
 * store_outbox_leased, which the outbox screen asks: a lease holds while
 * it has not run out and its process lives; one of a process gone from
 * this host, one run out, or one longer than any lease (two days) holds
 * nothing.
 */
static void
test_outbox_leased_by_live_processes_only(void **state)
{
	struct outbox_entry	 e;
	char			 host[64], *live, *gone;
	int64_t			 now = util_now();
	pid_t			 pid, other;
	int			 status;

	(void)state;
	assert_int_equal(gethostname(host, sizeof host), 0);
	host[sizeof host - 1] = '\0';
	/* Another process of the same program, alive until killed. */
	if ((other = fork()) == 0)
		pause_child();
	assert_true(other > 0);
	if ((pid = fork()) == 0)
		_exit(0);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	live = xprintf("%s:%ld:aaaaaaaaaaaa", host, (long)other);
	gone = xprintf("%s:%ld:bbbbbbbbbbbb", host, (long)pid);
	memset(&e, 0, sizeof e);
	assert_false(store_outbox_leased(&e, now));
	e.lease_owner = live;
	e.lease_until = now + 60;
	assert_true(store_outbox_leased(&e, now));
	e.lease_until = now - 1;
	assert_false(store_outbox_leased(&e, now));
	e.lease_until = now + STORE_LEASE_MOST;
	assert_true(store_outbox_leased(&e, now));
	e.lease_until = now + STORE_LEASE_MOST + 1;
	assert_false(store_outbox_leased(&e, now));
	e.lease_owner = gone;
	e.lease_until = now + 60;
	assert_false(store_outbox_leased(&e, now));
	assert_int_equal(store_owner_alive(gone), 0);
	/* Another host's process cannot be asked: it may run. */
	assert_int_equal(store_owner_alive("elsewhere.example:1:cccccccccccc"),
	    1);
	kill(other, SIGKILL);
	assert_int_equal(waitpid(other, &status, 0), other);
	free(live);
	free(gone);
}

/* Give entry id a lease of owner until a time, as a process would have. */
static void
plant_lease(struct fx *fx, int64_t id, const char *owner, int64_t until)
{
	sqlite3		*db;
	char		*sql;

	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	sql = sqlite3_mprintf("UPDATE outbox SET state = 1, lease_owner = %Q, "
	    "lease_until = %lld WHERE id = %lld", owner, (long long)until,
	    (long long)id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
}

/*
 * A lease held by a process of this host that is gone (exited, or killed
 * and not yet reaped: a zombie) is not waited out; one held by a live
 * process, or by another host's, is.
 */
static void
test_outbox_lease_of_a_gone_process(void **state)
{
	struct fx		*fx = *state;
	struct outbox_entry	 e, got;
	char			 host[64], stat[64], buf[512], *owner;
	int64_t			 now = util_now();
	pid_t			 pid;
	FILE			*f;
	int			 zombie = 0, i, status;

	memset(&e, 0, sizeof e);
	e.account_id = fx->acct;
	e.kind = ACTION_LIKE;
	e.target_remote_id = xstrdup("c1");
	e.idem_key = xstrdup("k-zombie");
	assert_int_equal(store_outbox_add(fx->s, &e, NULL), 0);
	assert_int_equal(gethostname(host, sizeof host), 0);
	host[sizeof host - 1] = '\0';

	/* Another host's live-looking lease holds. */
	plant_lease(fx, e.id, "elsewhere.example:1:abcdef", now + 600);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, now, 60, &got,
	    NULL), 1);
	/* So does one of a live heed here (a child of this process). */
	if ((pid = fork()) == 0)
		pause_child();
	assert_true(pid > 0);
	owner = xprintf("%s:%ld:abcdef", host, (long)pid);
	plant_lease(fx, e.id, owner, now + 600);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, now, 60, &got,
	    NULL), 1);

	/* Killed and not reaped yet (a zombie), it is gone. */
	assert_int_equal(kill(pid, SIGKILL), 0);
	snprintf(stat, sizeof stat, "/proc/%ld/stat", (long)pid);
	for (i = 0; i < 500 && !zombie; i++) {
		if ((f = fopen(stat, "r")) != NULL) {
			if (fgets(buf, sizeof buf, f) != NULL &&
			    strstr(buf, ") Z ") != NULL)
				zombie = 1;
			fclose(f);
		}
		if (!zombie)
			usleep(10000);
	}
	assert_true(zombie);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, now, 60, &got,
	    NULL), 0);
	assert_int_equal(got.state, OUTBOX_SENDING);
	outbox_entry_clear(&got);
	/* Reaped, it is gone altogether: the same. */
	assert_int_equal(waitpid(pid, &status, 0), pid);
	plant_lease(fx, e.id, owner, now + 600);
	free(owner);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, now, 60, &got,
	    NULL), 0);
	outbox_entry_clear(&got);
	/* A process id now used by another program (this one's parent). */
	owner = xprintf("%s:%ld:abcdef", host, (long)getppid());
	plant_lease(fx, e.id, owner, now + 600);
	free(owner);
	assert_int_equal(store_outbox_take(fx->s, fx->acct, now, 60, &got,
	    NULL), 0);
	outbox_entry_clear(&got);
	outbox_entry_clear(&e);
}

/*
 * Whether another process sees a lock on byte off of a file (F_GETLK).
 * Run in a child, since a process never sees its own locks.
 */
static int
locked_for_others(const char *path, off_t off)
{
	struct flock	fl;
	pid_t		pid;
	int		fd, status;

	if ((pid = fork()) == 0) {
		if ((fd = open(path, O_RDONLY)) == -1)
			_exit(2);
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		fl.l_start = off;
		fl.l_len = 1;
		if (fcntl(fd, F_GETLK, &fl) == -1)
			_exit(2);
		_exit(fl.l_type == F_UNLCK ? 0 : 1);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) != 2);
	return WEXITSTATUS(status) == 1;
}

/*
 * Opening the cache leaves SQLite's locks in place. A heed holds a shared
 * lock on the shared-memory file's "dead man switch" byte (128, after the
 * eight lock slots at 120) for as long as it has the cache open: that is
 * how a second heed knows not to rebuild the shared memory under it.
 * Closing any descriptor of a file drops every POSIX lock the process
 * holds on it; a heed that once opened and closed the cache's files to
 * check them after SQLite had opened them lost that lock, and a second
 * heed then rebuilt the shared memory under it (it died of SIGBUS).
 */
static void
test_open_keeps_the_shared_memory_locked(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store		*other;
	char			*shm, *cause = NULL;

	add_item(&l, "a", "P", NULL, 10, "ann", "first", 0);
	ingest(fx, fx->acct, &l);
	shm = xprintf("%s-shm", fx->path);
	assert_true(locked_for_others(shm, 128));
	/* A second store in this process (a read-only one too) keeps it. */
	other = store_open(fx->path, STORE_READONLY, &cause);
	assert_non_null(other);
	store_close(other);
	other = store_open(fx->path, 0, &cause);
	assert_non_null(other);
	store_close(other);
	assert_true(locked_for_others(shm, 128));
	free(shm);
}

/*
 * What a login keeps by name outlives the store, is replaced by a new
 * value, and is forgotten by a NULL one; a read-only cache reads it.
 */
static void
test_kept_values_by_name(void **state)
{
	struct fx	*fx = *state;
	struct store	*ro;
	char		*v, *cause = NULL;

	assert_int_equal(store_kept_get(fx->s, "mastodon-app https://a.example",
	    &v, &cause), 0);
	assert_null(v);
	assert_int_equal(store_kept_set(fx->s, "mastodon-app https://a.example",
	    "{\"client_id\":\"1\"}", &cause), 0);
	assert_int_equal(store_kept_set(fx->s, "mastodon-app https://b.example",
	    "12", &cause), 0);
	assert_int_equal(store_kept_set(fx->s, "mastodon-app https://a.example",
	    "{\"client_id\":\"2\"}", &cause), 0);
	store_close(fx->s);
	fx->s = store_open(fx->path, 0, &cause);
	assert_non_null(fx->s);
	assert_int_equal(store_kept_get(fx->s, "mastodon-app https://a.example",
	    &v, &cause), 0);
	assert_string_equal(v, "{\"client_id\":\"2\"}");
	free(v);
	/* A value that looks like a number stays text. */
	assert_int_equal(store_kept_get(fx->s, "mastodon-app https://b.example",
	    &v, &cause), 0);
	assert_string_equal(v, "12");
	free(v);
	ro = store_open(fx->path, STORE_READONLY, &cause);
	assert_non_null(ro);
	assert_int_equal(store_kept_get(ro, "mastodon-app https://b.example",
	    &v, &cause), 0);
	assert_string_equal(v, "12");
	free(v);
	assert_int_equal(store_kept_set(ro, "x", "y", &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	store_close(ro);
	assert_int_equal(store_kept_set(fx->s, "mastodon-app https://a.example",
	    NULL, &cause), 0);
	assert_int_equal(store_kept_get(fx->s, "mastodon-app https://a.example",
	    &v, &cause), 0);
	assert_null(v);
	/* Forgetting what is not kept is no failure. */
	assert_int_equal(store_kept_set(fx->s, "none", NULL, &cause), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outbox_leased_by_live_processes_only),
		T(test_open_creates_private_file),
		T(test_migration_sets_user_version),
		T(test_kept_values_by_name),
		T(test_extra_kept_and_schema_1_upgraded),
		T(test_schema_13_items_without_foreign_keys),
		T(test_schema_14_generated_columns_without_functions),
		T(test_failed_ingest_keeps_nothing),
		T(test_schema_2_upgraded_and_searchable),
		T(test_newer_schema_is_refused_untouched),
		T(test_not_a_database_is_refused_untouched),
		T(test_readonly_without_schema_fails_cleanly),
		T(test_upsert_keeps_triage),
		T(test_pagination_every_view_both_ways),
		T(test_filter_binds_each_field),
		T(test_inbox_lanes_and_order),
		T(test_page_from_middle_backwards),
		T(test_counts_match_brute_force),
		T(test_counts_of_items_not_yet_settled),
		T(test_queue_count_with_a_filter),
		T(test_snoozed_items_wake),
		T(test_search_multilingual),
		T(test_search_limit_keeps_the_newest),
		T(test_search_hostile_input_does_not_fail),
		T(test_outbox_lifecycle_and_recover),
		T(test_outbox_send_delay),
		T(test_outbox_has_private_reply_queued_sending_or_sent_not_failed),
		T(test_outbox_has_ignores_other_items_and_kinds),
		T(test_outbox_add_refuses_second_private_reply_unless_first_failed),
		T(test_thread_order_and_depth),
		T(test_thread_survives_cycles_and_depth),
		T(test_queue_plans_use_indexes),
		T(test_replied_and_triage_log),
		T(test_ingest_gone_cursor_and_drafts),
		T(test_transaction_errors_are_clear),
		T(test_sweep_marks_only_unlisted_old_customer_items),
	T(test_item_listed_again_gets_its_status_back),
	T(test_ingest_never_moves_an_item),
	T(test_outbox_user_changes_and_recent),
	T(test_outbox_lease_of_a_gone_process),
	T(test_open_keeps_the_shared_memory_locked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
