/*
 * store-conv.c -- conversations: a customer's messages in one thread
 * until the shop answers them, the unit the queue is read and triaged by.
 *
 * Which items form one conversation. Customer items (own = 0) of one
 * account, in one thread (the post they hang on, post_remote_id; an item
 * with no post, such as a post that mentions the shop, is a thread of its
 * own), by one author (author_handle, or author_name where the platform
 * gives no handle, as Facebook does not), not yet answered by the shop.
 * A follow-up joins whatever it replies to: a reply to another customer's
 * comment under the same post is in the author's conversation, since the
 * one waiting is the customer, not the comment (and Facebook and
 * Instagram file every reply under the thread's top comment anyway).
 *
 * What answers. An item of the shop's (own = 1) whose parent is one of
 * the author's messages in the thread answers that author there. One with
 * no parent, or whose parent is the post, answers the post's author when
 * the post is itself a customer's item (a visitor's post on a Facebook
 * Page, an Instagram media the shop is tagged in); under the shop's own
 * post it answers no one, as it speaks to everyone. A reply to one of the
 * shop's answers answers whom that one answered. An answer made at time T
 * answers the message it replies to and every message of the author in
 * the thread created before T, whichever of them it replies to (so
 * Facebook's filing does not matter): those still waiting (new or read;
 * snoozed ones wake as usual) are done, and a message the author writes
 * at or after T starts a new conversation. Times are whole seconds, as
 * Facebook gives them: a message of the answer's own second may have
 * come after it, unseen by the owner, so it keeps waiting (the message
 * replied to is done even then, though it falls in the next
 * conversation's range). Replies made in the platform's own app count like heed's,
 * once sync reads them; a reply heed sends also answers the conversation
 * of the message it was written to, wherever the platform files it
 * (store_conv_answered, called by sync). A message deleted on the
 * platform stays in its conversation but never waits; an answer to it
 * still answers the others.
 *
 * Triage does not end a conversation: after the owner marks it done, a
 * new message before any answer joins it and brings it back to the
 * inbox, waiting since that message (the ones marked done stay done).
 *
 * How it is kept. Every customer item gets items.ckey, the key of its
 * account, thread and author; an answer takes the ckey of the item it
 * answers when it is stored (store-conv-key.c makes the keys and does
 * what ingest must for conversations). The index items_ckey (ckey, own,
 * created) then lists each customer's messages in a thread and the
 * shop's answers to them in the order they were written, and a
 * conversation is the messages between two answers. Nothing else is
 * stored: which conversation a message is in follows from times, not
 * from the order things arrived, so a follow-up read before the message
 * it follows needs no repair.
 *
 * Reading. A view read as conversations has one row per conversation with
 * messages in the view, made of those messages, in the view's order of
 * the first of them (its head); pages use the head's keyset key, so a page
 * costs the same anywhere in the queue and never splits a conversation.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/*
 * Find the answers around a message of key ckey created at t: the last
 * at or before it (*lo, STORE_CONV_LO if none) and the first after it
 * (*hi, STORE_CONV_HI if none).
 */
static int
store_conv_bounds(struct store *s, int64_t ckey, int64_t t, int64_t *lo,
    int64_t *hi, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*lo = STORE_CONV_LO;
	*hi = STORE_CONV_HI;
	st = store_stmt(s, ST_CONV_BOUNDS, "SELECT (SELECT a.created FROM "
	    "items AS a WHERE a.ckey = ?1 AND a.own = 1 AND a.created <= ?2 "
	    "ORDER BY a.created DESC LIMIT 1), (SELECT a.created FROM items "
	    "AS a WHERE a.ckey = ?1 AND a.own = 1 AND a.created > ?2 ORDER BY "
	    "a.created LIMIT 1)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, ckey);
	sqlite3_bind_int64(st, 2, t);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*lo = sqlite3_column_int64(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			*hi = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading a conversation", cause);
	return 0;
}

/*
 * A message that names a conversation: its id, key and time, and the
 * times of the answers around it when they are known already.
 */
struct store_conv_msg {
	int64_t	id;
	int64_t	ckey;		/* 0: none (an item stored without one) */
	int64_t	created;
	int	have_bounds;
	int64_t	lo;
	int64_t	hi;
};

/* Add one message row (STORE_CONV_COLS) to a conversation; 0. */
static int
store_conv_add(void *arg, sqlite3_stmt *st)
{
	struct store_conv	*c = arg;

	c->ids = xreallocarray(c->ids, c->n + 1, sizeof *c->ids);
	c->ids[c->n++] = sqlite3_column_int64(st, 0);
	if (c->n == 1)
		c->first = sqlite3_column_int64(st, 1);
	c->newest = sqlite3_column_int64(st, 1);
	c->account_id = sqlite3_column_int64(st, 2);
	free(c->author_name);
	free(c->author_handle);
	free(c->text);
	free(c->warning);
	free(c->platform);
	c->author_name = store_col_text(st, 3);
	c->author_handle = store_col_text(st, 4);
	c->text = store_col_text(st, 5);
	c->platform = store_col_text(st, 6);
	c->warning = store_col_text(st, 9);
	return 0;
}

/*
 * A conversation read for the message that may head it in a view: the
 * message's key in the view, whether the view is shown in ascending order
 * of it, and whether a message before it was found.
 */
struct store_conv_head {
	struct store_conv	*c;
	struct store_key	 key;
	int			 asc;
	int			 check;		/* the rows carry their key */
	int			 before;
};

/*
 * Add a message row of a conversation read in a view (STORE_READ_MEMBERS)
 * unless it comes before the message that was to head it in the view's
 * order, which then heads nothing: stop there (1).
 */
static int
store_conv_add_head(void *arg, sqlite3_stmt *st)
{
	struct store_conv_head	*h = arg;
	int64_t			 sort, id;

	if (h->check) {
		sort = sqlite3_column_int64(st, STORE_CONV_NCOLS);
		id = sqlite3_column_int64(st, 0);
		if (h->asc ? sort < h->key.sort || (sort == h->key.sort &&
		    id < h->key.id) : sort > h->key.sort ||
		    (sort == h->key.sort && id > h->key.id)) {
			h->before = 1;
			return 1;
		}
	}
	return store_conv_add(h->c, st);
}

/*
 * Read the messages of m's conversation that a view and a filter (its
 * mask and FTS query; none for 0 and NULL) let through, oldest first,
 * passing each row (STORE_CONV_COLS) to add until it returns 1; *last
 * gets the time of the shop's answer before the conversation, if there
 * is one.
 */
static int
store_conv_read(struct store *s, enum store_view v,
    const struct store_filter *f, const char *fts,
    const struct store_conv_msg *m, int (*add)(void *, sqlite3_stmt *),
    void *arg, int64_t *last, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 lo, hi;
	int		 rc, stop = 0;

	if (m->ckey == 0) {
		st = store_stmt(s, ST_CONV_ONE, "SELECT " STORE_CONV_COLS
		    " FROM items AS o WHERE o.id = ?1", cause);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, m->id);
	} else {
		lo = m->lo;
		hi = m->hi;
		if ((!m->have_bounds && store_conv_bounds(s, m->ckey,
		    m->created, &lo, &hi, cause) != 0) ||
		    (st = store_queue_stmt(s, v, 1, 0, store_filter_mask(f),
		    STORE_READ_MEMBERS, cause)) == NULL)
			return -1;
		if (lo != STORE_CONV_LO)
			*last = lo;
		store_bind_filter(st, f, fts);
		store_bind_named(st, ":ckey", m->ckey);
		store_bind_named(st, ":lo", lo);
		store_bind_named(st, ":hi", hi);
	}
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = add(arg, st);
	store_done(st);
	if (!stop && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading a conversation", cause);
	return 0;
}

/* Add a zeroed conversation to a list. */
static struct store_conv *
store_conv_list_add(struct store_conv_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	memset(&l->v[l->n], 0, sizeof l->v[l->n]);
	return &l->v[l->n++];
}

/*
 * Read the conversation of a row of a heads statement (STORE_READ_HEADS)
 * into it and c; 1 if the row's message heads it in the view, 0 if a
 * message before it does (it and c are then cleared), -1 on error.
 */
static int
store_conv_head_row(struct store *s, enum store_view v,
    const struct store_filter *f, const char *fts, sqlite3_stmt *st,
    struct item *it, struct store_conv *c, char **cause)
{
	struct store_conv_msg	m;
	struct store_conv_head	h;

	memset(it, 0, sizeof *it);
	memset(c, 0, sizeof *c);
	store_row_item(st, it);
	m.id = it->id;
	m.ckey = sqlite3_column_int64(st, STORE_ITEM_NCOLS);
	m.created = it->created;
	m.have_bounds = 1;
	m.lo = sqlite3_column_int64(st, STORE_ITEM_NCOLS + 1);
	m.hi = sqlite3_column_int64(st, STORE_ITEM_NCOLS + 2);
	store_key_of(v, it, &c->key);
	h.c = c;
	h.key = c->key;
	h.asc = store_view_asc(v);
	h.check = m.ckey != 0;	/* else the message alone, without its key */
	h.before = 0;
	if (store_conv_read(s, v, f, fts, &m, store_conv_add_head, &h,
	    &c->last_answer, cause) == 0 && !h.before)
		return 1;
	item_clear(it);
	store_conv_clear(c);
	return h.before ? 0 : -1;
}

/* Read a page of a view as conversations; see store.h. */
int
store_conv_page(struct store *s, enum store_view v,
    const struct store_filter *f, const struct store_key *key, int dir,
    size_t limit, struct item_list *heads, struct store_conv_list *out,
    char **cause)
{
	struct store_conv	 c;
	struct item		 it;
	sqlite3_stmt		*st;
	size_t			 start = out->n, hstart, n = 0;
	char			*fts = NULL;
	int			 asc, rc = SQLITE_DONE, ok = 0, head;

	if ((unsigned)v >= VIEW_COUNT)
		return util_fail(cause, "no such view: %d", (int)v);
	if (limit == 0)
		return 0;
	hstart = heads != NULL ? heads->n : 0;
	asc = store_view_asc(v) ^ (dir < 0);
	if (store_filter_fts(s, f, &fts, cause) != 0)
		return -1;
	if ((st = store_queue_stmt(s, v, asc, key != NULL,
	    store_filter_mask(f), STORE_READ_HEADS, cause)) == NULL) {
		free(fts);
		return -1;
	}
	if (key != NULL) {
		store_bind_named(st, ":sort", key->sort);
		store_bind_named(st, ":id", key->id);
	}
	store_bind_filter(st, f, fts);
	/* Rows that head nothing are passed over: no limit in SQL. */
	store_bind_named(st, ":limit", -1);
	/* Each row is read while the heads are: one snapshot for the page. */
	while (ok == 0 && n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((head = store_conv_head_row(s, v, f, fts, st, &it, &c,
		    cause)) <= 0) {
			ok = head;
			continue;
		}
		*store_conv_list_add(out) = c;
		if (heads != NULL)
			*item_list_add(heads) = it;
		else
			item_clear(&it);
		n++;
	}
	store_done(st);
	free(fts);
	if (ok == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		ok = store_fail(s, rc, "reading the queue", cause);
	if (ok != 0) {
		while (out->n > start)
			store_conv_clear(&out->v[--out->n]);
		while (heads != NULL && heads->n > hstart)
			item_clear(&heads->v[--heads->n]);
		return -1;
	}
	if (dir < 0) {
		util_reverse(out->v + start, out->n - start, sizeof *out->v);
		if (heads != NULL)
			util_reverse(heads->v + hstart, heads->n - hstart,
			    sizeof *heads->v);
	}
	return 0;
}

/* Read the message that names a conversation; fail on the shop's own. */
static int
store_conv_msg(struct store *s, int64_t id, struct store_conv_msg *m,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc, own = 0;

	memset(m, 0, sizeof *m);
	m->id = id;
	st = store_stmt(s, ST_CONV_ITEM, "SELECT coalesce(ckey, 0), created, "
	    "own FROM items WHERE id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m->ckey = sqlite3_column_int64(st, 0);
		m->created = sqlite3_column_int64(st, 1);
		own = sqlite3_column_int(st, 2);
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return util_fail(cause, "no item %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading a conversation", cause);
	if (own)
		return util_fail(cause, "item %lld is the shop's own: it is in "
		    "no conversation", (long long)id);
	return 0;
}

/* Read the whole conversation of a customer's item; see store.h. */
int
store_conv_get(struct store *s, int64_t id, struct store_conv *c,
    char **cause)
{
	struct store_conv_msg	m;

	memset(c, 0, sizeof *c);
	if (store_conv_msg(s, id, &m, cause) != 0 ||
	    store_conv_read(s, VIEW_ALL, NULL, NULL, &m, store_conv_add, c,
	    &c->last_answer, cause) != 0) {
		store_conv_clear(c);
		return -1;
	}
	if (c->n > 0) {
		c->key.sort = c->first;
		c->key.id = c->ids[0];
	}
	return 0;
}

/* The messages a triage action on a conversation changes. */
struct store_conv_targets {
	int64_t	 upto;		/* leave those created after; 0 none */
	int64_t	*ids;
	int	*status;	/* each one's status before */
	size_t	 n;
};

/* Keep a message row (STORE_CONV_COLS) as a target, if it is one; 0. */
static int
store_conv_target(void *arg, sqlite3_stmt *st)
{
	struct store_conv_targets	*t = arg;

	if (sqlite3_column_int(st, 8) != 0 || (t->upto > 0 &&
	    sqlite3_column_int64(st, 1) > t->upto))
		return 0;
	t->ids = xreallocarray(t->ids, t->n + 1, sizeof *t->ids);
	t->status = xreallocarray(t->status, t->n + 1, sizeof *t->status);
	t->ids[t->n] = sqlite3_column_int64(st, 0);
	t->status[t->n++] = sqlite3_column_int(st, 7);
	return 0;
}

/* Find the messages a triage action on id's conversation changes. */
static int
store_conv_targets(struct store *s, int64_t id, int64_t upto,
    struct store_conv_targets *t, char **cause)
{
	struct store_conv_msg	m;
	int64_t			last;

	memset(t, 0, sizeof *t);
	t->upto = upto;
	if (store_conv_msg(s, id, &m, cause) != 0)
		return -1;
	return store_conv_read(s, VIEW_ALL, NULL, NULL, &m, store_conv_target,
	    t, &last, cause);
}

/* Free what store_conv_targets found. */
static void
store_conv_targets_free(struct store_conv_targets *t)
{
	free(t->ids);
	free(t->status);
	memset(t, 0, sizeof *t);
}

/* What a triage action does to each message of a conversation. */
struct store_conv_change {
	int		 what;		/* 's' status, 'f' flags, 't' tag */
	int		 status;
	int64_t		 until;
	int		 flags;
	const char	*note;
	const char	*tag;
	int		 on;		/* the tag goes on */
};

/* Make a change to one message of a conversation, and log it. */
static int
store_conv_change_one(struct store *s, const struct store_conv_change *ch,
    int64_t id, int was, char **cause)
{
	char	*detail;
	int	 rc;

	switch (ch->what) {
	case 's':
		if (store_write_status(s, id, ch->status, ch->until,
		    util_now(), cause) != 0)
			return -1;
		if (ch->status == STATUS_SNOOZED)
			detail = xprintf("%lld conversation",
			    (long long)ch->until);
		else
			detail = xstrdup("conversation");
		rc = store_activity_add(s, id, store_status_action(was,
		    ch->status), detail, cause);
		free(detail);
		return rc;
	case 'f':
		if (store_write_flags(s, id, ch->flags, cause) != 0 ||
		    (ch->note != NULL && store_write_note(s, id, ch->note,
		    cause) != 0))
			return -1;
		return store_activity_add(s, id, ch->flags != 0 ? "flagged" :
		    "unflagged", ch->note != NULL ? ch->note : "conversation",
		    cause);
	}
	return store_tag_write(s, id, ch->tag, ch->on, "conversation", cause);
}

/*
 * Make a change to every message of id's conversation created up to upto
 * (0: all), in one transaction.
 */
static int
store_conv_change(struct store *s, int64_t id, int64_t upto,
    const struct store_conv_change *ch, char **cause)
{
	struct store_conv_targets	 t;
	size_t				 i;
	int				 outer, ok;

	if (store_tx_begin(s, &outer, "saving triage", cause) != 0)
		return -1;
	ok = store_conv_targets(s, id, upto, &t, cause) == 0;
	for (i = 0; ok && i < t.n; i++)
		ok = store_conv_change_one(s, ch, t.ids[i], t.status[i],
		    cause) == 0;
	store_conv_targets_free(&t);
	return store_tx_end(s, outer, ok, "saving triage", cause);
}

/* Set the status of a whole conversation; see store.h. */
int
store_conv_set_status(struct store *s, int64_t id, int status, int64_t until,
    int64_t upto, char **cause)
{
	struct store_conv_change	ch = { .what = 's', .status = status,
					    .until = until };

	if (status < STATUS_NEW || status > STATUS_SNOOZED)
		return util_fail(cause, "no such status: %d", status);
	return store_conv_change(s, id, upto, &ch, cause);
}

/* Set the flags (and note) of a whole conversation; see store.h. */
int
store_conv_set_flags(struct store *s, int64_t id, int flags,
    const char *note, int64_t upto, char **cause)
{
	struct store_conv_change	ch = { .what = 'f', .flags = flags,
					    .note = note };

	return store_conv_change(s, id, upto, &ch, cause);
}

/* Put a tag on a whole conversation or take it off; see store.h. */
int
store_conv_set_tag(struct store *s, int64_t id, const char *tag, int on,
    int64_t upto, char **cause)
{
	struct store_conv_change	ch = { .what = 't', .tag = tag,
					    .on = on };

	return store_conv_change(s, id, upto, &ch, cause);
}

/*
 * Settle what an answer to an item made at a time answers: the item, and
 * every message of its author in its thread created before then that
 * still waits (see the top of this file).
 */
int
store_conv_answered(struct store *s, int64_t id, int64_t when, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_CONV_ANSWERED, "UPDATE items SET status = 2, "
	    "done_at = max(?2, created) WHERE id IN (SELECT ?1 UNION ALL "
	    "SELECT o.id FROM items AS o WHERE o.ckey = (SELECT ckey FROM "
	    "items WHERE id = ?1 AND own = 0) AND o.own = 0 AND o.created < ?2) AND "
	    "own = 0 AND status IN (0, 1)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, when);
	return store_step_done(s, st, "saving an answer", cause);
}

/* Free what a conversation holds; the struct itself is the caller's. */
void
store_conv_clear(struct store_conv *c)
{
	free(c->platform);
	free(c->author_name);
	free(c->author_handle);
	free(c->text);
	free(c->warning);
	free(c->ids);
	memset(c, 0, sizeof *c);
}

/* Free a list of conversations and what each holds. */
void
store_conv_list_free(struct store_conv_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		store_conv_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}
