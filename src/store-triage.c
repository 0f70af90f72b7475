/*
 * store-triage.c -- single items, triage (status, snooze, flags, notes),
 * snooze wake-up and drafts.
 *
 * Every triage change is logged in the activity table in the same
 * transaction, so the log never disagrees with the state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/* Read one item with triage by local id. */
int
store_item_get(struct store *s, int64_t id, struct item *it, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(it, 0, sizeof *it);
	st = store_stmt(s, ST_ITEM_GET, "SELECT " STORE_ITEM_COLS " FROM "
	    "items AS i WHERE i.id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_item(st, it);
	store_done(st);
	if (rc == SQLITE_DONE)
		return util_fail(cause, "no item %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading an item", cause);
	return 0;
}

/* Give a new copy of an item's adapter data (NULL if it has none). */
int
store_item_extra(struct store *s, int64_t id, char **extra, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*extra = NULL;
	st = store_stmt(s, ST_ITEM_EXTRA, "SELECT extra FROM items WHERE "
	    "id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*extra = store_col_text(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading an item", cause);
	return 0;
}

/* Find an item by account and remote id; 0 found, 1 not found, -1 error. */
int
store_item_find(struct store *s, int64_t account, const char *remote_id,
    int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_ITEM_FIND, "SELECT id FROM items WHERE "
	    "account_id = ?1 AND remote_id = ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, remote_id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(s, rc, "finding an item", cause);
}

/* Read the status of an item; fail if there is no such item. */
int
store_status_of(struct store *s, int64_t id, int *status, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_TRIAGE_GET, "SELECT status FROM items WHERE "
	    "id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*status = sqlite3_column_int(st, 0);
	store_done(st);
	if (rc == SQLITE_DONE)
		return util_fail(cause, "no item %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading an item", cause);
	return 0;
}

/*
 * Write the status, snooze time and done time of an item. The user's word
 * wins over a status kept from before the platform stopped listing it.
 */
int
store_write_status(struct store *s, int64_t id, int status, int64_t until,
    int64_t done_at, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_SET_STATUS, "UPDATE items SET status = ?2, "
	    "snooze_until = ?3, done_at = ?4, gone_status = -1 WHERE id = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, status);
	sqlite3_bind_int64(st, 3, status == STATUS_SNOOZED ? until : 0);
	sqlite3_bind_int64(st, 4, status == STATUS_DONE ? done_at : 0);
	return store_step_done(s, st, "saving triage", cause);
}

/* Write the flags of an item. */
int
store_write_flags(struct store *s, int64_t id, int flags, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_SET_FLAGS, "UPDATE items SET flags = ?2 WHERE "
	    "id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, flags);
	return store_step_done(s, st, "saving triage", cause);
}

/* Write the note of an item (NULL or empty removes it). */
int
store_write_note(struct store *s, int64_t id, const char *note, char **cause)
{
	sqlite3_stmt	*st;

	if (note != NULL && *note == '\0')
		note = NULL;
	st = store_stmt(s, ST_NOTE_SET, "INSERT INTO triage (item_id, note, "
	    "updated) VALUES (?1, ?2, ?3) ON CONFLICT (item_id) DO UPDATE SET "
	    "note = excluded.note, updated = excluded.updated", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, util_now());
	return store_step_done(s, st, "saving a note", cause);
}

/* Name the activity of a status change. */
const char *
store_status_action(int from, int to)
{
	switch (to) {
	case STATUS_DONE:
		return "done";
	case STATUS_SNOOZED:
		return "snoozed";
	}
	if (from == STATUS_DONE || from == STATUS_SNOOZED)
		return "reopened";
	return to == STATUS_READ ? "read" : "unread";
}

/*
 * Do the work of store_set_status_by inside its transaction: the log's
 * detail is the wake time of a snooze, then who decided (by), if said.
 */
static int
store_set_status_locked(struct store *s, int64_t id, int status,
    int64_t until, const char *by, char **cause)
{
	char	*detail = NULL;
	int	 old, rc;

	if (store_status_of(s, id, &old, cause) != 0)
		return -1;
	if (store_write_status(s, id, status, until, util_now(), cause) != 0)
		return -1;
	if (status == STATUS_SNOOZED)
		detail = xprintf("%lld%s%s", (long long)until, by != NULL ?
		    " " : "", by != NULL ? by : "");
	else if (by != NULL)
		detail = xstrdup(by);
	rc = store_activity_add(s, id, store_status_action(old, status),
	    detail, cause);
	free(detail);
	return rc;
}

/*
 * Set the status of an item (with a wake time for STATUS_SNOOZED), as
 * decided by by ("rule thanks"; NULL: the user), which the log says.
 */
int
store_set_status_by(struct store *s, int64_t id, int status, int64_t until,
    const char *by, char **cause)
{
	int	outer, ok;

	if (status < STATUS_NEW || status > STATUS_SNOOZED)
		return util_fail(cause, "no such status: %d", status);
	if (store_tx_begin(s, &outer, "saving triage", cause) != 0)
		return -1;
	ok = store_set_status_locked(s, id, status, until, by, cause) == 0;
	return store_tx_end(s, outer, ok, "saving triage", cause);
}

/* Set the status of an item as the user does. */
int
store_set_status(struct store *s, int64_t id, int status, int64_t until,
    char **cause)
{
	return store_set_status_by(s, id, status, until, NULL, cause);
}

/* Do the work of store_set_flags inside its transaction. */
static int
store_set_flags_locked(struct store *s, int64_t id, int flags,
    const char *note, char **cause)
{
	int	status;

	if (store_status_of(s, id, &status, cause) != 0 ||
	    store_write_flags(s, id, flags, cause) != 0)
		return -1;
	if (note != NULL && store_write_note(s, id, note, cause) != 0)
		return -1;
	return store_activity_add(s, id, flags != 0 ? "flagged" : "unflagged",
	    note, cause);
}

/* Set the flags of an item, and its note when note is not NULL. */
int
store_set_flags(struct store *s, int64_t id, int flags, const char *note,
    char **cause)
{
	int	outer, ok;

	if (store_tx_begin(s, &outer, "saving triage", cause) != 0)
		return -1;
	ok = store_set_flags_locked(s, id, flags, note, cause) == 0;
	return store_tx_end(s, outer, ok, "saving triage", cause);
}

/* Set the internal note of an item (NULL or "" removes it). */
int
store_set_note(struct store *s, int64_t id, const char *note, char **cause)
{
	int	outer, ok, status;

	if (store_tx_begin(s, &outer, "saving a note", cause) != 0)
		return -1;
	ok = store_status_of(s, id, &status, cause) == 0 &&
	    store_write_note(s, id, note, cause) == 0 &&
	    store_activity_add(s, id, "note", note, cause) == 0;
	return store_tx_end(s, outer, ok, "saving a note", cause);
}

/* Put a tag on one item or take it off; see store.h. */
int
store_set_tag(struct store *s, int64_t id, const char *tag, int on,
    const char *why, char **cause)
{
	int	outer, ok, status;

	if (store_tx_begin(s, &outer, "saving a tag", cause) != 0)
		return -1;
	ok = store_status_of(s, id, &status, cause) == 0 &&
	    store_tag_write(s, id, tag, on, why, cause) == 0;
	return store_tx_end(s, outer, ok, "saving a tag", cause);
}

/*
 * Put back the triage states of n items exactly as they were (for undo),
 * all or none.
 */
int
store_restore_triage(struct store *s, const struct item *v, size_t n,
    char **cause)
{
	const struct item	*it;
	size_t			 i;
	int			 outer, ok = 1, status;

	for (i = 0; i < n; i++) {
		if (v[i].status < STATUS_NEW || v[i].status > STATUS_SNOOZED)
			return util_fail(cause, "no such status: %d",
			    v[i].status);
	}
	if (store_tx_begin(s, &outer, "undoing triage", cause) != 0)
		return -1;
	for (i = 0; i < n && ok; i++) {
		it = &v[i];
		ok = store_status_of(s, it->id, &status, cause) == 0 &&
		    store_write_status(s, it->id, it->status,
		    it->snooze_until, it->done_at, cause) == 0 &&
		    store_write_flags(s, it->id, it->flags, cause) == 0 &&
		    store_write_note(s, it->id, it->note, cause) == 0 &&
		    store_tags_restore(s, it->id, it->tags, cause) == 0 &&
		    (it->own || store_write_sorted(s, it, cause) == 0) &&
		    store_activity_add(s, it->id, "undo",
		    item_status_name(it->status), cause) == 0;
	}
	return store_tx_end(s, outer, ok, "undoing triage", cause);
}

/* Mark a NEW item READ (no activity row); other statuses stay. */
int
store_mark_read(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_MARK_READ, "UPDATE items SET status = 1 WHERE "
	    "id = ?1 AND status = 0", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(s, st, "marking read", cause);
}

/* Do the work of store_wake_snoozed inside its transaction. */
static int
store_wake_locked(struct store *s, int64_t now, int64_t *woken, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_WAKE_LOG, "INSERT INTO activity (time, item_id, "
	    "action) SELECT ?1, id, 'woke' FROM items INDEXED BY items_snoozed "
	    "WHERE queue = 1 AND snooze_until <= ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if (store_step_done(s, st, "waking snoozed items", cause) != 0)
		return -1;
	st = store_stmt(s, ST_WAKE, "UPDATE items INDEXED BY items_snoozed "
	    "SET status = 1, snooze_until = 0 WHERE queue = 1 AND "
	    "snooze_until <= ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if (store_step_done(s, st, "waking snoozed items", cause) != 0)
		return -1;
	*woken = sqlite3_changes64(s->db);
	return 0;
}

/* Move snoozed items whose time has come back to READ. */
int
store_wake_snoozed(struct store *s, int64_t now, int64_t *woken, char **cause)
{
	int	outer, ok;
	int64_t	n = 0;

	if (store_tx_begin(s, &outer, "waking snoozed items", cause) != 0)
		return -1;
	ok = store_wake_locked(s, now, &n, cause) == 0;
	if (store_tx_end(s, outer, ok, "waking snoozed items", cause) != 0)
		return -1;
	if (woken != NULL)
		*woken = n;
	return 0;
}

/* Save the draft reply of an item; NULL or "" deletes it. */
int
store_draft_set(struct store *s, int64_t id, const char *text, char **cause)
{
	sqlite3_stmt	*st;

	if (text == NULL || *text == '\0') {
		st = store_stmt(s, ST_DRAFT_DELETE, "DELETE FROM drafts WHERE "
		    "item_id = ?1", cause);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		return store_step_done(s, st, "deleting a draft", cause);
	}
	st = store_stmt(s, ST_DRAFT_SET, "INSERT INTO drafts (item_id, text, "
	    "updated) VALUES (?1, ?2, ?3) ON CONFLICT (item_id) DO UPDATE SET "
	    "text = excluded.text, updated = excluded.updated", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, util_now());
	return store_step_done(s, st, "saving a draft", cause);
}

/* Read the draft of an item into *text (new, or NULL if none). */
int
store_draft_get(struct store *s, int64_t id, char **text, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*text = NULL;
	st = store_stmt(s, ST_DRAFT_GET, "SELECT text FROM drafts WHERE "
	    "item_id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*text = store_col_text(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading a draft", cause);
	return 0;
}
