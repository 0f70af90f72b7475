/*
 * store-sort.c -- what a customer's message is, as the cache keeps it:
 * its kind, whether it needs a reply, its urgency, who said so, and the
 * lane of the inbox all that puts it in (schema 7; sorting.c decides).
 *
 * A message is stored unsorted (LANE_UNSORTED): the lanes are the high
 * bits of rank, which items_inbox orders waiting messages by, so the
 * unsorted ones are one range of that index, at its end, and finding
 * them costs nothing at ingest. The lanes follow the order the owner
 * chose (inbox_order): by need (answer, unclear, no reply needed) or by
 * age alone, where only spam is kept apart; meta inbox_age says which
 * the stored lanes are in, and store_sort_order puts them in the other.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/*
 * The lane of a message in SQL, from its columns, as store_lane says it
 * (?1 is 1 for the age order); for messages sorted already.
 */
#define STORE_LANE_SQL \
	"CASE WHEN ckind = 4 THEN 3 WHEN ?1 THEN 1 WHEN urgency >= 3 OR " \
	"creply = 2 THEN 0 WHEN creply = 1 THEN 1 ELSE 2 END"

/* The lane of a message of a kind, need and urgency; see store.h. */
int
store_lane(int ckind, int creply, int urgency, int age)
{
	if (ckind == 4)
		return LANE_SPAM;
	if (age)
		return LANE_UNCLEAR;
	if (urgency >= 3 || creply == 2)
		return LANE_ANSWER;
	if (creply == 1)
		return LANE_UNCLEAR;
	return LANE_NO_REPLY;
}

/*
 * Tell whether a message follows another of its author's in its
 * conversation that still waits for the shop (an earlier one, not
 * answered, not done, not deleted).
 */
int
store_sort_followup(struct store *s, int64_t id, int *followup,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*followup = 0;
	st = store_stmt(s, ST_SORT_FOLLOWUP, "SELECT EXISTS (SELECT 1 FROM "
	    "items AS o WHERE o.ckey = i.ckey AND o.own = 0 AND o.created < "
	    "i.created AND o.status IN (0, 1, 3) AND o.deleted = 0) FROM items "
	    "AS i WHERE i.id = ?1 AND i.ckey IS NOT NULL", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*followup = sqlite3_column_int(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading a conversation", cause);
	return 0;
}

/*
 * Count the threads an author wrote in around a message; see store.h.
 * A week either side: a spammer goes through a shop's recent posts in
 * hours, and a page of a sync may hold the later copies of a message
 * before it is sorted, while a customer rarely writes under five of a
 * shop's posts in one week. There is no index of authors (every message
 * stored would pay for one), so the messages around it are read from
 * items_created, of every account, and at most STORE_AUTHOR_ROWS on each
 * side: for a small shop that is the week, for a busy cache the hours
 * around the message, which a spammer's run of comments fits in. Read
 * only for messages with a link (sorting.c).
 */
#define STORE_AUTHOR_SIDE(cmp, dir) \
	"SELECT * FROM (SELECT account_id, own, author_handle, author_name, " \
	"post_remote_id FROM items INDEXED BY items_created WHERE " cmp \
	" ORDER BY created " dir ", id " dir " LIMIT ?6)"
int
store_sort_author_threads(struct store *s, const struct item *it, int *n,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	if (it->author_handle == NULL && it->author_name == NULL)
		return 0;
	st = store_stmt(s, ST_SORT_AUTHOR_THREADS, "SELECT count(DISTINCT "
	    "post_remote_id) FROM (" STORE_AUTHOR_SIDE("created <= ?2 AND "
	    "created >= ?2 - ?5", "DESC") " UNION ALL " STORE_AUTHOR_SIDE(
	    "created > ?2 AND created <= ?2 + ?5", "ASC") ") WHERE account_id "
	    "= ?1 AND own = 0 AND CASE WHEN ?3 IS NOT NULL THEN author_handle "
	    "= ?3 ELSE author_handle IS NULL AND author_name = ?4 END", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_int64(st, 2, it->created);
	if (it->author_handle != NULL)
		sqlite3_bind_text(st, 3, it->author_handle, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_text(st, 4, it->author_name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, STORE_AUTHOR_WINDOW);
	sqlite3_bind_int(st, 6, STORE_AUTHOR_ROWS);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading an author's threads", cause);
	return 0;
}

/*
 * Say what a message is and put it in its lane (in the order the stored
 * lanes are in). What the owner said stands: only the owner changes it.
 */
int
store_item_sort(struct store *s, int64_t id, int ckind, int creply,
    int urgency, int by, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_ITEM_SORT, "UPDATE items SET ckind = ?2, "
	    "creply = ?3, urgency = ?4, kind_by = ?5, lane = ?6 WHERE id = ?1 "
	    "AND own = 0 AND (kind_by < 2 OR ?5 = 2)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, ckind);
	sqlite3_bind_int(st, 3, creply);
	sqlite3_bind_int(st, 4, urgency);
	sqlite3_bind_int(st, 5, by);
	sqlite3_bind_int(st, 6, store_lane(ckind, creply, urgency,
	    s->inbox_age));
	return store_step_done(s, st, "saving what a message is", cause);
}

/*
 * Put the stored lanes in the need order (age 0) or the age order (1),
 * once, when the owner changes it; remember the order for the counts.
 */
int
store_sort_order(struct store *s, int age, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc, stored = 0, outer, ok;

	st = store_stmt(s, ST_SORT_ORDER_GET, "SELECT value FROM meta WHERE "
	    "key = 'inbox_age'", cause);
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		stored = sqlite3_column_int(st, 0) != 0;
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the inbox order", cause);
	s->inbox_age = stored;
	if (stored == (age != 0) || s->readonly)
		return 0;
	if (store_tx_begin(s, &outer, "changing the inbox order", cause) != 0)
		return -1;
	st = store_stmt(s, ST_SORT_ORDER_SET, "UPDATE items SET lane = "
	    STORE_LANE_SQL " WHERE lane != 7 AND own = 0", cause);
	ok = st != NULL;
	if (ok) {
		sqlite3_bind_int(st, 1, age != 0);
		ok = store_step_done(s, st, "changing the inbox order",
		    cause) == 0;
	}
	st = ok ? store_stmt(s, ST_SORT_ORDER_MARK, "INSERT OR REPLACE INTO "
	    "meta (key, value) VALUES ('inbox_age', ?1)", cause) : NULL;
	if (st != NULL) {
		sqlite3_bind_int(st, 1, age != 0);
		ok = store_step_done(s, st, "changing the inbox order",
		    cause) == 0;
	} else
		ok = 0;
	if (store_tx_end(s, outer, ok, "changing the inbox order",
	    cause) != 0)
		return -1;
	s->inbox_age = age != 0;
	return 0;
}

/*
 * Read up to limit messages waiting in a lane of the inbox (-1: all),
 * oldest first; LANE_UNSORTED gives those not sorted yet.
 */
int
store_lane_items(struct store *s, int lane, int64_t limit,
    struct item_list *out, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_LANE_ITEMS, "SELECT " STORE_ITEM_COLS " FROM "
	    "items AS i INDEXED BY items_inbox WHERE i.queue = 0 AND i.rank >= "
	    "(?1 << 36) AND i.rank < ((?1 + 1) << 36) ORDER BY i.rank, i.id "
	    "LIMIT ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, lane);
	sqlite3_bind_int64(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_item(st, item_list_add(out));
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading a lane of the inbox", cause);
	return 0;
}

/*
 * Write back what a message was said to be, as it was (for undo): the
 * columns of schema 7 from an item read earlier.
 */
int
store_write_sorted(struct store *s, const struct item *it, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_WRITE_SORTED, "UPDATE items SET ckind = ?2, "
	    "creply = ?3, urgency = ?4, kind_by = ?5, lane = ?6 WHERE id = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->id);
	if (it->ckind >= 0)
		sqlite3_bind_int(st, 2, it->ckind);
	else
		sqlite3_bind_null(st, 2);
	if (it->creply >= 0)
		sqlite3_bind_int(st, 3, it->creply);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int(st, 4, it->urgency);
	sqlite3_bind_int(st, 5, it->kind_by);
	sqlite3_bind_int(st, 6, it->lane);
	return store_step_done(s, st, "undoing triage", cause);
}

/*
 * Mark the waiting messages unsorted again, but for those whose kind the
 * owner said (heed rules --run sorts them again with the rules as they
 * are now).
 */
int
store_sort_reset(struct store *s, char **cause)
{
	return store_run(s, ST_SORT_RESET, "UPDATE items SET lane = 7 WHERE "
	    "queue = 0 AND kind_by < 2", "sorting again", cause);
}

/* The conversations that wait: one row each, its account and its start. */
#define STORE_WAITING_SQL \
	"SELECT account_id, min(created) AS first " STORE_WAITING_FROM

/*
 * What waits for an answer, counted by conversation (the waiting
 * messages of one customer in one thread share a key): how many, how
 * many have waited since before cut, and since when the oldest has
 * waited. Spam and what asks nothing ("no reply needed?") do not count;
 * what is not sorted yet does. One read of the inbox's index.
 */
int
store_waiting(struct store *s, int64_t cut, struct store_waiting *w,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(w, 0, sizeof *w);
	st = store_stmt(s, ST_WAITING, "SELECT count(*), total(first < ?1), "
	    "min(first) FROM (" STORE_WAITING_SQL ")", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, cut);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		w->waiting = sqlite3_column_int64(st, 0);
		w->overdue = sqlite3_column_int64(st, 1);
		w->oldest = sqlite3_column_int64(st, 2);
	}
	store_done(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "counting what waits", cause);
	return 0;
}

/*
 * Hand each conversation waiting for an answer (as store_waiting counts
 * them) to cb: its account and when its first message came.
 */
int
store_waiting_each(struct store *s, store_waiting_cb cb, void *arg,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_WAITING_EACH, STORE_WAITING_SQL, cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb(arg, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "counting what waits", cause);
	return 0;
}
