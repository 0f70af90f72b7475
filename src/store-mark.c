/*
 * store-mark.c -- read markers: where each item stands in its platform's
 * marker of what the user has read (on Mastodon, the id of the
 * notification that brought it; schema 12, table read_marks), so that
 * what was read in another app is read in heed, and what was read in heed
 * can be told to the platform.
 *
 * Marks are ordered as Mastodon orders ids: a longer one is later, and
 * those of one length by their bytes. A marker says "everything up to
 * here was read", so heed moves it only as far as the last item before
 * the first one still new.
 */
#include <stdlib.h>

#include <sqlite3.h>

#include "store-private.h"
#include "store.h"
#include "util.h"

/* A mark at or before ?2; one strictly before ?2, or any when it is NULL. */
#define STORE_MARK_UPTO \
	"(length(m.mark) < length(?2) OR (length(m.mark) = length(?2) AND " \
	"m.mark <= ?2))"
#define STORE_MARK_BEFORE \
	"(?2 IS NULL OR length(m.mark) < length(?2) OR " \
	"(length(m.mark) = length(?2) AND m.mark < ?2))"
/* A mark strictly after ?3, or any when ?3 is NULL. */
#define STORE_MARK_AFTER \
	"(?3 IS NULL OR length(m.mark) > length(?3) OR " \
	"(length(m.mark) = length(?3) AND m.mark > ?3))"
/*
 * An item still new (the shop's own never are); one that holds the marker
 * back is also not spam, which waits in a view of its own, never opened.
 */
#define STORE_MARK_NEW		"i.status = 0 AND i.own = 0"
#define STORE_MARK_UNREAD	STORE_MARK_NEW " AND i.lane != 3" /* LANE_SPAM */

/* Keep an item's mark, as store_item_put stores it (in its transaction). */
int
store_mark_set(struct store *s, const struct item *it, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_MARK_SET, "INSERT INTO read_marks (item_id, "
	    "account_id, mark) SELECT id, account_id, ?3 FROM items WHERE "
	    "account_id = ?1 AND remote_id = ?2 ON CONFLICT (item_id) DO "
	    "UPDATE SET mark = excluded.mark", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_text(st, 2, it->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, it->mark, -1, SQLITE_STATIC);
	return store_step_done(s, st, "saving an item's read marker", cause);
}

/* Collect the ids of the new items at or before mark. */
static int
store_marks_unread(struct store *s, int64_t account, const char *mark,
    int64_t **ids, size_t *n, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	*ids = NULL;
	*n = 0;
	st = store_stmt(s, ST_MARKS_UNREAD, "SELECT m.item_id FROM read_marks "
	    "m JOIN items i ON i.id = m.item_id WHERE m.account_id = ?1 AND "
	    STORE_MARK_NEW " AND " STORE_MARK_UPTO, cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, mark, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the read marker", cause);
	return 0;
}

/* Do the work of store_marks_read inside its transaction. */
static int
store_marks_read_locked(struct store *s, int64_t account, const char *mark,
    size_t *n, char **cause)
{
	int64_t	*ids;
	size_t	 i;
	int	 rc = 0;

	if (store_marks_unread(s, account, mark, &ids, n, cause) != 0)
		return -1;
	for (i = 0; rc == 0 && i < *n; i++) {
		if (store_write_status(s, ids[i], STATUS_READ, 0, 0,
		    cause) != 0 || store_activity_add(s, ids[i], "read",
		    "in another app (the platform's read marker)", cause) != 0)
			rc = -1;
	}
	free(ids);
	return rc;
}

/* Mark read what another app read; see store.h. */
int
store_marks_read(struct store *s, int64_t account, const char *mark,
    size_t *n, char **cause)
{
	int	outer, ok;

	*n = 0;
	if (store_tx_begin(s, &outer, "reading the read marker", cause) != 0)
		return -1;
	ok = store_marks_read_locked(s, account, mark, n, cause) == 0;
	if (!ok)
		*n = 0;
	return store_tx_end(s, outer, ok, "reading the read marker", cause);
}

/* Give the first mark of sql's rows (?1 account, ?2 and ?3), or NULL. */
static int
store_mark_one(struct store *s, enum store_stmt_id id, const char *sql,
    int64_t account, const char *before, const char *after, char **mark,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*mark = NULL;
	if ((st = store_stmt(s, id, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, before, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, after, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*mark = store_col_text(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the read marker", cause);
	return 0;
}

/* How far the platform's marker may move; see store.h. */
int
store_marks_next(struct store *s, int64_t account, const char *after,
    char **mark, char **cause)
{
	char	*first;
	int	 rc;

	*mark = NULL;
	if (store_mark_one(s, ST_MARK_FIRST_NEW, "SELECT m.mark FROM "
	    "read_marks m JOIN items i ON i.id = m.item_id WHERE "
	    "m.account_id = ?1 AND ?2 IS NULL AND ?3 IS NULL AND "
	    STORE_MARK_UNREAD " ORDER BY length(m.mark), m.mark LIMIT 1",
	    account, NULL, NULL,
	    &first, cause) != 0)
		return -1;
	rc = store_mark_one(s, ST_MARK_LAST_READ, "SELECT m.mark FROM "
	    "read_marks m JOIN items i ON i.id = m.item_id WHERE "
	    "m.account_id = ?1 AND NOT (" STORE_MARK_NEW ") AND "
	    STORE_MARK_BEFORE " AND " STORE_MARK_AFTER " ORDER BY "
	    "length(m.mark) DESC, m.mark DESC LIMIT 1", account, first, after,
	    mark, cause);
	free(first);
	return rc;
}
