/*
 * mastodon-sync.c -- the Mastodon adapter's sync streams ("notifications":
 * mentions and quotes of the shop, which include every reply to it;
 * "posts": the shop's own statuses), the threads they name (the context
 * of a status) and the recheck of statuses still waiting (whether they
 * were deleted or edited).
 *
 * The stored cursor is heed's own JSON. A stream's first run reads from
 * the newest entry back, page by page through the Link header's "next"
 * (max_id), until the history limit or the end:
 *
 *	{"back":"<max_id>","top":"<newest id seen>"}
 *
 * and then becomes {"mark":"<newest id>"}. Every later run asks for the
 * page just newer than the mark (min_id) and moves the mark to the newest
 * id of each page it has read, so a page is never skipped and never read
 * twice. Identifiers are compared as Mastodon orders them (length, then
 * bytes), never as numbers. A cursor that cannot be read counts as none.
 * The "posts" cursor also keeps "limit_at", when the instance's length
 * limit was last read (/api/v2/instance, the fetch "instance"): once a
 * day, since an instance may change it.
 *
 * A reply names its parent only (in_reply_to_id): its thread is read
 * from the context of the status ("ctx:ID"), whose first ancestor is the
 * root; the root's own context then lists the whole conversation, and
 * places every reply in it ("own:ID" when the shop wrote the root, whose
 * thread is then read whole and swept for what was deleted).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "util.h"

#define MASTODON_PAGE		"80"	/* notifications asked per page */
#define MASTODON_PAGE_FULL	40	/* what any server gives at least */
#define MASTODON_POSTS_PAGE	"40"
#define MASTODON_MAX_STORED	1024	/* bytes of a stored cursor */
#define MASTODON_MAX_THREAD	4096	/* statuses of a context read */
#define MASTODON_LIMIT_EVERY	86400	/* seconds between reads of it */
#define MASTODON_MAX_LIMIT	1000000	/* characters an instance allows */
#define MASTODON_INSTANCE	"instance"
#define MASTODON_CTX		"ctx:"	/* a status's thread */
#define MASTODON_OWN		"own:"	/* the thread of a root of the shop's */

/* heed's cursor for a stream, as read from the store; strings new. */
struct mastodon_cursor {
	char	*mark;		/* forward: the newest id read */
	char	*back;		/* first run: where the next page starts */
	char	*top;		/* first run: the newest id seen */
	int64_t	 limit_at;	/* when the length limit was read */
};

/* Where one page of a stream stands. */
struct mastodon_run {
	struct mastodon_cursor	 cur;
	const char		*newest;	/* of this page */
	const char		*oldest;
	int64_t			 cutoff;	/* oldest time wanted; 0 none */
	int			 stop;		/* passed the history limit */
	size_t			 count;		/* entries on the page */
};

/* Read heed's stream cursor; anything malformed leaves it empty. */
static void
mastodon_cursor_read(const char *s, struct mastodon_cursor *c)
{
	json_t		*o;
	const char	*mark, *back, *top;

	memset(c, 0, sizeof *c);
	if (s == NULL || strlen(s) > MASTODON_MAX_STORED ||
	    (o = json_loads(s, 0, NULL)) == NULL)
		return;
	mark = mastodon_id(o, "mark");
	back = mastodon_id(o, "back");
	top = mastodon_id(o, "top");
	if (mark != NULL)
		c->mark = xstrdup(mark);
	else if (back != NULL) {
		c->back = xstrdup(back);
		if (top != NULL)
			c->top = xstrdup(top);
	}
	if (json_is_integer(json_object_get(o, "limit_at")))
		c->limit_at = json_integer_value(json_object_get(o,
		    "limit_at"));
	json_decref(o);
}

/* Free a cursor's strings. */
static void
mastodon_cursor_clear(struct mastodon_cursor *c)
{
	free(c->mark);
	free(c->back);
	free(c->top);
	memset(c, 0, sizeof *c);
}

/*
 * Encode a cursor of one or two members and, when it is not 0, the time
 * the length limit was read; a new string.
 */
static char *
mastodon_cursor_write(const char *k1, const char *v1, const char *k2,
    const char *v2, int64_t limit_at)
{
	json_t	*o = json_object();
	char	*s;

	if (v1 != NULL)
		json_object_set_new(o, k1, json_string(v1));
	if (k2 != NULL && v2 != NULL)
		json_object_set_new(o, k2, json_string(v2));
	if (limit_at != 0)
		json_object_set_new(o, "limit_at", json_integer(limit_at));
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (s == NULL)
		fatal("cannot encode a cursor");
	return s;
}

/* Return 1 if a stream name is one of ours. */
static int
mastodon_stream_ok(const char *stream)
{
	return stream != NULL && (strcmp(stream, "posts") == 0 ||
	    strcmp(stream, "notifications") == 0);
}

/* Build the request for the next page of a stream. */
int
mastodon_sync_request(const struct platform_account *pa, const char *stream,
    struct platform_request *req, char **cause)
{
	struct mastodon_cursor	 c;
	struct buf		 q;
	char			*path;
	int			 rc;

	if (!mastodon_stream_ok(stream))
		return util_fail(cause, "Mastodon: no stream \"%s\"",
		    stream != NULL ? stream : "");
	buf_init(&q, 0);
	if (strcmp(stream, "notifications") == 0) {
		path = xstrdup("/api/v1/notifications");
		util_query(&q, "types[]", "mention");
		util_query(&q, "types[]", "quote");
		util_query(&q, "limit", MASTODON_PAGE);
	} else {
		if (!mastodon_valid_id(pa->user_id)) {
			buf_free(&q);
			return util_fail(cause, "Mastodon: the account's id is "
			    "not known yet");
		}
		path = xprintf("/api/v1/accounts/%s/statuses", pa->user_id);
		util_query(&q, "exclude_replies", "true");
		util_query(&q, "exclude_reblogs", "true");
		util_query(&q, "limit", MASTODON_POSTS_PAGE);
	}
	mastodon_cursor_read(pa->cursor, &c);
	if (c.mark != NULL)
		util_query(&q, "min_id", c.mark);
	else if (c.back != NULL)
		util_query(&q, "max_id", c.back);
	rc = mastodon_start(pa, "GET", path, q.data, req, cause);
	mastodon_cursor_clear(&c);
	free(path);
	buf_free(&q);
	return rc;
}

/* Name the fetch of a status's thread; ours: a root the shop wrote. */
static void
mastodon_fetch_thread(struct sync_page *page, const char *id, int ours)
{
	char	*key = xprintf("%s%s", ours ? MASTODON_OWN : MASTODON_CTX, id);

	sync_page_key(&page->fetch, &page->nfetch, key);
	free(key);
}

/*
 * Take an entry's id and time into the run: note the page's newest and
 * oldest ids, and say whether the entry is wanted (1) or older than the
 * history limit (0, which also ends a first run after this page).
 */
static int
mastodon_run_keep(struct mastodon_run *run, const char *id, int64_t when)
{
	run->count++;
	if (run->newest == NULL || mastodon_id_cmp(id, run->newest) > 0)
		run->newest = id;
	if (run->oldest == NULL || mastodon_id_cmp(id, run->oldest) < 0)
		run->oldest = id;
	if (run->cutoff > 0 && when < run->cutoff) {
		run->stop = 1;
		return 0;
	}
	return 1;
}

/*
 * Take one notification: a mention or a quote with its status becomes an
 * item, marked with the notification's id (its place in the read
 * marker). One whose status is gone (null) or of another type is passed
 * over without a word: most of a real page can be like that.
 */
static void
mastodon_notification(const struct platform_account *pa, const json_t *n,
    struct mastodon_run *run, struct sync_page *page)
{
	struct mastodon_status	 st;
	struct item		*it;
	const char		*id = mastodon_id(n, "id");
	const char		*type = jdoc_str(n, "type");
	int64_t			 when;
	int			 kind;

	if (id == NULL || mastodon_get_time(n, "created_at", &when) != 0 ||
	    !mastodon_run_keep(run, id, when) || type == NULL)
		return;
	if (strcmp(type, "mention") == 0)
		kind = ITEM_MENTION;
	else if (strcmp(type, "quote") == 0)
		kind = ITEM_QUOTE;
	else
		return;
	if (mastodon_status_read(json_object_get(n, "status"), &st) != 0 ||
	    mastodon_is_ours(pa, &st))
		return;
	if (st.reply_to == NULL) {
		/* It starts a thread of its own: the post it hangs on. */
		mastodon_page_post(pa, page, &st);
		it = item_list_add(&page->items);
		mastodon_status_item(pa, &st, st.id, 0, kind, it);
		it->mark = xstrdup(id);
		if (json_integer_value(json_object_get(st.json,
		    "replies_count")) > 0)
			mastodon_fetch_thread(page, st.id, 0);
		return;
	}
	/* Placed in its thread once the thread is read. */
	if (kind == ITEM_MENTION && st.reply_to_account != NULL &&
	    pa->user_id != NULL && strcmp(st.reply_to_account,
	    pa->user_id) == 0)
		kind = ITEM_REPLY;
	it = item_list_add(&page->items);
	mastodon_status_item(pa, &st, NULL, 0, kind, it);
	it->mark = xstrdup(id);
	mastodon_fetch_thread(page, st.id, 0);
}

/* Take one of the account's own statuses: a post, and its replies. */
static void
mastodon_own_status(const struct platform_account *pa, const json_t *o,
    struct mastodon_run *run, struct sync_page *page)
{
	struct mastodon_status	st;

	if (mastodon_status_read(o, &st) != 0 ||
	    !mastodon_run_keep(run, st.id, st.created))
		return;
	/* A boost, a reply or someone else's: nothing of ours to post. */
	if (!json_is_null(json_object_get(o, "reblog")) &&
	    json_object_get(o, "reblog") != NULL)
		return;
	if (st.reply_to != NULL || !mastodon_is_ours(pa, &st))
		return;
	mastodon_page_post(pa, page, &st);
	if (json_integer_value(json_object_get(o, "replies_count")) > 0)
		mastodon_fetch_thread(page, st.id, 1);
}

/*
 * Decide whether the stream goes on, and the cursor to store. Going
 * forward, the mark moves to the page's newest id, and a full page says
 * more may follow. Going back, the next page starts below the oldest
 * (the Link header's max_id when it names one), until the history limit
 * or an empty page; the mark is then the newest id of the whole run.
 */
static void
mastodon_run_end(struct mastodon_run *run, const struct platform_response
    *res, struct sync_page *page)
{
	struct mastodon_cursor	*c = &run->cur;
	const char		*top;
	char			*next;

	if (c->mark != NULL) {
		top = run->newest != NULL && mastodon_id_cmp(run->newest,
		    c->mark) > 0 ? run->newest : c->mark;
		page->more = run->count >= MASTODON_PAGE_FULL &&
		    top != c->mark;
		page->next_cursor = mastodon_cursor_write("mark", top, NULL,
		    NULL, c->limit_at);
		return;
	}
	top = c->top;
	if (run->newest != NULL && (top == NULL ||
	    mastodon_id_cmp(run->newest, top) > 0))
		top = run->newest;
	next = mastodon_link(res, "next", "max_id");
	if (next == NULL && run->oldest != NULL)
		next = xstrdup(run->oldest);
	/* A page start that does not go down would page for ever. */
	page->more = !run->stop && run->count > 0 && next != NULL &&
	    (c->back == NULL || mastodon_id_cmp(next, c->back) < 0);
	if (page->more)
		page->next_cursor = mastodon_cursor_write("back", next, "top",
		    top, c->limit_at);
	else
		page->next_cursor = mastodon_cursor_write("mark", top, NULL,
		    NULL, c->limit_at);
	free(next);
}

/* Parse one page of a stream into page. */
int
mastodon_sync_parse(const struct platform_account *pa, const char *stream,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct mastodon_run	 run;
	const json_t		*e;
	json_t			*doc;
	size_t			 i;
	int			 notes;

	if (!mastodon_stream_ok(stream))
		return util_fail(cause, "Mastodon: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if ((doc = mastodon_load_array(res, cause)) == NULL)
		return -1;
	notes = strcmp(stream, "notifications") == 0;
	memset(&run, 0, sizeof run);
	mastodon_cursor_read(pa->cursor, &run.cur);
	if (run.cur.mark == NULL && pa->history_days > 0 &&
	    pa->history_days < 100000)
		run.cutoff = pa->now - pa->history_days * 86400;
	json_array_foreach(doc, i, e) {
		if (notes)
			mastodon_notification(pa, e, &run, page);
		else
			mastodon_own_status(pa, e, &run, page);
	}
	/* The posts stream reads the instance's length limit once a day. */
	if (!notes && (run.cur.limit_at > pa->now ||
	    pa->now - run.cur.limit_at >= MASTODON_LIMIT_EVERY)) {
		sync_page_key(&page->fetch, &page->nfetch,
		    MASTODON_INSTANCE);
		run.cur.limit_at = pa->now;
	}
	mastodon_run_end(&run, res, page);
	mastodon_cursor_clear(&run.cur);
	jdoc_free(doc);
	return 0;
}

/*
 * Read a fetch key: the id of a status whose thread to read, after
 * "ctx:", or after "own:" for a root the shop wrote. NULL if malformed.
 */
static const char *
mastodon_fetch_key(const char *key, int *ours)
{
	if (key == NULL || (strncmp(key, MASTODON_CTX, 4) != 0 &&
	    strncmp(key, MASTODON_OWN, 4) != 0) || !mastodon_valid_id(key + 4))
		return NULL;
	*ours = strncmp(key, MASTODON_OWN, 4) == 0;
	return key + 4;
}

/* Build the request for the context of a status. */
int
mastodon_fetch_request(const struct platform_account *pa, const char *key,
    struct platform_request *req, char **cause)
{
	const char	*id;
	char		*path;
	int		 rc, ours;

	if (key != NULL && strcmp(key, MASTODON_INSTANCE) == 0)
		return mastodon_start(pa, "GET", "/api/v2/instance", NULL, req,
		    cause);
	if ((id = mastodon_fetch_key(key, &ours)) == NULL)
		return util_fail(cause, "Mastodon: not a thread to read");
	path = xprintf("/api/v1/statuses/%s/context", id);
	rc = mastodon_start(pa, "GET", path, NULL, req, cause);
	free(path);
	return rc;
}

/*
 * Return 1 if a status of a thread is the shop's business: in the shop's
 * own thread, everything; in someone else's, the shop's own statuses,
 * answers to them and statuses that name the shop. The rest is other
 * people's conversation.
 */
static int
mastodon_concerns_us(const struct platform_account *pa,
    const struct mastodon_status *st, int root_ours)
{
	return root_ours || mastodon_is_ours(pa, st) ||
	    mastodon_mentions_us(pa, st) || (st->reply_to_account != NULL &&
	    pa->user_id != NULL && strcmp(st->reply_to_account,
	    pa->user_id) == 0);
}

/*
 * Take the replies of a thread's root: each one that concerns the shop
 * becomes an item, placed under the root. The shop's own thread is read
 * whole, so what it no longer lists is gone (the sweep), unless the
 * answer was cut short. Whether the shop wrote the root comes with the
 * fetch key, or from a reply that answers the root.
 */
static void
mastodon_thread_replies(const struct platform_account *pa, const char *root,
    int root_ours, const json_t *list, struct sync_page *page)
{
	struct mastodon_status	 st;
	const json_t		*e;
	size_t			 i;
	int			 whole = 1;

	json_array_foreach(list, i, e) {
		if (root_ours)
			break;
		if (mastodon_status_read(e, &st) == 0 && st.reply_to != NULL &&
		    strcmp(st.reply_to, root) == 0 &&
		    st.reply_to_account != NULL && pa->user_id != NULL)
			root_ours = strcmp(st.reply_to_account,
			    pa->user_id) == 0;
	}
	json_array_foreach(list, i, e) {
		if (i >= MASTODON_MAX_THREAD) {
			whole = 0;
			break;
		}
		if (mastodon_status_read(e, &st) != 0) {
			whole = 0;
			continue;
		}
		if (mastodon_concerns_us(pa, &st, root_ours))
			mastodon_status_item(pa, &st, root, root_ours,
			    mastodon_thread_kind(pa, &st, root, root_ours),
			    item_list_add(&page->items));
	}
	if (root_ours && whole) {
		page->sweep = xstrdup(root);
		page->sweep_first = 1;
	}
}

/*
 * Read the instance's length limit for a status (configuration.statuses.
 * max_characters) into the page; an answer without one says nothing.
 */
static int
mastodon_instance_parse(const struct platform_response *res,
    struct sync_page *page, char **cause)
{
	const json_t	*v;
	json_t		*doc;

	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	v = json_object_get(json_object_get(json_object_get(doc,
	    "configuration"), "statuses"), "max_characters");
	if (json_is_integer(v) && json_integer_value(v) > 0 &&
	    json_integer_value(v) <= MASTODON_MAX_LIMIT)
		page->text_limit = (size_t)json_integer_value(v);
	jdoc_free(doc);
	return 0;
}

/*
 * Parse the context of a status. With ancestors, the first is the root:
 * it is the thread's post, and its own context (read next) places every
 * reply. Without, the status is the root, and its descendants are the
 * thread.
 */
int
mastodon_fetch_parse(const struct platform_account *pa, const char *key,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct mastodon_status	 root;
	const json_t		*up, *down;
	const char		*id;
	json_t			*doc;
	int			 ours;

	if (key != NULL && strcmp(key, MASTODON_INSTANCE) == 0)
		return mastodon_instance_parse(res, page, cause);
	if ((id = mastodon_fetch_key(key, &ours)) == NULL)
		return util_fail(cause, "Mastodon: not a thread to read");
	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	up = json_object_get(doc, "ancestors");
	down = json_object_get(doc, "descendants");
	if (!json_is_array(up) || !json_is_array(down)) {
		jdoc_free(doc);
		return util_fail(cause, "Mastodon: malformed response: no "
		    "ancestors or descendants");
	}
	page->more = 0;
	if (json_array_size(up) == 0)
		mastodon_thread_replies(pa, id, ours, down, page);
	else if (mastodon_status_read(json_array_get(up, 0), &root) == 0) {
		mastodon_page_post(pa, page, &root);
		if (!mastodon_is_ours(pa, &root) &&
		    mastodon_mentions_us(pa, &root))
			mastodon_status_item(pa, &root, root.id, 0,
			    ITEM_MENTION, item_list_add(&page->items));
		mastodon_fetch_thread(page, root.id, mastodon_is_ours(pa,
		    &root));
	}
	jdoc_free(doc);
	return 0;
}

/* Build the request that asks after statuses by id (Mastodon 4.3+). */
int
mastodon_recheck_request(const struct platform_account *pa,
    char *const *ids, size_t n, struct platform_request *req, char **cause)
{
	struct buf	q;
	size_t		i;
	int		rc;

	if (n == 0 || n > MASTODON_RECHECK_MAX)
		return util_fail(cause, "Mastodon: no statuses to ask after");
	buf_init(&q, 0);
	for (i = 0; i < n; i++) {
		if (!mastodon_valid_id(ids[i])) {
			buf_free(&q);
			return util_fail(cause, "Mastodon: not a status id");
		}
		util_query(&q, "id[]", ids[i]);
	}
	rc = mastodon_start(pa, "GET", "/api/v1/statuses", q.data, req,
	    cause);
	buf_free(&q);
	return rc;
}

/*
 * Take an edited status a recheck found: one that starts a thread of its
 * own is updated at once (it is its own root: a mention, or a quote when
 * it quotes); a reply has its thread read again, which places it.
 */
static void
mastodon_edited(const struct platform_account *pa,
    const struct mastodon_status *st, struct sync_page *page)
{
	const json_t	*quote = json_object_get(st->json, "quote");

	if (st->reply_to != NULL) {
		mastodon_fetch_thread(page, st->id, 0);
		return;
	}
	mastodon_status_item(pa, st, st->id, 0, quote != NULL &&
	    !json_is_null(quote) ? ITEM_QUOTE : ITEM_MENTION,
	    item_list_add(&page->items));
}

/*
 * Parse the statuses asked after: those the answer leaves out are gone
 * (deleted, or no longer shown to the shop); those edited are read again
 * (mastodon_edited).
 */
int
mastodon_recheck_parse(const struct platform_account *pa,
    char *const *ids, size_t n, const struct platform_response *res,
    struct sync_page *page, char **cause)
{
	struct mastodon_status	 st;
	const json_t		*e;
	json_t			*doc;
	size_t			 i, j;
	char			*seen;

	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if ((doc = mastodon_load_array(res, cause)) == NULL)
		return -1;
	seen = xcalloc(n > 0 ? n : 1, 1);
	json_array_foreach(doc, i, e) {
		/* One it cannot read might be any of them: mark nothing. */
		if (mastodon_status_read(e, &st) != 0) {
			free(seen);
			jdoc_free(doc);
			sync_page_clear(page);
			return util_fail(cause, "Mastodon: malformed response: "
			    "a status that cannot be read");
		}
		for (j = 0; j < n; j++) {
			if (strcmp(ids[j], st.id) == 0)
				seen[j] = 1;
		}
		if (st.edited > 0)
			mastodon_edited(pa, &st, page);
	}
	for (j = 0; j < n; j++) {
		if (!seen[j])
			sync_page_key(&page->gone, &page->ngone, ids[j]);
	}
	free(seen);
	jdoc_free(doc);
	return 0;
}
