/*
 * store-alert.c -- what alerts read from the cache: the conversations
 * that wait for an answer with the ids that tell which are new, the
 * highest id given, and the numbers alerts keep between runs in meta
 * (what was seen, checked and told, and when).
 */
#include <sqlite3.h>

#include "store-private.h"
#include "store.h"

/*
 * Hand each conversation waiting for an answer to cb: its account, its
 * start, and its first and newest waiting messages' ids. One read of the
 * inbox's index, as store_waiting counts them.
 */
int
store_waiting_alert(struct store *s, store_wait_cb cb, void *arg,
    char **cause)
{
	struct store_wait	 w;
	sqlite3_stmt		*st;
	int			 rc;

	st = store_stmt(s, ST_WAITING_ALERT, "SELECT account_id, "
	    "min(created), min(id), max(id) " STORE_WAITING_FROM, cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		w.account_id = sqlite3_column_int64(st, 0);
		w.first = sqlite3_column_int64(st, 1);
		w.first_id = sqlite3_column_int64(st, 2);
		w.newest_id = sqlite3_column_int64(st, 3);
		cb(arg, &w);
	}
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading what waits", cause);
	return 0;
}

/* The highest item id the cache has given; see store.h. */
int
store_max_item_id(struct store *s, int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*id = 0;
	st = store_stmt(s, ST_MAX_ID, "SELECT coalesce(max(id), 0) FROM items",
	    cause);
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading the newest item", cause);
	return 0;
}

/* A number the cache keeps under a name, or def; see store.h. */
int
store_meta_get(struct store *s, const char *key, int64_t def, int64_t *v,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*v = def;
	st = store_stmt(s, ST_META_GET, "SELECT value FROM meta WHERE key = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the cache's settings", cause);
	return 0;
}

/* Keep a number under a name; see store.h. */
int
store_meta_set(struct store *s, const char *key, int64_t v, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_META_SET, "INSERT INTO meta (key, value) VALUES "
	    "(?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, v);
	rc = sqlite3_step(st);
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "keeping what alerts told", cause);
	return 0;
}
