/*
 * store-queue.c -- reading the queue a page at a time, and the counts.
 *
 * Every view is one range of one index (see store-schema.c), read with
 * keyset pagination: a page starts after the (sort, id) of the last row
 * shown, so a page costs the same at the top of the queue and a million
 * rows down, and rows that move between views do not shift later pages.
 *
 * View orders:
 *   inbox     rank ascending: the lanes in order (answer, unclear, no
 *             reply needed; see enum item_lane), in each the
 *             longest-waiting customer first; spam left out;
 *   flagged   created ascending, like the inbox;
 *   snoozed   snooze_until ascending: the next to wake first;
 *   done      done_at descending: the most recently handled first, so a
 *             mistaken "done" is at the top of the view to find and undo
 *             (done_at is set when an item is marked done and has its own
 *             partial index);
 *   all       created descending: the newest first;
 *   spam      rank ascending, as the inbox: only its spam lane.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store-private.h"
#include "util.h"

/* The names of the views, for commands and the config ("inbox"...). */
static const char *const store_view_words[VIEW_COUNT] = {
	[VIEW_INBOX] = "inbox", [VIEW_FLAGGED] = "flagged",
	[VIEW_SNOOZED] = "snoozed", [VIEW_DONE] = "done", [VIEW_ALL] = "all",
	[VIEW_SPAM] = "spam"
};

/* The name of a view, as commands and the config write it. */
const char *
store_view_word(enum store_view v)
{
	return (unsigned)v < VIEW_COUNT ? store_view_words[v] : "?";
}

/* The view a name names (case ignored), or -1. */
int
store_view_find(const char *name)
{
	int	v;

	for (v = 0; v < VIEW_COUNT; v++) {
		if (strcasecmp(store_view_words[v], name) == 0)
			return v;
	}
	return -1;
}

/* How each view selects and orders its rows. */
static const struct {
	const char	*index;		/* the index that holds the view */
	const char	*where;		/* the rows of the view */
	const char	*col;		/* the sort column; the id breaks ties */
	int		 asc;		/* display order is ascending */
} store_views[VIEW_COUNT] = {
	[VIEW_INBOX] = { "items_inbox", "i.queue = 0 AND (i.rank < "
	    STORE_RANK_SPAM " OR i.rank >= " STORE_RANK_AFTER_SPAM ")",
	    "i.rank", 1 },
	[VIEW_FLAGGED] = { "items_flagged", "i.flags != 0 AND i.own = 0",
	    "i.created", 1 },
	[VIEW_SNOOZED] = { "items_snoozed", "i.queue = 1", "i.snooze_until",
	    1 },
	[VIEW_DONE] = { "items_done", "i.queue = 2", "i.done_at", 0 },
	[VIEW_ALL] = { "items_created", "1", "i.created", 0 },
	[VIEW_SPAM] = { "items_inbox", "i.queue = 0 AND i.rank >= "
	    STORE_RANK_SPAM " AND i.rank < " STORE_RANK_AFTER_SPAM, "i.rank",
	    1 }
};

/*
 * The filter fragments, one bit each (in this order), every value a named
 * parameter.
 */
#define STORE_F_ACCOUNT		0x001
#define STORE_F_PLATFORM	0x002
#define STORE_F_AUTHOR		0x004
#define STORE_F_LANG		0x008
#define STORE_F_TEXT		0x010
#define STORE_F_OLDER		0x020
#define STORE_F_NEWER		0x040
#define STORE_F_KIND		0x080
#define STORE_F_TAG		0x100
#define STORE_F_CLASS		0x200

static const char *const store_filter_sql[] = {
	" AND i.account_id = :account",
	" AND i.account_id IN (SELECT id FROM accounts WHERE platform = "
	    ":platform)",
	" AND instr(lower(i.author), lower(:author)) > 0",
	" AND i.lang = :lang",
	" AND i.skey IN (SELECT rowid FROM items_fts WHERE items_fts MATCH "
	    ":text)",
	" AND i.created < :older",
	" AND i.created > :newer",
	" AND i.kind = :kind",
	" AND i.id IN (SELECT item_id FROM item_tags INDEXED BY item_tags_tag "
	    "WHERE tag = :tag)",
	" AND i.ckind = :class"
};

/* Tell which filter fragments a filter needs, one bit per fragment. */
unsigned
store_filter_mask(const struct store_filter *f)
{
	unsigned	m = 0;

	if (f == NULL)
		return 0;
	if (f->account_id != 0)
		m |= STORE_F_ACCOUNT;
	if (f->platform != NULL && *f->platform != '\0')
		m |= STORE_F_PLATFORM;
	if (f->author != NULL && *f->author != '\0')
		m |= STORE_F_AUTHOR;
	if (f->lang != NULL && *f->lang != '\0')
		m |= STORE_F_LANG;
	if (f->text != NULL && strspn(f->text, " \t\r\n") != strlen(f->text))
		m |= STORE_F_TEXT;
	if (f->older_than != 0)
		m |= STORE_F_OLDER;
	if (f->newer_than != 0)
		m |= STORE_F_NEWER;
	if (f->kind != 0)
		m |= STORE_F_KIND;
	if (f->tag != NULL && *f->tag != '\0')
		m |= STORE_F_TAG;
	if (f->class != 0)
		m |= STORE_F_CLASS;
	return m;
}

/*
 * Append an SQL fragment written of the item aliased i as the same of
 * the item aliased o (the fragments name i only as "i." after a
 * non-word character).
 */
static void
store_sql_as_o(struct buf *b, const char *frag)
{
	const char	*p;

	for (p = frag; *p != '\0'; p++) {
		if (p[0] == 'i' && p[1] == '.' && (p == frag ||
		    !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
		    (p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= '0' &&
		    p[-1] <= '9'))))
			buf_addch(b, 'o');
		else
			buf_addch(b, *p);
	}
}

/* Append the view's rows and the filter's fragments, as o. */
static void
store_view_as_o(struct buf *b, enum store_view v, unsigned mask)
{
	size_t	i;

	buf_addstr(b, " AND o.own = 0 AND ");
	store_sql_as_o(b, store_views[v].where);
	for (i = 0; i < nitems(store_filter_sql); i++) {
		if (mask & (1U << i))
			store_sql_as_o(b, store_filter_sql[i]);
	}
}

/*
 * Build the text of a queue statement from fixed fragments. Read as
 * conversations (STORE_READ_HEADS), a view lists the customer's messages
 * that may head a conversation, each with its key and the times of the
 * answers around it (see STORE_CONV_LO_OF_I) after the item's columns;
 * which of them is its conversation's head (no message of the same
 * conversation before it in the view's order among those the view and
 * the filter let through: store-conv.c says what a conversation is) is
 * told by reading the conversation's messages (STORE_READ_MEMBERS), whose
 * key in the view's order follows STORE_CONV_COLS. Asking that of the
 * heads in SQL, with NOT EXISTS, read each conversation twice: a quarter
 * of the time to read the first screen.
 */
static char *
store_queue_sql(enum store_view v, int asc, int with_key, unsigned mask,
    int mode)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	if (mode == STORE_READ_MEMBERS) {
		buf_addstr(&b, "SELECT " STORE_CONV_COLS ", ");
		store_sql_as_o(&b, store_views[v].col);
		buf_addstr(&b, " FROM items AS o INDEXED BY items_ckey WHERE "
		    "o.ckey = :ckey");
		store_view_as_o(&b, v, mask);
		buf_addstr(&b, " AND o.created >= :lo AND o.created < :hi "
		    "ORDER BY o.created, o.id");
		return buf_steal(&b);
	}
	buf_printf(&b, "SELECT " STORE_ITEM_COLS "%s FROM items AS i INDEXED "
	    "BY %s WHERE %s", mode == STORE_READ_HEADS ? ", i.ckey, "
	    STORE_CONV_LO_OF_I ", " STORE_CONV_HI_OF_I : "",
	    store_views[v].index, store_views[v].where);
	if (with_key) {
		buf_printf(&b, " AND (%s, i.id) %s (:sort, :id)",
		    store_views[v].col, asc ? ">" : "<");
	}
	for (i = 0; i < nitems(store_filter_sql); i++) {
		if (mask & (1U << i))
			buf_addstr(&b, store_filter_sql[i]);
	}
	if (mode == STORE_READ_HEADS)
		buf_addstr(&b, " AND i.own = 0");
	buf_printf(&b, " ORDER BY %s %s, i.id %s LIMIT :limit",
	    store_views[v].col, asc ? "ASC" : "DESC", asc ? "ASC" : "DESC");
	return buf_steal(&b);
}

/*
 * Find or prepare the statement for a view, direction, key, filter and
 * mode (STORE_READ_*), kept in a small ring keyed by all of them.
 */
sqlite3_stmt *
store_queue_stmt(struct store *s, enum store_view v, int asc, int with_key,
    unsigned mask, int mode, char **cause)
{
	struct store_qcache	*slot;
	unsigned		 key, i;
	char			*sql;

	key = (unsigned)mode << 24 | (mask << 8) | ((unsigned)v << 2) |
	    (unsigned)asc << 1 | (unsigned)with_key;
	for (i = 0; i < STORE_QCACHE_SIZE; i++) {
		if (s->qcache[i].st != NULL && s->qcache[i].key == key)
			return s->qcache[i].st;
	}
	slot = &s->qcache[s->qcache_next++ % STORE_QCACHE_SIZE];
	sqlite3_finalize(slot->st);
	slot->key = key;
	sql = store_queue_sql(v, asc, with_key, mask, mode);
	slot->st = store_prepare(s, sql, cause);
	free(sql);
	return slot->st;
}

/* Bind an integer to a named parameter, if the statement has it. */
void
store_bind_named(sqlite3_stmt *st, const char *name, int64_t v)
{
	int	i;

	if ((i = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_int64(st, i, v);
}

/* Bind a string to a named parameter, if the statement has it. */
static void
store_bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int	i;

	if ((i = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/*
 * Bind a filter's values, with fts the FTS query made of its text: those
 * of the fragments its mask puts in the statement (each name is looked
 * for in the statement's list of names, so the rest would cost a search
 * each, for every conversation of a page).
 */
void
store_bind_filter(sqlite3_stmt *st, const struct store_filter *f,
    const char *fts)
{
	unsigned	m = store_filter_mask(f);
	int64_t		now;

	if (m == 0)
		return;
	now = util_now();
	if (m & STORE_F_ACCOUNT)
		store_bind_named(st, ":account", f->account_id);
	if (m & STORE_F_PLATFORM)
		store_bind_named_text(st, ":platform", f->platform);
	if (m & STORE_F_AUTHOR)
		store_bind_named_text(st, ":author", f->author);
	if (m & STORE_F_LANG)
		store_bind_named_text(st, ":lang", f->lang);
	if (m & STORE_F_TEXT)
		store_bind_named_text(st, ":text", fts);
	if (m & STORE_F_OLDER)
		store_bind_named(st, ":older", now - f->older_than);
	if (m & STORE_F_NEWER)
		store_bind_named(st, ":newer", now - f->newer_than);
	if (m & STORE_F_KIND)
		store_bind_named(st, ":kind", f->kind - 1);
	if (m & STORE_F_TAG)
		store_bind_named_text(st, ":tag", f->tag);
	if (m & STORE_F_CLASS)
		store_bind_named(st, ":class", f->class - 1);
}

/*
 * Make the FTS query of a filter's words into *fts (NULL if it has none),
 * after indexing the rows not yet indexed, which it must see too.
 */
int
store_filter_fts(struct store *s, const struct store_filter *f, char **fts,
    char **cause)
{
	*fts = NULL;
	if (!(store_filter_mask(f) & STORE_F_TEXT))
		return 0;
	if (!s->readonly && store_fts_flush(s, cause) != 0)
		return -1;
	return store_fts_query(s, f->text, 1, fts, cause);
}

/* Tell whether a view is shown in ascending order of its key. */
int
store_view_asc(enum store_view v)
{
	return store_views[v].asc;
}

/* Read a page of a view; see store.h. */
int
store_queue_page(struct store *s, enum store_view v,
    const struct store_filter *f, const struct store_key *key, int dir,
    size_t limit, struct item_list *out, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 start = out->n;
	char		*fts = NULL;
	int		 asc, rc;

	if ((unsigned)v >= VIEW_COUNT)
		return util_fail(cause, "no such view: %d", (int)v);
	if (limit == 0)
		return 0;
	asc = store_views[v].asc ^ (dir < 0);
	if (store_filter_fts(s, f, &fts, cause) != 0)
		return -1;
	st = store_queue_stmt(s, v, asc, key != NULL, store_filter_mask(f),
	    STORE_READ_ITEMS, cause);
	if (st == NULL) {
		free(fts);
		return -1;
	}
	if (key != NULL) {
		store_bind_named(st, ":sort", key->sort);
		store_bind_named(st, ":id", key->id);
	}
	store_bind_filter(st, f, fts);
	store_bind_named(st, ":limit", (int64_t)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_item(st, item_list_add(out));
	store_done(st);
	free(fts);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the queue", cause);
	if (dir < 0)
		util_reverse(out->v + start, out->n - start, sizeof *out->v);
	return 0;
}

/*
 * Count the rows of a view that a filter lets through, up to limit (a
 * filter on a big view is counted only that far); see store.h.
 */
int
store_queue_count(struct store *s, enum store_view v,
    const struct store_filter *f, int64_t limit, int64_t *n, char **cause)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	char		*fts = NULL;
	unsigned	 mask = store_filter_mask(f);
	size_t		 i;
	int		 rc;

	*n = 0;
	if ((unsigned)v >= VIEW_COUNT)
		return util_fail(cause, "no such view: %d", (int)v);
	if (store_filter_fts(s, f, &fts, cause) != 0)
		return -1;
	buf_init(&b, 0);
	buf_printf(&b, "SELECT count(*) FROM (SELECT 1 FROM items AS i INDEXED "
	    "BY %s WHERE %s", store_views[v].index, store_views[v].where);
	for (i = 0; i < nitems(store_filter_sql); i++) {
		if (mask & (1U << i))
			buf_addstr(&b, store_filter_sql[i]);
	}
	buf_addstr(&b, " LIMIT :limit)");
	st = store_prepare(s, b.data, cause);
	buf_free(&b);
	if (st == NULL) {
		free(fts);
		return -1;
	}
	store_bind_filter(st, f, fts);
	store_bind_named(st, ":limit", limit);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(fts);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "counting the filtered view", cause);
	return 0;
}

/* Give the keyset key of an item as listed in a view. */
void
store_key_of(enum store_view v, const struct item *it, struct store_key *k)
{
	switch (v) {
	case VIEW_INBOX:
	case VIEW_SPAM:
		k->sort = it->rank;
		break;
	case VIEW_SNOOZED:
		k->sort = it->snooze_until;
		break;
	case VIEW_DONE:
		k->sort = it->done_at;
		break;
	default:
		k->sort = it->created;
		break;
	}
	k->id = it->id;
}

/* Give the query plan of a queue page statement, one step a line. */
int
store_queue_plan(struct store *s, enum store_view v,
    const struct store_filter *f, int dir, int with_key, char **plan,
    char **cause)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	char		*sql, *full;
	int		 rc;

	*plan = NULL;
	if ((unsigned)v >= VIEW_COUNT)
		return util_fail(cause, "no such view: %d", (int)v);
	sql = store_queue_sql(v, store_views[v].asc ^ (dir < 0), with_key,
	    store_filter_mask(f), STORE_READ_ITEMS);
	full = xprintf("EXPLAIN QUERY PLAN %s", sql);
	free(sql);
	rc = sqlite3_prepare_v2(s->db, full, -1, &st, NULL);
	free(full);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "explaining a query", cause);
	buf_init(&b, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_printf(&b, "%s\n", (const char *)sqlite3_column_text(st,
		    3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return store_fail(s, rc, "explaining a query", cause);
	}
	*plan = buf_steal(&b);
	return 0;
}

/*
 * The counters of the views and of the flagged items as they stand: what
 * the counters hold, and the items above the 'counted' mark (not settled
 * yet, see store_counts_settle) by the bucket they are in now, as rows
 * (id, n). store_counts reads them in one statement with its other
 * counts, so one snapshot of all.
 */
#define STORE_COUNTS_SQL \
	"SELECT c.id, c.n + CASE c.id WHEN 4 THEN (SELECT count(*) FROM " \
	"items WHERE id > m.value AND flags != 0 AND own = 0) ELSE (SELECT " \
	"count(*) FROM items WHERE id > m.value AND queue = c.id) END " \
	"FROM counters AS c, meta AS m WHERE m.key = 'counted'"

/*
 * Add the items above the 'counted' mark to the counters, in the bucket
 * each is in now, and move the mark to the newest item: what a trigger
 * per inserted row did, once per ingest (see store_schema_5). Inside a
 * write transaction. The new items are read once, summed by bucket, and
 * the sums added in one update: a statement per counter read them five
 * times, a twentieth of the cost of an ingest. (count() FILTER, rather
 * than total() of each test, took a quarter less.)
 */
int
store_counts_settle(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 n[5], top;
	int		 i, rc;

	st = store_stmt(s, ST_COUNTS_NEW, "SELECT count(*) FILTER (WHERE "
	    "queue = 0), count(*) FILTER (WHERE queue = 1), count(*) FILTER "
	    "(WHERE queue = 2), count(*) FILTER (WHERE queue = 3), count(*) "
	    "FILTER (WHERE flags != 0 AND own = 0), max(id) FROM items WHERE "
	    "id > (SELECT value FROM meta WHERE key = 'counted')", cause);
	if (st == NULL)
		return -1;
	top = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 5; i++)
			n[i] = sqlite3_column_int64(st, i);
		top = sqlite3_column_int64(st, 5);
	}
	store_done(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "counting", cause);
	if (top == 0)
		return 0;	/* no new item */
	st = store_stmt(s, ST_COUNTS_SETTLE, "UPDATE counters SET n = n + "
	    "CASE id WHEN 0 THEN ?1 WHEN 1 THEN ?2 WHEN 2 THEN ?3 WHEN 3 THEN "
	    "?4 ELSE ?5 END WHERE id BETWEEN 0 AND 4 AND CASE id WHEN 0 THEN "
	    "?1 WHEN 1 THEN ?2 WHEN 2 THEN ?3 WHEN 3 THEN ?4 ELSE ?5 END != 0",
	    cause);
	if (st == NULL)
		return -1;
	for (i = 0; i < 5; i++)
		sqlite3_bind_int64(st, i + 1, n[i]);
	if (store_step_done(s, st, "counting", cause) != 0)
		return -1;
	st = store_stmt(s, ST_COUNTS_MARK, "UPDATE meta SET value = ?1 WHERE "
	    "key = 'counted'", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, top);
	return store_step_done(s, st, "counting", cause);
}

/*
 * The other counts, in the same statement so that all come from one
 * snapshot and one read of the cache: after the counters (ids 0-4), the
 * outbox entries queued or being sent (6), those that failed (7), those
 * being looked for on the platform after their answer was lost (8), and
 * the spam waiting (9).
 */
#define STORE_C_PENDING		6
#define STORE_C_FAILED		7
#define STORE_C_CHECKING	8
#define STORE_C_SPAM		9
#define STORE_C_MAX		9

/*
 * Count the views and the outbox. The inbox counter holds the spam
 * waiting too, which the spam view counts. What waits too long is
 * counted by conversation (store_waiting), once the first frame is up.
 */
int
store_counts(struct store *s, struct store_counts *c, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 n[STORE_C_MAX + 1], id;
	int		 rc;

	memset(c, 0, sizeof *c);
	memset(n, 0, sizeof n);
	st = store_stmt(s, ST_COUNTS, STORE_COUNTS_SQL " UNION ALL "
	    "SELECT 9, count(*) FROM items INDEXED BY items_inbox "
	    "WHERE queue = 0 AND rank >= " STORE_RANK_SPAM " AND rank < "
	    STORE_RANK_AFTER_SPAM " "
	    "UNION ALL SELECT 6, count(*) FROM outbox "
	    "WHERE state IN (0, 1, 4) "
	    "UNION ALL SELECT 7, count(*) FROM outbox WHERE state = 3 "
	    "UNION ALL SELECT 8, count(*) FROM outbox WHERE state = 4", cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id >= 0 && id <= STORE_C_MAX)
			n[id] = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "counting", cause);
	c->view[VIEW_SPAM] = n[STORE_C_SPAM];
	c->view[VIEW_INBOX] = n[STORE_Q_INBOX] - n[STORE_C_SPAM];
	c->view[VIEW_SNOOZED] = n[STORE_Q_SNOOZED];
	c->view[VIEW_DONE] = n[STORE_Q_DONE];
	c->view[VIEW_FLAGGED] = n[STORE_C_FLAGGED];
	c->view[VIEW_ALL] = n[0] + n[1] + n[2] + n[3];
	c->outbox_pending = n[STORE_C_PENDING];
	c->outbox_failed = n[STORE_C_FAILED];
	c->outbox_checking = n[STORE_C_CHECKING];
	return 0;
}
