/*
 * store-kept.c -- what a platform's login keeps in the cache by name,
 * beside any one account: the app heed registered on a Mastodon instance,
 * say (see store-schema.c, schema 10).
 */
#include <sqlite3.h>

#include "store-private.h"
#include "store.h"
#include "util.h"

/* What is kept under a name, or NULL; see store.h. */
int
store_kept_get(struct store *s, const char *key, char **value, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*value = NULL;
	st = store_stmt(s, ST_KEPT_GET, "SELECT value FROM kept WHERE key = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		*value = xstrdup((const char *)sqlite3_column_text(st, 0));
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading what a login kept", cause);
	return 0;
}

/* Keep a value under a name, or forget it (NULL); see store.h. */
int
store_kept_set(struct store *s, const char *key, const char *value,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (value == NULL)
		st = store_stmt(s, ST_KEPT_DEL, "DELETE FROM kept WHERE key = "
		    "?1", cause);
	else
		st = store_stmt(s, ST_KEPT_SET, "INSERT INTO kept (key, value) "
		    "VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = "
		    "excluded.value", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (value != NULL)
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "keeping what a login keeps", cause);
	return 0;
}
