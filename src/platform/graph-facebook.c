/*
 * graph-facebook.c -- a Facebook Page through the Graph API: its posts
 * and visitors' posts, every comment and reply on them, and what the Page
 * does about them.
 *
 * Sync is one stream, "feed": the Page's feed inside the history window,
 * newest first, paged by time. Each post whose updated_time (which moves
 * when someone comments) is past the last sync's mark names a fetch of its
 * comments: filter=stream (replies come flat, with their parent), newest
 * first, since the mark less a margin, following paging to the end of
 * what is new. Cursors are not kept across runs: the stream's cursor holds
 * the mark, and a paging position only while it is fresh.
 *
 * The Graph API says nothing of a comment deleted or edited: it is only
 * missing, or different, the next time it is read. So every
 * recheck_interval (an hour by default) a run is a sweep: every post in
 * the window has all its comments read again, which brings edits and
 * hidden states in, and the engine marks what no page listed as gone (see
 * sync-sweep.c).
 *
 * The stream's cursor is a query string: mark (the newest updated_time
 * seen by the last complete run), swept (when the last sweep began),
 * next_mark (the newest seen so far by this run), and while paging, run
 * (when the paging began), sweep (1 if this run is one), until and
 * __paging_token, or after (from the answer's paging.next: the feed pages
 * by time or by cursor).
 *
 * A fetch key is "c:POST:SINCE[:AFTER]" for a page of a post's comments
 * since a time, "s:POST[:AFTER]" for a page of a sweep of all of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "text.h"

#define FB_POST_FIELDS	"id,message,created_time,updated_time," \
	"permalink_url,from{id,name},attachments{type,title,url}"
#define FB_COMMENT_FIELDS "id,message,from{id,name},created_time," \
	"parent{id},is_hidden,can_reply_privately,like_count,user_likes," \
	"permalink_url,attachment{type,title,url},private_reply_conversation"
#define FB_FEED_LIMIT		"25"
#define FB_COMMENT_LIMIT	"100"

/* The parts of the feed cursor. */
struct fb_cursor {
	int64_t	 mark;
	int64_t	 swept;
	int64_t	 next_mark;
	int64_t	 run;
	int	 sweep;
	char	*until;
	char	*token;
	char	*after;
};

/* A number of a cursor; 0 when it is missing or not one. */
static int64_t
fb_param(const struct graph_params *p, const char *key)
{
	int64_t	n = graph_number(graph_params_get(p, key));

	return n > 0 ? n : 0;
}

static void
fb_cursor_read(const char *s, struct fb_cursor *c)
{
	struct graph_params	p;
	const char		*v;

	memset(c, 0, sizeof *c);
	graph_params_parse(s, &p);
	c->mark = fb_param(&p, "mark");
	c->swept = fb_param(&p, "swept");
	c->next_mark = fb_param(&p, "next_mark");
	c->run = fb_param(&p, "run");
	c->sweep = fb_param(&p, "sweep") == 1;
	if (graph_valid_value(v = graph_params_get(&p, "until")))
		c->until = xstrdup(v);
	if (graph_valid_value(v = graph_params_get(&p, "__paging_token")))
		c->token = xstrdup(v);
	if (graph_valid_value(v = graph_params_get(&p, "after")))
		c->after = xstrdup(v);
	graph_params_clear(&p);
}

static void
fb_cursor_clear(struct fb_cursor *c)
{
	free(c->until);
	free(c->token);
	free(c->after);
	memset(c, 0, sizeof *c);
}

/* Write a cursor; paging parts only when until or after is set. */
static char *
fb_cursor_write(const struct fb_cursor *c)
{
	struct buf	b;
	char		*s;

	buf_init(&b, 0);
	graph_query_int(&b, "mark", c->mark);
	if (c->swept > 0)
		graph_query_int(&b, "swept", c->swept);
	if (c->until != NULL || c->after != NULL) {
		graph_query_int(&b, "next_mark", c->next_mark);
		graph_query_int(&b, "run", c->run);
		if (c->sweep)
			util_query(&b, "sweep", "1");
		if (c->until != NULL)
			util_query(&b, "until", c->until);
		if (c->token != NULL)
			util_query(&b, "__paging_token", c->token);
		if (c->after != NULL)
			util_query(&b, "after", c->after);
	}
	s = xstrdup(b.data + 1);	/* without the '?' */
	buf_free(&b);
	return s;
}

/* Build the request for the next page of the Page's feed. */
int
facebook_sync_request(const struct platform_account *pa, const char *stream,
    struct platform_request *req, char **cause)
{
	struct fb_cursor	 c;
	struct buf		 q;
	char			*path;
	int			 rc;

	if (stream == NULL || strcmp(stream, "feed") != 0)
		return util_fail(cause, "Facebook: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (!graph_valid_id(pa->user_id))
		return util_fail(cause, "Facebook: no session is open");
	fb_cursor_read(pa->cursor, &c);
	buf_init(&q, 0);
	util_query(&q, "fields", FB_POST_FIELDS);
	util_query(&q, "limit", FB_FEED_LIMIT);
	graph_query_int(&q, "since", graph_window_start(pa));
	/* A paging position is trusted only within the run that got it. */
	if ((c.until != NULL || c.after != NULL) &&
	    c.run > pa->now - GRAPH_PAGING_FRESH && c.run <= pa->now) {
		if (c.until != NULL)
			util_query(&q, "until", c.until);
		if (c.token != NULL)
			util_query(&q, "__paging_token", c.token);
		if (c.after != NULL)
			util_query(&q, "after", c.after);
	}
	path = xprintf("%s/feed", pa->user_id);
	rc = graph_start(pa, "GET", path, q.data, req, cause);
	free(path);
	buf_free(&q);
	fb_cursor_clear(&c);
	return rc;
}

/* Describe an attachment as one line: "photo: https://...". */
static char *
fb_attachment(const json_t *a)
{
	const char	*type = graph_str(a, "type"), *url;
	char		*t, *s;

	if (!json_is_object(a))
		return NULL;
	url = graph_str(a, "url");
	if ((t = graph_line(a, "title", 80)) == NULL && type != NULL)
		t = graph_line(a, "type", 40);
	if (t == NULL && url == NULL)
		return NULL;
	if (url != NULL && strncmp(url, "https://", 8) == 0 &&
	    strlen(url) < 2048) {
		s = xprintf("%s%s%s", t != NULL ? t : "", t != NULL ? ": " : "",
		    url);
		free(t);
		t = text_sanitize_line(s, strlen(s));
		free(s);
	}
	return t;
}

/* Fill a post from a feed entry; 0, or -1 if it is unreadable. */
static int
fb_post_read(const struct platform_account *pa, const json_t *e,
    struct post *p)
{
	const json_t	*from = json_object_get(e, "from");
	const char	*id = graph_id(e, "id"), *link;

	memset(p, 0, sizeof *p);
	if (id == NULL || graph_time(e, "created_time", &p->created) != 0)
		return -1;
	p->account_id = pa->id;
	p->remote_id = xstrdup(id);
	p->own = from == NULL || (graph_id(from, "id") != NULL &&
	    strcmp(graph_id(from, "id"), pa->user_id) == 0);
	p->author_name = graph_line(from, "name", 100);
	if (p->author_name == NULL)
		p->author_name = xstrdup(p->own && pa->handle != NULL ?
		    pa->handle : "");
	p->author_handle = xstrdup("");
	p->text = graph_text(e, "message");
	link = graph_str(e, "permalink_url");
	if (link != NULL && strncmp(link, "https://", 8) == 0 &&
	    strlen(link) < 2048)
		p->permalink = text_sanitize_line(link, strlen(link));
	return 0;
}

/* A visitor's post on the Page waits for an answer like a comment. */
static void
fb_visitor_item(const struct platform_account *pa, const json_t *e,
    const struct post *p, struct sync_page *page)
{
	struct item	*it = item_list_add(&page->items);
	const json_t	*att;

	it->account_id = pa->id;
	it->remote_id = xstrdup(p->remote_id);
	it->post_remote_id = xstrdup(p->remote_id);
	it->kind = ITEM_MENTION;
	it->author_name = xstrdup(p->author_name);
	it->author_handle = xstrdup("");
	it->text = xstrdup(p->text);
	it->permalink = p->permalink != NULL ? xstrdup(p->permalink) : NULL;
	it->created = p->created;
	att = json_array_get(json_object_get(json_object_get(e,
	    "attachments"), "data"), 0);
	it->attachment = fb_attachment(att);
	it->extra = graph_extra(p->remote_id, NULL, 0, 0);
}

/* A page of the feed being read: the cursor and the window. */
struct fb_feed {
	struct fb_cursor	 c;
	int64_t			 window;	/* where the window starts */
	int64_t			 since;		/* comments read from */
	int64_t			 oldest;	/* the oldest post seen */
};

/* Read the feed's cursor; start a new run when its paging is stale. */
static void
fb_feed_start(const struct platform_account *pa, struct fb_feed *f)
{
	struct fb_cursor	*c = &f->c;

	fb_cursor_read(pa->cursor, c);
	if ((c->until == NULL && c->after == NULL) ||
	    c->run <= pa->now - GRAPH_PAGING_FRESH || c->run > pa->now) {
		/* A new run; a sweep when the last is an hour old. */
		free(c->until);
		free(c->token);
		free(c->after);
		c->until = c->token = c->after = NULL;
		c->next_mark = c->mark;
		c->run = pa->now;
		c->sweep = c->mark > 0 && (c->swept > pa->now ||
		    c->swept <= pa->now - pa->recheck);
	}
	f->window = graph_window_start(pa);
	f->since = c->mark > 0 ? c->mark - GRAPH_OVERLAP : f->window;
	if (f->since < f->window)
		f->since = f->window;
	f->oldest = INT64_MAX;
}

/* Take one entry of the feed: its post, and the fetch of its comments. */
static void
fb_feed_entry(const struct platform_account *pa, const json_t *e,
    struct fb_feed *f, struct sync_page *page)
{
	struct fb_cursor	*c = &f->c;
	struct post		 p;
	int64_t			 updated;
	char			 key[GRAPH_MAX_ID + 64];

	if (fb_post_read(pa, e, &p) != 0)
		return;
	if (p.created < f->oldest)
		f->oldest = p.created;
	if (p.created < f->window) {
		post_clear(&p);
		return;
	}
	if (graph_time(e, "updated_time", &updated) != 0 ||
	    updated < p.created)
		updated = p.created;
	if (updated > c->next_mark && updated <= pa->now + 86400)
		c->next_mark = updated;
	if (c->sweep) {
		snprintf(key, sizeof key, "s:%s", p.remote_id);
		graph_page_fetch(page, key);
	} else if (c->mark == 0 || updated >= c->mark - GRAPH_OVERLAP) {
		snprintf(key, sizeof key, "c:%s:%lld", p.remote_id,
		    (long long)f->since);
		graph_page_fetch(page, key);
	}
	if (!p.own)
		fb_visitor_item(pa, e, &p, page);
	graph_page_post(page, &p);
}

/* Page on, stop stuck, or end the run; set the page's next cursor. */
static void
fb_feed_next(const json_t *doc, struct fb_feed *f, struct sync_page *page)
{
	struct fb_cursor	*c = &f->c;
	struct graph_params	 next;
	const char		*v, *after, *token;
	int			 same, within = f->oldest >= f->window;

	graph_params_from_next(doc, &next);
	v = graph_params_get(&next, "until");
	after = graph_params_get(&next, "after");
	token = graph_params_get(&next, "__paging_token");
	if (!graph_valid_value(v))
		v = NULL;
	if (!graph_valid_value(after))
		after = NULL;
	if (v == NULL || !graph_valid_value(token))
		token = NULL;
	/*
	 * A page may be empty and still name a next one; a next that names
	 * this very page again ends the run instead of going round.
	 */
	same = v != NULL ? graph_same_value(v, c->until) &&
	    graph_same_value(token, c->token) :
	    graph_same_value(after, c->after);
	free(c->until);
	free(c->token);
	free(c->after);
	c->until = c->token = c->after = NULL;
	if (within && (v != NULL || after != NULL) && !same) {
		if (v != NULL)
			c->until = xstrdup(v);
		else
			c->after = xstrdup(after);
		if (token != NULL)
			c->token = xstrdup(token);
		page->more = 1;
	} else if ((v != NULL || after != NULL) && same && within) {
		/*
		 * Stuck short of the window's end: what lies beyond was not
		 * read, so the mark stays where it was for the next run.
		 */
		page->notice = xstrdup("Facebook's feed named the same page "
		    "as the next one, so older posts were not read this time; "
		    "the next sync reads them");
		page->more = 0;
	} else {
		/* The run is complete. */
		if (c->sweep || c->mark == 0)
			c->swept = c->run;
		c->mark = c->next_mark;
		page->more = 0;
	}
	page->next_cursor = fb_cursor_write(c);
	graph_params_clear(&next);
}

/* Parse a page of the feed. */
int
facebook_sync_parse(const struct platform_account *pa, const char *stream,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct fb_feed	 f;
	const json_t	*list, *e;
	json_t		*doc;
	size_t		 i;

	if (stream == NULL || strcmp(stream, "feed") != 0)
		return util_fail(cause, "Facebook: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	list = json_object_get(doc, "data");
	if (!json_is_array(list)) {
		jdoc_free(doc);
		return util_fail(cause, "Facebook: malformed response: no "
		    "data");
	}
	fb_feed_start(pa, &f);
	json_array_foreach(list, i, e)
		fb_feed_entry(pa, e, &f, page);
	fb_feed_next(doc, &f, page);
	fb_cursor_clear(&f.c);
	jdoc_free(doc);
	return 0;
}

/* A fetch key, split. */
struct fb_key {
	int	 sweep;		/* "s:" */
	char	*post;
	int64_t	 since;		/* "c:" only */
	char	*after;		/* or NULL */
};

static void
fb_key_clear(struct fb_key *k)
{
	free(k->post);
	free(k->after);
	memset(k, 0, sizeof *k);
}

/* Split "c:POST:SINCE[:AFTER]" or "s:POST[:AFTER]"; 0, or -1. */
static int
fb_key_read(const char *key, struct fb_key *k)
{
	const char	*p, *c;
	char		*n;

	memset(k, 0, sizeof *k);
	if (key == NULL || (strncmp(key, "c:", 2) != 0 &&
	    strncmp(key, "s:", 2) != 0))
		return -1;
	k->sweep = key[0] == 's';
	p = key + 2;
	c = strchr(p, ':');
	k->post = c != NULL ? xstrndup(p, (size_t)(c - p)) : xstrdup(p);
	if (!k->sweep) {
		if (c == NULL) {
			fb_key_clear(k);
			return -1;
		}
		p = c + 1;
		c = strchr(p, ':');
		n = c != NULL ? xstrndup(p, (size_t)(c - p)) : xstrdup(p);
		k->since = graph_number(n);
		free(n);
	}
	if (c != NULL)
		k->after = xstrdup(c + 1);
	if (!graph_valid_id(k->post) || k->since < 0 || (k->after != NULL &&
	    !graph_valid_value(k->after))) {
		fb_key_clear(k);
		return -1;
	}
	return 0;
}

/* Build the request for a page of a post's comments. */
int
facebook_fetch_request(const struct platform_account *pa, const char *key,
    struct platform_request *req, char **cause)
{
	struct fb_key	 k;
	struct buf	 q;
	char		*path;
	int		 rc;

	if (fb_key_read(key, &k) != 0)
		return util_fail(cause, "Facebook: not a comments key");
	buf_init(&q, 0);
	util_query(&q, "fields", FB_COMMENT_FIELDS);
	util_query(&q, "filter", "stream");
	util_query(&q, "order", "reverse_chronological");
	util_query(&q, "limit", FB_COMMENT_LIMIT);
	if (k.since > 0)
		graph_query_int(&q, "since", k.since);
	if (k.after != NULL)
		util_query(&q, "after", k.after);
	path = xprintf("%s/comments", k.post);
	rc = graph_start(pa, "GET", path, q.data, req, cause);
	free(path);
	buf_free(&q);
	fb_key_clear(&k);
	return rc;
}

/* Read one comment into an item; 0, 1 when it has no id, -1 if bad. */
static int
fb_comment(const struct platform_account *pa, const char *post,
    const json_t *e, struct item *it)
{
	const json_t	*from = json_object_get(e, "from");
	const json_t	*parent = json_object_get(e, "parent");
	const char	*id = graph_id(e, "id"), *pid, *link;
	const json_t	*likes = json_object_get(e, "like_count");
	int64_t		 created;

	if (id == NULL)
		return json_object_get(e, "id") == NULL ? 1 : -1;
	if (graph_time(e, "created_time", &created) != 0)
		return -1;
	memset(it, 0, sizeof *it);
	it->account_id = pa->id;
	it->remote_id = xstrdup(id);
	it->post_remote_id = xstrdup(post);
	pid = graph_id(parent, "id");
	if (pid != NULL && strcmp(pid, id) != 0) {
		it->parent_remote_id = xstrdup(pid);
		it->kind = ITEM_REPLY;
	} else
		it->kind = ITEM_COMMENT;
	it->own = graph_id(from, "id") != NULL &&
	    strcmp(graph_id(from, "id"), pa->user_id) == 0;
	it->author_name = graph_line(from, "name", 100);
	if (it->author_name == NULL)
		it->author_name = xstrdup(it->own && pa->handle != NULL ?
		    pa->handle : "");
	it->author_handle = xstrdup("");
	it->text = graph_text(e, "message");
	it->created = created;
	it->hidden = graph_bool(e, "is_hidden");
	it->liked = graph_bool(e, "user_likes");
	if (json_is_integer(likes) && json_integer_value(likes) >= 0)
		it->like_count = json_integer_value(likes);
	link = graph_str(e, "permalink_url");
	if (link != NULL && strncmp(link, "https://", 8) == 0 &&
	    strlen(link) < 2048)
		it->permalink = text_sanitize_line(link, strlen(link));
	it->attachment = fb_attachment(json_object_get(e, "attachment"));
	it->extra = graph_extra(post, pid != NULL ? pid : id,
	    !it->own && graph_bool(e, "can_reply_privately") &&
	    created > pa->now - GRAPH_PRIVATE_DAYS * 86400,
	    json_object_get(e, "private_reply_conversation") != NULL);
	return 0;
}

/* Name the page after this one of a post's comments. */
static void
fb_next_page(const struct fb_key *k, const char *after,
    struct sync_page *page)
{
	char	*key;

	if (k->sweep)
		key = xprintf("s:%s:%s", k->post, after);
	else
		key = xprintf("c:%s:%lld:%s", k->post, (long long)k->since,
		    after);
	graph_page_fetch(page, key);
	free(key);
}

/*
 * Parse a page of a post's comments. A sweep reads on to the last page;
 * a read since a time goes on while the page held something new (the
 * since filter may be ignored, and ranked order is not strictly by time).
 */
int
facebook_fetch_parse(const struct platform_account *pa, const char *key,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct fb_key		 k;
	struct item		 it;
	const json_t		*list, *e;
	json_t			*doc;
	const char		*why;
	char			*after;
	int64_t			 created;
	size_t			 i, noid = 0, bad = 0, newer = 0;
	int			 rc;

	if (fb_key_read(key, &k) != 0)
		return util_fail(cause, "Facebook: not a comments key");
	if (res == NULL || res->status < 200 || res->status > 299) {
		fb_key_clear(&k);
		return graph_fail_status(res, cause);
	}
	if ((doc = graph_load(res, cause)) == NULL) {
		fb_key_clear(&k);
		return -1;
	}
	list = json_object_get(doc, "data");
	if (!json_is_array(list)) {
		jdoc_free(doc);
		fb_key_clear(&k);
		return util_fail(cause, "Facebook: malformed response: no "
		    "data");
	}
	json_array_foreach(list, i, e) {
		if (graph_time(e, "created_time", &created) == 0 &&
		    created >= k.since)
			newer++;
		if ((rc = fb_comment(pa, k.post, e, &it)) == 1)
			noid++;
		else if (rc != 0)
			bad++;
		if (rc != 0)
			continue;
		*item_list_add(&page->items) = it;
	}
	if (noid > 0)
		page->notice = xprintf("%zu comment%s came without an id: the "
		    "person who logged in needs the Moderate task on the Page "
		    "(Page settings > Page access), then heed login again",
		    noid, noid == 1 ? "" : "s");
	if (k.sweep && noid == 0 && bad == 0) {
		page->sweep = xstrdup(k.post);
		page->sweep_first = k.after == NULL;
	}
	after = graph_next_after(doc, k.after, &why);
	if (why != NULL && (k.sweep || newer > 0))
		page->incomplete = xprintf("Facebook: %s", why);
	if (after != NULL && (k.sweep || newer > 0 ||
	    json_array_size(list) == 0))
		fb_next_page(&k, after, page);
	free(after);
	page->more = 0;
	jdoc_free(doc);
	fb_key_clear(&k);
	return 0;
}

/* Build the request that carries out an outbox entry. */
int
facebook_action_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req,
    char **cause)
{
	struct buf	 q;
	json_t		*o;
	char		*path = NULL;
	const char	*method = "POST";
	int		 rc;

	if (!graph_valid_id(e->target_remote_id))
		return util_fail(cause, "Facebook: not a comment's id");
	if ((e->kind == ACTION_REPLY || e->kind == ACTION_PRIVATE_REPLY) &&
	    e->body != NULL && !text_valid_utf8(e->body, strlen(e->body)))
		return util_fail(cause, "Facebook: the reply is not valid "
		    "UTF-8 text");
	buf_init(&q, 0);
	switch (e->kind) {
	case ACTION_REPLY:
		if (e->body == NULL || *e->body == '\0') {
			buf_free(&q);
			return util_fail(cause, "Facebook: an empty reply");
		}
		path = xprintf("%s/comments", e->target_remote_id);
		util_query(&q, "message", e->body);
		break;
	case ACTION_LIKE:
	case ACTION_UNLIKE:
		path = xprintf("%s/likes", e->target_remote_id);
		method = e->kind == ACTION_LIKE ? "POST" : "DELETE";
		break;
	case ACTION_HIDE:
	case ACTION_UNHIDE:
		path = xstrdup(e->target_remote_id);
		util_query(&q, "is_hidden", e->kind == ACTION_HIDE ? "true" :
		    "false");
		break;
	case ACTION_DELETE:
		path = xstrdup(e->target_remote_id);
		method = "DELETE";
		break;
	case ACTION_PRIVATE_REPLY:
		if (e->body == NULL || *e->body == '\0') {
			buf_free(&q);
			return util_fail(cause, "Facebook: an empty message");
		}
		path = xprintf("%s/messages", pa->user_id != NULL ?
		    pa->user_id : "");
		break;
	default:
		buf_free(&q);
		return util_fail(cause, "Facebook cannot %s",
		    action_kind_name(e->kind));
	}
	rc = graph_start(pa, method, path, NULL, req, cause);
	if (rc == 0 && e->kind == ACTION_PRIVATE_REPLY) {
		o = json_pack("{s:{s:s},s:{s:s},s:s}", "recipient",
		    "comment_id", e->target_remote_id, "message", "text",
		    e->body, "messaging_type", "RESPONSE");
		platform_request_json(req, o);
	} else if (rc == 0 && q.len > 0)
		graph_set_form(req, q.data);
	free(path);
	buf_free(&q);
	return rc;
}

/* The item a reply created, as far as heed knows it. */
static void
fb_created(const struct platform_account *pa, const struct outbox_entry *e,
    const char *id, int64_t created, struct action_result *r)
{
	struct item	*it = &r->created;
	char		*post = graph_extra_get(e->target_extra, "post");
	char		*top = graph_thread_top(e);

	memset(it, 0, sizeof *it);
	it->remote_id = xstrdup(id);
	it->post_remote_id = post != NULL ? post : xstrdup(top);
	/*
	 * Where Facebook puts it: a reply to a reply goes under the thread's
	 * top comment, and that is where every later read lists it (an item
	 * recorded under the reply would never take an update again, as if
	 * its id had moved).
	 */
	it->parent_remote_id = xstrdup(top);
	it->kind = ITEM_REPLY;
	it->own = 1;
	it->author_name = xstrdup(pa->handle != NULL ? pa->handle : "");
	it->author_handle = xstrdup("");
	it->text = text_sanitize(e->body, strlen(e->body));
	it->created = created;
	it->extra = graph_extra(it->post_remote_id, top, 0, 0);
	free(top);
	r->have_created = 1;
}

/* Read the answer to an action. */
int
facebook_action_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *r, char **cause)
{
	char	*id;

	memset(r, 0, sizeof *r);
	switch (e->kind) {
	case ACTION_REPLY:
		if (graph_written(res, &id, cause) != 0)
			return -1;
		r->remote_id = id;
		fb_created(pa, e, id, pa->now, r);
		return 0;
	case ACTION_PRIVATE_REPLY:
		if (graph_written(res, &id, cause) != 0)
			return -1;
		r->remote_id = id;
		return 0;
	default:
		return graph_success(res, "Facebook", cause);
	}
}

/*
 * Build the request that finds out whether an entry went through: for a
 * reply, the post's comments since the entry was written, all levels
 * (wherever Facebook put the reply, it is there), page after page; the
 * comment's private reply; or the comment itself (for a delete).
 */
int
facebook_reconcile_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req,
    char **cause)
{
	struct buf	 q;
	char		*path, *top;
	int		 rc;

	if (!graph_valid_id(e->target_remote_id))
		return util_fail(cause, "Facebook: not a comment's id");
	buf_init(&q, 0);
	switch (e->kind) {
	case ACTION_REPLY:
		if ((top = graph_extra_get(e->target_extra, "post")) == NULL)
			top = graph_thread_top(e);
		path = xprintf("%s/comments", top);
		free(top);
		util_query(&q, "fields", "id,message,from{id},created_time,"
		    "parent{id}");
		util_query(&q, "filter", "stream");
		util_query(&q, "order", "reverse_chronological");
		util_query(&q, "limit", GRAPH_RECONCILE_LIMIT);
		if (e->created > GRAPH_RECONCILE_SKEW)
			graph_query_int(&q, "since", e->created -
			    GRAPH_RECONCILE_SKEW);
		if (graph_valid_value(pa->reconcile_page))
			util_query(&q, "after", pa->reconcile_page);
		break;
	case ACTION_PRIVATE_REPLY:
		path = xstrdup(e->target_remote_id);
		util_query(&q, "fields", "id,private_reply_conversation");
		break;
	default:
		path = xstrdup(e->target_remote_id);
		util_query(&q, "fields", "id,is_hidden,user_likes");
		break;
	}
	rc = graph_start(pa, "GET", path, q.data, req, cause);
	free(path);
	buf_free(&q);
	return rc;
}

/*
 * Whether a comment of a post's stream is a reply to target, directly or
 * under its thread's top-level comment top (where Facebook puts a reply
 * to a reply); one with no parent is a comment on the post itself, the
 * answer to a visitor's post: 1 yes, 0 no, -1 cannot tell (the parent's
 * id is withheld).
 */
static int
fb_reply_under(const json_t *c, const char *target, const char *top,
    const char *post)
{
	const json_t	*parent = json_object_get(c, "parent");
	const char	*pid;

	if (parent == NULL || json_is_null(parent))
		return post != NULL && strcmp(target, post) == 0;
	if ((pid = graph_id(parent, "id")) == NULL)
		return -1;
	return strcmp(pid, target) == 0 || strcmp(pid, top) == 0;
}

/*
 * Whether a comment of the list is the Page's reply e: 1 yes, 0 no, -1
 * cannot tell (Facebook withholds its id or its parent's). Set *created.
 */
static int
fb_reconcile_match(const struct platform_account *pa,
    const struct outbox_entry *e, const json_t *c, const char *top,
    const char *post, int64_t *created)
{
	const char	*id = graph_id(c, "id"), *from;

	from = graph_id(json_object_get(c, "from"), "id");
	/* No "from" at all: the author is unknown, not other. */
	if ((json_object_get(c, "from") != NULL &&
	    (from == NULL || pa->user_id == NULL ||
	    strcmp(from, pa->user_id) != 0)) ||
	    !graph_same_text(graph_str(c, "message"), e->body))
		return 0;
	if (graph_time(c, "created_time", created) != 0)
		*created = pa->now;
	else if (*created < e->created - GRAPH_RECONCILE_SKEW)
		return 0;	/* an older, identical reply */
	/*
	 * Without the Moderate task Facebook withholds the id and the
	 * parent alike: such an entry may be ours under any comment, so
	 * nothing can be decided.
	 */
	if (id == NULL)
		return -1;
	/* The same words under another comment are not it. */
	return fb_reply_under(c, e->target_remote_id, top, post);
}

/* Look for the Page's reply in a page of comments; 0, 1 or -1. */
static int
fb_reconcile_reply(const struct platform_account *pa,
    const struct outbox_entry *e, const json_t *doc,
    struct action_result *r, char **cause)
{
	const json_t	*list = json_object_get(doc, "data"), *c;
	const char	*why;
	char		*top, *post;
	int64_t		 created;
	size_t		 i;
	int		 rc = 1, unsure = 0;

	if (!json_is_array(list))
		return util_fail(cause, "Facebook: malformed response: no "
		    "data");
	top = graph_thread_top(e);
	post = graph_extra_get(e->target_extra, "post");
	json_array_foreach(list, i, c) {
		switch (fb_reconcile_match(pa, e, c, top, post, &created)) {
		case 0:
			continue;
		case -1:
			unsure = 1;
			continue;
		}
		r->remote_id = xstrdup(graph_id(c, "id"));
		fb_created(pa, e, r->remote_id, created, r);
		rc = 0;
		break;
	}
	free(top);
	free(post);
	if (rc == 1 && unsure)
		return util_fail(cause, "Facebook lists the replies without "
		    "their ids (the Page's token lacks the Moderate task), so "
		    "heed cannot tell whether this reply went through; look "
		    "on Facebook, and if it is not there, discard it and "
		    "write it again");
	if (rc == 1) {
		r->next = graph_next_after(doc, pa->reconcile_page, &why);
		if (r->next == NULL && why != NULL)
			return util_fail(cause, "Facebook: the replies could "
			    "not be read to the end (%s)", why);
	}
	return rc;
}

/* Look for the Page's reply among a post's comments. */
int
facebook_reconcile_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *r, char **cause)
{
	struct graph_error	 ge;
	json_t			*doc;
	int			 rc;

	memset(r, 0, sizeof *r);
	if (res == NULL)
		return util_fail(cause, "Facebook: no answer");
	if (res->status < 200 || res->status > 299) {
		graph_error_read(res, &ge);
		rc = ge.code == 100 && ge.subcode == 33 ? 2 : -1;
		graph_error_clear(&ge);
		if (rc == 2)	/* the comment is gone */
			return e->kind == ACTION_DELETE ? 0 :
			    util_fail(cause, "Facebook: the comment is gone");
		return graph_fail_status(res, cause);
	}
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	switch (e->kind) {
	case ACTION_REPLY:
		rc = fb_reconcile_reply(pa, e, doc, r, cause);
		break;
	case ACTION_PRIVATE_REPLY:
		rc = json_object_get(doc, "private_reply_conversation") !=
		    NULL ? 0 : 1;
		break;
	case ACTION_DELETE:
		rc = 1;		/* still there */
		break;
	default:
		rc = 0;		/* the others can be repeated safely */
		break;
	}
	jdoc_free(doc);
	return rc;
}
