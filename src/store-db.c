/*
 * store-db.c -- the lowest layer of the store, which every other store
 * file uses: SQLite errors in words, cached statements, stepping and
 * binding, one-shot reads of an integer, reading a row into an item, and
 * transactions that nest as savepoints.
 */
#include <stdio.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/* Read one integer from a one-shot query on a connection; an SQLite code. */
int
store_query_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	*out = 0;
	if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* Describe a SQLite failure in words a user can act on. */
static const char *
store_reason(struct store *s, sqlite3 *db, int rc, char *tmp, size_t len)
{
	int	err;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "database is locked by another process";
	case SQLITE_FULL:
		return "disk full";
	case SQLITE_READONLY:
		if (s->readonly)
			return "cache was opened read-only";
		return "cache file or its directory is read-only";
	case SQLITE_CORRUPT:
		return "database file is damaged";
	case SQLITE_NOTADB:
		return "file is not a database";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "permission denied";
	case SQLITE_NOMEM:
		return "out of memory";
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		err = db != NULL ? sqlite3_system_errno(db) : 0;
		if (err != 0) {
			snprintf(tmp, len, "%s (%s)", (rc & 0xff) ==
			    SQLITE_IOERR ? "I/O error" : "cannot open the file",
			    strerror(err));
			return tmp;
		}
		return (rc & 0xff) == SQLITE_IOERR ? "I/O error" :
		    "cannot open the file";
	}
	if (db != NULL)
		return sqlite3_errmsg(db);
	return sqlite3_errstr(rc);
}

/* Set cause for a failed operation on a given connection; return -1. */
int
store_fail_db(struct store *s, sqlite3 *db, int rc, const char *op,
    char **cause)
{
	char	tmp[256];

	return util_fail(cause, "cache %s: %s: %s", s->path, op,
	    store_reason(s, db, rc, tmp, sizeof tmp));
}

/* Set cause for a failed operation on the store; return -1. */
int
store_fail(struct store *s, int rc, const char *op, char **cause)
{
	return store_fail_db(s, s->db, rc, op, cause);
}

/* Prepare a statement that lives until the store is closed. */
sqlite3_stmt *
store_prepare(struct store *s, const char *sql, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "preparing a query", cause);
		return NULL;
	}
	return st;
}

/* Return the cached statement in a slot, preparing sql the first time. */
sqlite3_stmt *
store_stmt(struct store *s, enum store_stmt_id id, const char *sql,
    char **cause)
{
	if (s->st[id] == NULL)
		s->st[id] = store_prepare(s, sql, cause);
	return s->st[id];
}

/* Reset a statement and drop its bindings so it is ready for reuse. */
void
store_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Step a statement that returns no rows (or ignore them) and reset it. */
int
store_step_done(struct store *s, sqlite3_stmt *st, const char *op,
    char **cause)
{
	int	rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, op, cause);
	return 0;
}

/* Run a cached statement that takes no parameters. */
int
store_run(struct store *s, enum store_stmt_id id, const char *sql,
    const char *op, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, id, sql, cause)) == NULL)
		return -1;
	return store_step_done(s, st, op, cause);
}

/* Bind an id, or NULL for 0. */
int
store_bind_id(sqlite3_stmt *st, int idx, int64_t id)
{
	if (id == 0)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_int64(st, idx, id);
}

/* Return a new copy of a text column, or NULL if it is NULL. */
char *
store_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*p;

	if ((p = sqlite3_column_text(st, col)) == NULL)
		return NULL;
	return xstrdup((const char *)p);
}

/* Fill an item from a row selected with STORE_ITEM_COLS. */
void
store_row_item(sqlite3_stmt *st, struct item *it)
{
	it->id = sqlite3_column_int64(st, 0);
	it->account_id = sqlite3_column_int64(st, 1);
	it->remote_id = store_col_text(st, 2);
	it->post_remote_id = store_col_text(st, 3);
	it->parent_remote_id = store_col_text(st, 4);
	it->author_name = store_col_text(st, 5);
	it->author_handle = store_col_text(st, 6);
	it->text = store_col_text(st, 7);
	it->lang = store_col_text(st, 8);
	it->permalink = store_col_text(st, 9);
	it->attachment = store_col_text(st, 10);
	it->created = sqlite3_column_int64(st, 11);
	it->edited = sqlite3_column_int64(st, 12);
	it->kind = sqlite3_column_int(st, 13);
	it->own = sqlite3_column_int(st, 14);
	it->hidden = sqlite3_column_int(st, 15);
	it->deleted = sqlite3_column_int(st, 16);
	it->liked = sqlite3_column_int(st, 17);
	it->like_count = sqlite3_column_int64(st, 18);
	it->status = sqlite3_column_int(st, 19);
	it->snooze_until = sqlite3_column_int64(st, 20);
	it->flags = sqlite3_column_int(st, 21);
	it->done_at = sqlite3_column_int64(st, 22);
	it->note = store_col_text(st, 23);
	it->has_draft = sqlite3_column_int(st, 24);
	it->replied = sqlite3_column_int(st, 25);
	it->depth = 0;
	it->lane = sqlite3_column_int(st, 26);
	it->ckind = sqlite3_column_int(st, 27);
	it->creply = sqlite3_column_int(st, 28);
	it->urgency = sqlite3_column_int(st, 29);
	it->kind_by = sqlite3_column_int(st, 30);
	it->rank = sqlite3_column_int64(st, 31);
	it->tags = store_col_text(st, 32);
	it->warning = store_col_text(st, 33);
}

/*
 * Start a transaction, or a savepoint when the caller already has one, so
 * that every multi-statement change is atomic either way.
 */
int
store_tx_begin(struct store *s, int *outer, const char *op, char **cause)
{
	*outer = sqlite3_get_autocommit(s->db);
	if (*outer)
		return store_run(s, ST_BEGIN, "BEGIN IMMEDIATE", op, cause);
	return store_run(s, ST_SAVEPOINT, "SAVEPOINT store", op, cause);
}

/* Commit (ok) or roll back what store_tx_begin started; 0 if committed. */
int
store_tx_end(struct store *s, int outer, int ok, const char *op,
    char **cause)
{
	if (ok && outer) {
		if (store_run(s, ST_COMMIT, "COMMIT", op, cause) == 0)
			return 0;
	} else if (ok)
		return store_run(s, ST_RELEASE, "RELEASE store", op, cause);
	/* A failed statement may already have rolled everything back. */
	if (sqlite3_get_autocommit(s->db))
		return -1;
	if (outer)
		store_run(s, ST_ROLLBACK, "ROLLBACK", op, NULL);
	else {
		store_run(s, ST_ROLLBACK_TO, "ROLLBACK TO store", op, NULL);
		store_run(s, ST_RELEASE, "RELEASE store", op, NULL);
	}
	return -1;
}
