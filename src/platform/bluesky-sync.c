/*
 * bluesky-sync.c -- the Bluesky adapter's sync streams ("posts": the
 * account's own posts; "notifications": replies, mentions and quotes) and
 * the threads they name (getPostThread).
 *
 * The stored cursor is heed's own JSON, not the server's:
 *
 *	{"mark":"<time>","page":"<server cursor>","top":"<time>",
 *	 "quotes":["<at:// URI>", ...]}
 *
 * "mark" is the newest indexedAt of the last complete run, "page" the
 * server's cursor while a run pages back, "top" the newest indexedAt seen
 * in the run so far. A run pages from the newest entry back until it
 * reaches the mark, the history limit or the end; then the cursor becomes
 * {"mark":<newest seen>}. A cursor that cannot be read counts as none.
 * "quotes" are new quotes whose views are still to be fetched: they are
 * gathered across the pages of a run and asked about 25 at a time, the
 * rest when the run ends (a notification names only the quoted post).
 *
 * Each post is read by bluesky-view.c; the fetch keys of lookups
 * ("check:", "posts:") are bluesky-recheck.c's, which sits below this file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "platform/platforms.h"
#include "util.h"

#define BLUESKY_PAGE_SIZE	"100"
#define BLUESKY_THREAD_DEPTH	"50"
#define BLUESKY_MAX_DEPTH	60	/* levels of a thread walked */
#define BLUESKY_MAX_THREAD	2000	/* posts of a thread walked */
#define BLUESKY_MAX_STORED	4096	/* bytes of a stored cursor */

#define BLUESKY_THREAD_VIEW	"app.bsky.feed.defs#threadViewPost"
#define BLUESKY_NOT_FOUND	"app.bsky.feed.defs#notFoundPost"
#define BLUESKY_BLOCKED		"app.bsky.feed.defs#blockedPost"

/* heed's cursor for a stream, as read from the store. */
struct bluesky_cursor {
	int64_t	 mark;		/* milliseconds, if have_mark */
	int64_t	 top;		/* milliseconds, if have_top */
	char	*page;		/* the server's cursor; NULL: start over */
	int	 have_mark;
	int	 have_top;
	json_t	*quotes;	/* quotes still to be viewed (an array) */
};

/* Where one page of a stream stands against the cursor. */
struct bluesky_run {
	struct bluesky_cursor	 cur;
	int64_t			 cutoff;	/* oldest wanted, ms */
	int			 have_cutoff;
	int			 stop;		/* passed the mark or cutoff */
};

/* What a thread walk carries along. */
struct bluesky_walk {
	const struct platform_account	*pa;
	struct sync_page		*page;
	const char			*root;
	size_t				 count;
};

/* Read a time member of a cursor; 0, 1 if absent, -1 if malformed. */
static int
bluesky_cursor_time(const json_t *o, const char *key, int64_t *out)
{
	const json_t	*v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return 1;
	return util_parse_time_ms(bluesky_str(o, key), out) == 0 ? 0 : -1;
}

/* Read the quotes a cursor carries: the valid addresses among them. */
static json_t *
bluesky_cursor_quotes(const json_t *list)
{
	const json_t	*v;
	json_t		*out = json_array();
	size_t		 i;

	json_array_foreach(list, i, v) {
		if (i < BLUESKY_RECHECK_MAX &&
		    bluesky_valid_uri(json_string_value(v)))
			json_array_append_new(out,
			    json_string(json_string_value(v)));
	}
	return out;
}

/* Read heed's stream cursor; anything malformed leaves it empty. */
static void
bluesky_cursor_read(const char *s, struct bluesky_cursor *c)
{
	json_t		*o;
	const json_t	*page;
	int		 m, t;

	memset(c, 0, sizeof *c);
	if (s == NULL || strlen(s) > BLUESKY_MAX_STORED ||
	    (o = json_loads(s, 0, NULL)) == NULL)
		return;
	page = json_object_get(o, "page");
	m = bluesky_cursor_time(o, "mark", &c->mark);
	t = bluesky_cursor_time(o, "top", &c->top);
	if (!json_is_object(o) || m < 0 || t < 0 || (page != NULL &&
	    !bluesky_valid_cursor(bluesky_str(o, "page")))) {
		memset(c, 0, sizeof *c);
		json_decref(o);
		return;
	}
	c->have_mark = m == 0;
	c->have_top = t == 0;
	if (page != NULL)
		c->page = xstrdup(bluesky_str(o, "page"));
	c->quotes = bluesky_cursor_quotes(json_object_get(o, "quotes"));
	json_decref(o);
}

/* Set a time member of a cursor object. */
static void
bluesky_cursor_set_time(json_t *o, const char *key, int64_t ms)
{
	char	buf[40];

	util_format_time_ms(ms, buf, sizeof buf);
	json_object_set_new(o, key, json_string(buf));
}

/*
 * Write the cursor to store after a page: while paging on, the mark, the
 * server's cursor and the newest time seen; once the run is complete,
 * only the new mark. Returns a new string.
 */
static char *
bluesky_cursor_write(const struct bluesky_cursor *c, const char *page)
{
	json_t	*o = json_object();
	int64_t	 mark;
	char	*s;

	if (page != NULL) {
		if (c->have_mark)
			bluesky_cursor_set_time(o, "mark", c->mark);
		json_object_set_new(o, "page", json_string(page));
		if (c->have_top)
			bluesky_cursor_set_time(o, "top", c->top);
		if (json_array_size(c->quotes) > 0)
			json_object_set(o, "quotes", c->quotes);
	} else if (c->have_mark || c->have_top) {
		mark = !c->have_top ? c->mark : !c->have_mark ? c->top :
		    c->top > c->mark ? c->top : c->mark;
		bluesky_cursor_set_time(o, "mark", mark);
	}
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (s == NULL)
		fatal("cannot encode a cursor");
	return s;
}

/* Free a cursor's strings. */
static void
bluesky_cursor_clear(struct bluesky_cursor *c)
{
	free(c->page);
	json_decref(c->quotes);
	memset(c, 0, sizeof *c);
}

/*
 * Take an entry's indexedAt into the run: note the newest time, and say
 * whether the entry is wanted (1) or at or before the mark or the
 * history limit (0, which also ends the run after this page).
 */
static int
bluesky_run_keep(struct bluesky_run *run, int64_t indexed)
{
	if (!run->cur.have_top || indexed > run->cur.top) {
		run->cur.top = indexed;
		run->cur.have_top = 1;
	}
	if ((run->cur.have_mark && indexed <= run->cur.mark) ||
	    (run->have_cutoff && indexed < run->cutoff)) {
		run->stop = 1;
		return 0;
	}
	return 1;
}

/* Take one notification: a reply, mention or quote becomes an item. */
static void
bluesky_notification(const struct platform_account *pa, const json_t *n,
    struct bluesky_run *run, struct sync_page *page)
{
	struct bluesky_view	 v;
	const char		*reason = bluesky_str(n, "reason");
	int64_t			 indexed;
	int			 kind;

	if (!json_is_object(n) || bluesky_get_time(n, "indexedAt",
	    &indexed) != 0 || !bluesky_run_keep(run, indexed) ||
	    reason == NULL)
		return;
	if (strcmp(reason, "reply") == 0)
		kind = -1;	/* by where it hangs */
	else if (strcmp(reason, "mention") == 0)
		kind = ITEM_MENTION;
	else if (strcmp(reason, "quote") == 0)
		kind = ITEM_QUOTE;
	else
		return;
	if (bluesky_view_read(n, json_object_get(n, "author"),
	    json_object_get(n, "record"), &v) != 0 ||
	    (kind == -1 && v.root_uri == NULL))
		return;
	if (kind == -1)
		kind = bluesky_reply_kind(pa, &v);
	bluesky_view_item(pa, &v, kind, item_list_add(&page->items));
	if (v.root_uri != NULL)
		sync_page_key(&page->fetch, &page->nfetch, v.root_uri);
	else
		bluesky_page_post(pa, page, &v);
}

/* Take one entry of the account's feed: its own posts become posts. */
static void
bluesky_feed_entry(const struct platform_account *pa, const json_t *e,
    struct bluesky_run *run, struct sync_page *page)
{
	const json_t		*post = json_object_get(e, "post");
	const json_t		*reason = json_object_get(e, "reason");
	struct bluesky_view	 v;
	int64_t			 indexed;

	/* A repost carries the original's time: it says nothing here. */
	if (!json_is_object(post) || (reason != NULL && !json_is_null(reason)))
		return;
	if (bluesky_get_time(post, "indexedAt", &indexed) != 0 ||
	    !bluesky_run_keep(run, indexed))
		return;
	if (bluesky_view_read(post, json_object_get(post, "author"),
	    json_object_get(post, "record"), &v) != 0 ||
	    v.root_uri != NULL || pa->user_id == NULL ||
	    strcmp(v.did, pa->user_id) != 0)
		return;
	bluesky_page_post(pa, page, &v);
}

/* Return 1 if a stream name is one of ours. */
static int
bluesky_stream_ok(const char *stream)
{
	return stream != NULL && (strcmp(stream, "posts") == 0 ||
	    strcmp(stream, "notifications") == 0);
}

/* Build the request for the next page of a stream. */
int
bluesky_sync_request(const struct platform_account *pa, const char *stream,
    struct platform_request *req, char **cause)
{
	struct bluesky_cursor	 c;
	struct buf		 q;
	const char		*nsid;
	int			 rc;

	if (!bluesky_stream_ok(stream))
		return util_fail(cause, "Bluesky: no stream \"%s\"",
		    stream != NULL ? stream : "");
	buf_init(&q, 0);
	if (strcmp(stream, "notifications") == 0) {
		nsid = "app.bsky.notification.listNotifications";
		util_query(&q, "limit", BLUESKY_PAGE_SIZE);
		util_query(&q, "reasons", "reply");
		util_query(&q, "reasons", "mention");
		util_query(&q, "reasons", "quote");
	} else {
		if (!bluesky_valid_did(pa->user_id))
			return util_fail(cause, "Bluesky: the account's DID is "
			    "not known yet");
		nsid = "app.bsky.feed.getAuthorFeed";
		util_query(&q, "actor", pa->user_id);
		util_query(&q, "filter", "posts_no_replies");
		util_query(&q, "limit", BLUESKY_PAGE_SIZE);
	}
	bluesky_cursor_read(pa->cursor, &c);
	if (c.page != NULL)
		util_query(&q, "cursor", c.page);
	rc = bluesky_start(pa, "GET", nsid, q.data, req, cause);
	bluesky_cursor_clear(&c);
	buf_free(&q);
	return rc;
}

/*
 * Decide whether the stream goes on, and the cursor to store; name the
 * fetches of the new quotes' views that are due (all of them when the
 * run ends).
 */
static void
bluesky_run_end(struct bluesky_run *run, const char *next, int notes,
    struct sync_page *page)
{
	/* A cursor that does not move would page for ever. */
	page->more = !run->stop && bluesky_valid_cursor(next) &&
	    (run->cur.page == NULL || strcmp(next, run->cur.page) != 0);
	if (notes) {
		if (run->cur.quotes == NULL)
			run->cur.quotes = json_array();
		bluesky_quote_fetches(page, run->cur.quotes, !page->more);
	}
	page->next_cursor = bluesky_cursor_write(&run->cur, page->more ?
	    next : NULL);
}

/* Parse one page of a stream into page. */
int
bluesky_sync_parse(const struct platform_account *pa, const char *stream,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct bluesky_run	 run;
	const json_t		*list, *e;
	json_t			*doc;
	int			 notes;
	size_t			 i;

	if (!bluesky_stream_ok(stream))
		return util_fail(cause, "Bluesky: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (res == NULL || res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	notes = strcmp(stream, "notifications") == 0;
	list = json_object_get(doc, notes ? "notifications" : "feed");
	if (!json_is_array(list)) {
		jdoc_free(doc);
		return util_fail(cause, "Bluesky: malformed response: no %s",
		    notes ? "notifications" : "feed");
	}
	memset(&run, 0, sizeof run);
	bluesky_cursor_read(pa->cursor, &run.cur);
	if (pa->history_days > 0 && pa->history_days < 100000) {
		run.cutoff = (pa->now - pa->history_days * 86400) * 1000;
		run.have_cutoff = 1;
	}
	json_array_foreach(list, i, e) {
		if (notes)
			bluesky_notification(pa, e, &run, page);
		else
			bluesky_feed_entry(pa, e, &run, page);
	}
	bluesky_run_end(&run, bluesky_str(doc, "cursor"), notes, page);
	bluesky_cursor_clear(&run.cur);
	jdoc_free(doc);
	return 0;
}

/* Build the request for a whole thread, from its root's URI. */
int
bluesky_fetch_request(const struct platform_account *pa, const char *key,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	if (bluesky_lookup_key(key))
		return bluesky_lookup_request(pa, key, req, cause);
	if (!bluesky_valid_uri(key))
		return util_fail(cause, "Bluesky: not a post's address");
	buf_init(&q, 0);
	util_query(&q, "uri", key);
	util_query(&q, "depth", BLUESKY_THREAD_DEPTH);
	util_query(&q, "parentHeight", "0");
	rc = bluesky_start(pa, "GET", "app.bsky.feed.getPostThread", q.data,
	    req, cause);
	buf_free(&q);
	return rc;
}


/* Take one post of a thread: the root is a post, the rest items. */
static void
bluesky_walk_post(struct bluesky_walk *w, const json_t *node, int depth,
    const char *parent, const char **uri)
{
	const json_t		*post = json_object_get(node, "post");
	struct bluesky_view	 v;

	*uri = NULL;
	if (bluesky_view_read(post, json_object_get(post, "author"),
	    json_object_get(post, "record"), &v) != 0)
		return;
	*uri = v.uri;
	bluesky_view_viewer(w->pa, post, &v);
	if (depth == 0) {
		bluesky_page_post(w->pa, w->page, &v);
		w->root = v.uri;
		/* A post that mentions or quotes the shop is an item too. */
		if (v.root_uri == NULL && !bluesky_is_ours(w->pa, v.uri) &&
		    (bluesky_mentions(w->pa, v.record) ||
		    bluesky_quotes(w->pa, v.record)))
			bluesky_view_item(w->pa, &v, bluesky_thread_kind(w->pa,
			    &v), item_list_add(&w->page->items));
		return;
	}
	if (v.root_uri == NULL && w->root != NULL && parent != NULL) {
		/* A reply without a reply reference: trust the tree. */
		v.root_uri = w->root;
		v.parent_uri = parent;
	}
	/*
	 * In a thread started by someone else, only what concerns the shop
	 * is taken: its own posts, answers to them, and posts that mention
	 * or quote it. The rest is other people's conversation.
	 */
	if (w->root != NULL && !bluesky_is_ours(w->pa, w->root) &&
	    (w->pa->user_id == NULL || strcmp(v.did, w->pa->user_id) != 0) &&
	    !bluesky_is_ours(w->pa, v.parent_uri) &&
	    !bluesky_mentions(w->pa, v.record) &&
	    !bluesky_quotes(w->pa, v.record))
		return;
	bluesky_view_item(w->pa, &v, bluesky_thread_kind(w->pa, &v),
	    item_list_add(&w->page->items));
}


/* Walk a thread node and its replies, within the depth and size bounds. */
static void
bluesky_walk(struct bluesky_walk *w, const json_t *node, int depth,
    const char *parent)
{
	const char	*type = bluesky_str(node, "$type"), *uri;
	const json_t	*child;
	size_t		 i;

	if (type == NULL || w->count >= BLUESKY_MAX_THREAD)
		return;
	w->count++;
	if (strcmp(type, BLUESKY_NOT_FOUND) == 0) {
		uri = bluesky_str(node, "uri");
		if (bluesky_valid_uri(uri))
			sync_page_key(&w->page->gone, &w->page->ngone, uri);
		return;
	}
	if (strcmp(type, BLUESKY_THREAD_VIEW) != 0)
		return;		/* blocked, or not known */
	bluesky_walk_post(w, node, depth, parent, &uri);
	if (uri == NULL)
		uri = parent;	/* unreadable: its replies hang above it */
	if (depth + 1 > BLUESKY_MAX_DEPTH)
		return;
	json_array_foreach(json_object_get(node, "replies"), i, child)
		bluesky_walk(w, child, depth + 1, uri);
}

/* Parse a thread: its root post, every reply, and what is gone. */
int
bluesky_fetch_parse(const struct platform_account *pa, const char *key,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct bluesky_walk	 w;
	const json_t		*thread;
	json_t			*doc;

	if (bluesky_lookup_key(key))
		return bluesky_lookup_parse(pa, key, res, page, cause);
	if (res == NULL || res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	thread = json_object_get(doc, "thread");
	if (!json_is_object(thread)) {
		jdoc_free(doc);
		return util_fail(cause, "Bluesky: malformed response: no "
		    "thread");
	}
	memset(&w, 0, sizeof w);
	w.pa = pa;
	w.page = page;
	w.root = bluesky_valid_uri(key) ? key : NULL;
	bluesky_walk(&w, thread, 0, w.root);
	page->more = 0;
	jdoc_free(doc);
	return 0;
}
