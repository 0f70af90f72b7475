/*
 * store-outbox.c -- actions bound for a platform.
 *
 * A reply is written here before any network call, so nothing typed is
 * lost. The store chooses nothing: the caller sets the idempotency key,
 * and sync moves entries through QUEUED, SENDING, SENT or FAILED.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

#define STORE_OUTBOX_COLS \
	"id, account_id, item_id, kind, state, target_remote_id, body, " \
	"idem_key, remote_id, last_error, attempts, created, next_attempt"

/* Fill an outbox entry from a row selected with STORE_OUTBOX_COLS. */
static void
store_row_outbox(sqlite3_stmt *st, struct outbox_entry *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->account_id = sqlite3_column_int64(st, 1);
	e->item_id = sqlite3_column_int64(st, 2);
	e->kind = sqlite3_column_int(st, 3);
	e->state = sqlite3_column_int(st, 4);
	e->target_remote_id = store_col_text(st, 5);
	e->body = store_col_text(st, 6);
	e->idem_key = store_col_text(st, 7);
	e->remote_id = store_col_text(st, 8);
	e->last_error = store_col_text(st, 9);
	e->attempts = sqlite3_column_int(st, 10);
	e->created = sqlite3_column_int64(st, 11);
	e->next_attempt = sqlite3_column_int64(st, 12);
}

/*
 * Queue an action; fills in id, created, state and next_attempt. A comment
 * has at most one private reply, so a second one is refused while another
 * is queued, sending or sent; the check is part of the INSERT, so that
 * nothing can come between them.
 */
int
store_outbox_add(struct store *s, struct outbox_entry *e, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 now = util_now();
	int		 rc;

	if (e->idem_key == NULL || *e->idem_key == '\0')
		return util_fail(cause, "outbox entry without idempotency key");
	st = store_stmt(s, ST_OUTBOX_ADD, "INSERT INTO outbox (account_id, "
	    "item_id, kind, state, target_remote_id, body, idem_key, "
	    "remote_id, last_error, attempts, created, next_attempt, updated) "
	    "SELECT ?1, ?2, ?3, 0, ?4, ?5, ?6, NULL, NULL, 0, ?7, ?7, ?7 "
	    "WHERE ?3 <> ?8 OR ?2 IS NULL OR NOT EXISTS (SELECT 1 FROM outbox "
	    "WHERE item_id = ?2 AND kind = ?3 AND state IN (0, 1, 2)) "
	    "RETURNING id", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->account_id);
	store_bind_id(st, 2, e->item_id);
	sqlite3_bind_int(st, 3, e->kind);
	sqlite3_bind_text(st, 4, e->target_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->idem_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
	sqlite3_bind_int(st, 8, ACTION_PRIVATE_REPLY);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		e->id = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc == SQLITE_DONE) {
		return util_fail(cause, "this comment already has a private "
		    "reply, in the outbox or sent; it can have only one");
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "queueing an action", cause);
	e->state = OUTBOX_QUEUED;
	e->attempts = 0;
	e->created = e->next_attempt = now;
	return 0;
}

/*
 * Read the oldest queued entry of an account that is due; 0 found, 1 none,
 * -1 error. Each account has its own line, so that one that cannot send
 * (logged out, unreachable) holds up no other.
 */
int
store_outbox_next_due(struct store *s, int64_t account, int64_t now,
    struct outbox_entry *e, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(e, 0, sizeof *e);
	st = store_stmt(s, ST_OUTBOX_DUE, "SELECT " STORE_OUTBOX_COLS " FROM "
	    "outbox WHERE state = 0 AND account_id = ?2 AND next_attempt <= ?1 "
	    "ORDER BY id LIMIT 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, account);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_outbox(st, e);
	store_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(s, rc, "reading the outbox", cause);
}

/* Save an entry's state, result, error, attempts and next attempt. */
int
store_outbox_update(struct store *s, const struct outbox_entry *e,
    char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_OUTBOX_UPDATE, "UPDATE outbox SET state = ?2, "
	    "target_remote_id = ?3, body = ?4, remote_id = ?5, last_error = "
	    "?6, attempts = ?7, next_attempt = ?8, updated = ?9 WHERE id = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_int(st, 2, e->state);
	sqlite3_bind_text(st, 3, e->target_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->last_error, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, e->attempts);
	sqlite3_bind_int64(st, 8, e->next_attempt);
	sqlite3_bind_int64(st, 9, util_now());
	if (store_step_done(s, st, "saving an outbox entry", cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0) {
		return util_fail(cause, "no outbox entry %lld",
		    (long long)e->id);
	}
	return 0;
}

/*
 * Find an item's entry of a kind that is queued, sending or sent (not a
 * failed one, which may be tried again); 0 found, with its state in
 * *state (SENT before the others) if state is not NULL, 1 none, -1 error.
 */
int
store_outbox_has(struct store *s, int64_t item, int kind, int *state,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc, found;

	st = store_stmt(s, ST_OUTBOX_HAS, "SELECT state FROM outbox WHERE "
	    "item_id = ?1 AND kind = ?2 AND state IN (0, 1, 2) ORDER BY state "
	    "DESC LIMIT 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item);
	sqlite3_bind_int(st, 2, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && state != NULL)
		*state = sqlite3_column_int(st, 0);
	store_done(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		found = rc == SQLITE_ROW ? 0 : 1;
	else
		found = store_fail(s, rc, "reading the outbox", cause);
	return found;
}

/* Read one outbox entry by id. */
int
store_outbox_get(struct store *s, int64_t id, struct outbox_entry *e,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(e, 0, sizeof *e);
	st = store_stmt(s, ST_OUTBOX_GET, "SELECT " STORE_OUTBOX_COLS " FROM "
	    "outbox WHERE id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_outbox(st, e);
	store_done(st);
	if (rc == SQLITE_DONE)
		return util_fail(cause, "no outbox entry %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading the outbox", cause);
	return 0;
}

/* List entries not yet sent, oldest first; free with the list free. */
int
store_outbox_list(struct store *s, struct outbox_entry **out, size_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, ST_OUTBOX_LIST, "SELECT " STORE_OUTBOX_COLS " FROM "
	    "outbox WHERE state IN (0, 1, 3) ORDER BY id", cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		memset(&(*out)[*n], 0, sizeof **out);
		store_row_outbox(st, &(*out)[(*n)++]);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		store_outbox_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "reading the outbox", cause);
	}
	return 0;
}

/* Free an outbox list. */
void
store_outbox_list_free(struct outbox_entry *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		outbox_entry_clear(&v[i]);
	free(v);
}

/* Delete an outbox entry. */
int
store_outbox_delete(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_OUTBOX_DELETE, "DELETE FROM outbox WHERE id = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(s, st, "deleting an outbox entry", cause);
}

/* Put entries left SENDING by a killed process back to QUEUED. */
int
store_outbox_recover(struct store *s, char **cause)
{
	return store_run(s, ST_OUTBOX_RECOVER, "UPDATE outbox SET state = 0 "
	    "WHERE state = 1", "recovering the outbox", cause);
}
