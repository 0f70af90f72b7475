/*
 * graph-instagram.c -- an Instagram business account through the Graph
 * API: its media, the comments on them with their replies, the media it
 * is tagged in, and what the account does about comments.
 *
 * Instagram threads have two levels: a comment, and replies under it (a
 * reply to a reply is attached to the top-level comment). Media and
 * comment lists have no "since", and a new reply can sit under an old
 * comment, so heed reads a media's comments again when its comments_count
 * changed. Such a read lists every comment of the media, so it is a
 * sweep (see sync-sweep.c): what it no longer lists was deleted. Every
 * recheck_interval (an hour by default) every media in the window is
 * read so, for hidden states changed elsewhere. The "media" stream's
 * cursor keeps the counts:
 *
 *	counts=ID.N,ID.N,...&swept=T		after a complete run
 *	...&seen=ID.N,...&run=T&sweep=B&after=C	while paging
 *
 * Fetch keys: "i:MEDIA[:AFTER]" for a page of a media's comments,
 * "r:MEDIA:COMMENT[:AFTER]" for a page of one comment's replies beyond
 * those the comment brought along.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "text.h"

#define IG_MEDIA_FIELDS	"id,caption,comments_count,like_count," \
	"media_type,permalink,timestamp,username"
#define IG_REPLY_FIELDS	"id,text,username,from{id,username},timestamp," \
	"like_count,hidden,parent_id"
#define IG_COMMENT_FIELDS IG_REPLY_FIELDS ",replies{" IG_REPLY_FIELDS "}"
#define IG_LIMIT	"50"

/* Find a media's count in a list "ID.N,ID.N"; -1 if absent. */
static int64_t
ig_count_in(const char *list, const char *id)
{
	size_t		 n = strlen(id);
	const char	*p = list, *end;
	char		*num;
	int64_t		 v;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, id, n) == 0 && p[n] == '.') {
			end = strchr(p + n + 1, ',');
			num = end != NULL ? xstrndup(p + n + 1,
			    (size_t)(end - p - n - 1)) : xstrdup(p + n + 1);
			v = graph_number(num);
			free(num);
			return v;
		}
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return -1;
}

/* Build the request for a page of a stream: media, or tags. */
int
instagram_sync_request(const struct platform_account *pa,
    const char *stream, struct platform_request *req, char **cause)
{
	struct graph_params	 p;
	struct buf		 q;
	const char		*after;
	char			*path;
	int64_t			 run;
	int			 rc;

	if (stream == NULL || (strcmp(stream, "media") != 0 &&
	    strcmp(stream, "tags") != 0))
		return util_fail(cause, "Instagram: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (!graph_valid_id(pa->user_id))
		return util_fail(cause, "Instagram: no session is open");
	graph_params_parse(pa->cursor, &p);
	buf_init(&q, 0);
	util_query(&q, "fields", IG_MEDIA_FIELDS);
	util_query(&q, "limit", IG_LIMIT);
	after = graph_params_get(&p, "after");
	run = graph_number(graph_params_get(&p, "run"));
	if (graph_valid_value(after) && run > pa->now - GRAPH_PAGING_FRESH &&
	    run <= pa->now)
		util_query(&q, "after", after);
	path = xprintf("%s/%s", pa->user_id, stream);
	rc = graph_start(pa, "GET", path, q.data, req, cause);
	free(path);
	buf_free(&q);
	graph_params_clear(&p);
	return rc;
}

/* Fill a post from a media entry; 0, or -1 if it is unreadable. */
static int
ig_media_read(const struct platform_account *pa, const json_t *e,
    struct post *p)
{
	const char	*id = graph_id(e, "id"), *link, *user;

	memset(p, 0, sizeof *p);
	if (id == NULL || graph_time(e, "timestamp", &p->created) != 0)
		return -1;
	p->account_id = pa->id;
	p->remote_id = xstrdup(id);
	user = graph_str(e, "username");
	p->own = user == NULL || (pa->handle != NULL &&
	    strcmp(user, pa->handle) == 0);
	p->author_handle = graph_line(e, "username", 60);
	if (p->author_handle == NULL)
		p->author_handle = xstrdup(p->own && pa->handle != NULL ?
		    pa->handle : "");
	p->author_name = xstrdup(p->author_handle);
	p->text = graph_text(e, "caption");
	link = graph_str(e, "permalink");
	if (link != NULL && strncmp(link, "https://", 8) == 0 &&
	    strlen(link) < 2048)
		p->permalink = text_sanitize_line(link, strlen(link));
	return 0;
}

/* A media the account is tagged in waits for an answer. */
static void
ig_tag_item(const struct platform_account *pa, const json_t *e,
    const struct post *p, struct sync_page *page)
{
	struct item	*it = item_list_add(&page->items);
	const json_t	*likes = json_object_get(e, "like_count");

	it->account_id = pa->id;
	it->remote_id = xstrdup(p->remote_id);
	it->post_remote_id = xstrdup(p->remote_id);
	it->kind = ITEM_MENTION;
	it->author_name = xstrdup(p->author_name);
	it->author_handle = xstrdup(p->author_handle);
	it->text = xstrdup(p->text);
	it->permalink = p->permalink != NULL ? xstrdup(p->permalink) : NULL;
	it->created = p->created;
	if (json_is_integer(likes) && json_integer_value(likes) >= 0)
		it->like_count = json_integer_value(likes);
	if (graph_str(e, "media_type") != NULL)
		it->attachment = graph_line(e, "media_type", 40);
	it->extra = graph_extra(p->remote_id, NULL, 0, 0);
}

/* A page of media or tags being read: the cursor and the counts. */
struct ig_run {
	struct graph_params	 cur;
	struct buf		 seen;	/* "ID.N,..." of this run so far */
	const char		*counts;	/* of the last complete run */
	const char		*prev;	/* this page's cursor, or NULL */
	int64_t			 run;
	int64_t			 swept;
	int64_t			 window;
	int64_t			 oldest;
	int			 tags;
	int			 sweep;
};

/* Read the stream's cursor; page on within a run, or start a new one. */
static void
ig_run_start(const struct platform_account *pa, const char *stream,
    struct ig_run *r)
{
	struct graph_params	*cur = &r->cur;

	r->tags = strcmp(stream, "tags") == 0;
	r->window = graph_window_start(pa);
	r->oldest = INT64_MAX;
	r->prev = NULL;
	graph_params_parse(pa->cursor, cur);
	r->run = graph_number(graph_params_get(cur, "run"));
	r->swept = graph_number(graph_params_get(cur, "swept"));
	r->counts = graph_params_get(cur, "counts");
	buf_init(&r->seen, 0);
	if (graph_valid_value(graph_params_get(cur, "after")) &&
	    r->run > pa->now - GRAPH_PAGING_FRESH && r->run <= pa->now) {
		/* Paging on within a run. */
		r->prev = graph_params_get(cur, "after");
		if (graph_params_get(cur, "seen") != NULL)
			buf_addstr(&r->seen, graph_params_get(cur, "seen"));
		r->sweep = graph_number(graph_params_get(cur, "sweep")) == 1;
	} else {
		/* A new run; a sweep when the last is an hour old. */
		r->run = pa->now;
		r->sweep = r->counts != NULL && (r->swept < 0 ||
		    r->swept > pa->now || r->swept <= pa->now - pa->recheck);
	}
}

/* Name a fetch of a media's comments if they changed; note its count. */
static void
ig_run_count(const json_t *e, const struct post *p, struct ig_run *r,
    struct sync_page *page)
{
	const json_t	*cnt = json_object_get(e, "comments_count");
	char		 key[GRAPH_MAX_ID + 8], num[32];
	int64_t		 n;

	n = json_is_integer(cnt) ? json_integer_value(cnt) : -1;
	if (n < 0 || r->counts == NULL || r->sweep ||
	    ig_count_in(r->counts, p->remote_id) != n) {
		snprintf(key, sizeof key, "i:%s", p->remote_id);
		graph_page_fetch(page, key);
	}
	if (n >= 0 && r->seen.len + strlen(p->remote_id) + 24 <
	    GRAPH_MAX_CURSOR / 2) {
		snprintf(num, sizeof num, "%lld", (long long)n);
		if (r->seen.len > 0)
			buf_addch(&r->seen, ',');
		buf_addstr(&r->seen, p->remote_id);
		buf_addch(&r->seen, '.');
		buf_addstr(&r->seen, num);
	}
}

/* Take one media of the page: a post, and a tag or its comments. */
static void
ig_run_entry(const struct platform_account *pa, const json_t *e,
    struct ig_run *r, struct sync_page *page)
{
	struct post	p;

	if (ig_media_read(pa, e, &p) != 0)
		return;
	if (p.created < r->oldest)
		r->oldest = p.created;
	if (p.created < r->window) {
		post_clear(&p);
		return;
	}
	if (r->tags) {
		if (graph_str(e, "username") == NULL) {
			/* Someone's media: never the business's name. */
			free(p.author_handle);
			free(p.author_name);
			p.author_handle = xstrdup("");
			p.author_name = xstrdup("");
		}
		p.own = 0;
		ig_tag_item(pa, e, &p, page);
	} else
		ig_run_count(e, &p, r, page);
	graph_page_post(page, &p);
}

/* Page on, stop stuck, or end the run; set the page's next cursor. */
static void
ig_run_next(const json_t *doc, struct ig_run *r, struct sync_page *page)
{
	struct graph_params	 next;
	struct buf		 out;
	const char		*after, *seen = r->seen.len > 0 ?
				    r->seen.data : "";

	graph_params_from_next(doc, &next);
	after = graph_params_get(&next, "after");
	buf_init(&out, 0);
	/*
	 * A page may be empty and still name a next one; a next that names
	 * this very page again ends the run instead of going round.
	 */
	if (r->oldest >= r->window && graph_valid_value(after) &&
	    !graph_same_value(after, r->prev)) {
		if (r->counts != NULL)
			util_query(&out, "counts", r->counts);
		if (r->swept >= 0)
			graph_query_int(&out, "swept", r->swept);
		util_query(&out, "seen", seen);
		graph_query_int(&out, "run", r->run);
		if (r->sweep)
			util_query(&out, "sweep", "1");
		util_query(&out, "after", after);
		page->more = 1;
	} else if (r->oldest >= r->window && graph_valid_value(after)) {
		/*
		 * Stuck on a page that names itself as the next: the media
		 * beyond were not read, so their counts stay as they were.
		 */
		if (r->counts != NULL)
			util_query(&out, "counts", r->counts);
		if (r->swept >= 0)
			graph_query_int(&out, "swept", r->swept);
		page->notice = xstrdup("Instagram named the same page as the "
		    "next one, so older media were not read this time; the "
		    "next sync reads them");
		util_query(&out, "stuck", "1");
		page->more = 0;
	} else {
		/* The run is complete; the first counts as a sweep. */
		util_query(&out, "counts", seen);
		graph_query_int(&out, "swept", r->sweep || r->counts == NULL ||
		    r->swept < 0 ? r->run : r->swept);
		page->more = 0;
	}
	page->next_cursor = xstrdup(out.data + 1);
	buf_free(&out);
	graph_params_clear(&next);
}

/* Parse a page of media or tags. */
int
instagram_sync_parse(const struct platform_account *pa, const char *stream,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct ig_run	 r;
	const json_t	*list, *e;
	json_t		*doc;
	size_t		 i;

	if (stream == NULL || (strcmp(stream, "media") != 0 &&
	    strcmp(stream, "tags") != 0))
		return util_fail(cause, "Instagram: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (res == NULL || res->status < 200 || res->status > 299)
		return instagram_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	list = json_object_get(doc, "data");
	if (!json_is_array(list)) {
		jdoc_free(doc);
		return util_fail(cause, "Instagram: malformed response: no "
		    "data");
	}
	ig_run_start(pa, stream, &r);
	json_array_foreach(list, i, e)
		ig_run_entry(pa, e, &r, page);
	ig_run_next(doc, &r, page);
	buf_free(&r.seen);
	graph_params_clear(&r.cur);
	jdoc_free(doc);
	return 0;
}

/* A fetch key, split. */
struct ig_key {
	int	 replies;	/* "r:" */
	char	*media;
	char	*comment;	/* "r:" only */
	char	*after;		/* or NULL */
};

static void
ig_key_clear(struct ig_key *k)
{
	free(k->media);
	free(k->comment);
	free(k->after);
	memset(k, 0, sizeof *k);
}

/* Split "i:MEDIA[:AFTER]" or "r:MEDIA:COMMENT[:AFTER]"; 0 or -1. */
static int
ig_key_read(const char *key, struct ig_key *k)
{
	const char	*parts[4];
	size_t		 lens[4], n = 0;
	const char	*p;

	memset(k, 0, sizeof *k);
	if (key == NULL || (strncmp(key, "i:", 2) != 0 &&
	    strncmp(key, "r:", 2) != 0))
		return -1;
	k->replies = key[0] == 'r';
	for (p = key + 2; n < 4; n++) {
		const char *c = strchr(p, ':');

		parts[n] = p;
		lens[n] = c != NULL ? (size_t)(c - p) : strlen(p);
		if (c == NULL) {
			n++;
			break;
		}
		p = c + 1;
	}
	if (n < (k->replies ? 2u : 1u) || n > (k->replies ? 3u : 2u))
		return -1;
	k->media = xstrndup(parts[0], lens[0]);
	if (k->replies)
		k->comment = xstrndup(parts[1], lens[1]);
	if (n == (k->replies ? 3u : 2u))
		k->after = xstrndup(parts[n - 1], lens[n - 1]);
	if (!graph_valid_id(k->media) || (k->replies &&
	    !graph_valid_id(k->comment)) || (k->after != NULL &&
	    !graph_valid_value(k->after))) {
		ig_key_clear(k);
		return -1;
	}
	return 0;
}

/* Build the request for a page of comments or of replies. */
int
instagram_fetch_request(const struct platform_account *pa, const char *key,
    struct platform_request *req, char **cause)
{
	struct ig_key	 k;
	struct buf	 q;
	char		*path;
	int		 rc;

	if (ig_key_read(key, &k) != 0)
		return util_fail(cause, "Instagram: not a comments key");
	buf_init(&q, 0);
	util_query(&q, "fields", k.replies ? IG_REPLY_FIELDS :
	    IG_COMMENT_FIELDS);
	util_query(&q, "limit", IG_LIMIT);
	if (k.after != NULL)
		util_query(&q, "after", k.after);
	path = k.replies ? xprintf("%s/replies", k.comment) :
	    xprintf("%s/comments", k.media);
	rc = graph_start(pa, "GET", path, q.data, req, cause);
	free(path);
	buf_free(&q);
	ig_key_clear(&k);
	return rc;
}

/* Read one comment or reply into an item; 0, or -1 if unreadable. */
static int
ig_comment(const struct platform_account *pa, const char *media,
    const char *top, const json_t *e, struct item *it)
{
	const json_t	*from = json_object_get(e, "from");
	const json_t	*likes = json_object_get(e, "like_count");
	const char	*id = graph_id(e, "id"), *user, *fid;
	int64_t		 created;

	if (id == NULL || graph_time(e, "timestamp", &created) != 0)
		return -1;
	/* A reply listed among the comments says whose it is. */
	if (top == NULL && graph_id(e, "parent_id") != NULL)
		top = graph_id(e, "parent_id");
	memset(it, 0, sizeof *it);
	it->account_id = pa->id;
	it->remote_id = xstrdup(id);
	it->post_remote_id = xstrdup(media);
	if (top != NULL && strcmp(top, id) != 0) {
		/* Two levels: every reply hangs on the top-level comment. */
		it->parent_remote_id = xstrdup(top);
		it->kind = ITEM_REPLY;
	} else
		it->kind = ITEM_COMMENT;
	user = graph_str(e, "username");
	if (user == NULL)
		user = graph_str(from, "username");
	fid = graph_id(from, "id");
	it->own = (fid != NULL && pa->user_id != NULL &&
	    strcmp(fid, pa->user_id) == 0) || (user != NULL &&
	    pa->handle != NULL && strcmp(user, pa->handle) == 0);
	it->author_handle = graph_line(e, "username", 60);
	if (it->author_handle == NULL)
		it->author_handle = graph_line(from, "username", 60);
	if (it->author_handle == NULL)
		it->author_handle = xstrdup("");
	it->author_name = xstrdup(it->author_handle);
	it->text = graph_text(e, "text");
	it->created = created;
	it->hidden = graph_bool(e, "hidden");
	if (json_is_integer(likes) && json_integer_value(likes) >= 0)
		it->like_count = json_integer_value(likes);
	it->extra = graph_extra(media, top != NULL ? top : id, 0, 0);
	return 0;
}

/*
 * Take a list of replies under top (a replies edge, or a page of one);
 * name the next page if there is one. Return how many entries could not
 * be read.
 */
static size_t
ig_replies(const struct platform_account *pa, const char *media,
    const char *top, const char *prev, const json_t *edge,
    struct sync_page *page)
{
	struct item	 it;
	const json_t	*e;
	const char	*why;
	char		*after, *key;
	size_t		 i, bad = 0;

	json_array_foreach(json_object_get(edge, "data"), i, e) {
		if (ig_comment(pa, media, top, e, &it) == 0)
			*item_list_add(&page->items) = it;
		else
			bad++;
	}
	after = graph_next_after(edge, prev, &why);
	if (why != NULL && page->incomplete == NULL)
		page->incomplete = xprintf("Instagram: %s", why);
	if (after != NULL) {
		key = xprintf("r:%s:%s:%s", media, top, after);
		graph_page_fetch(page, key);
		free(key);
		free(after);
	}
	return bad;
}

/*
 * Parse a page of a media's comments (each with its first replies), or
 * of a comment's replies. Every page of either belongs to the sweep of
 * the media that the first page of its comments began.
 */
int
instagram_fetch_parse(const struct platform_account *pa, const char *key,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct ig_key		 k;
	struct item		 it;
	const json_t		*list, *e;
	json_t			*doc;
	const char		*why;
	char			*after, *nk;
	size_t			 i, bad = 0;

	if (ig_key_read(key, &k) != 0)
		return util_fail(cause, "Instagram: not a comments key");
	if (res == NULL || res->status < 200 || res->status > 299) {
		ig_key_clear(&k);
		return instagram_fail_status(res, cause);
	}
	if ((doc = graph_load(res, cause)) == NULL) {
		ig_key_clear(&k);
		return -1;
	}
	list = json_object_get(doc, "data");
	if (!json_is_array(list)) {
		jdoc_free(doc);
		ig_key_clear(&k);
		return util_fail(cause, "Instagram: malformed response: no "
		    "data");
	}
	if (k.replies)
		bad = ig_replies(pa, k.media, k.comment, k.after, doc, page);
	else {
		json_array_foreach(list, i, e) {
			if (ig_comment(pa, k.media, NULL, e, &it) != 0) {
				bad++;
				continue;
			}
			*item_list_add(&page->items) = it;
			if (it.parent_remote_id == NULL)
				bad += ig_replies(pa, k.media, it.remote_id,
				    NULL, json_object_get(e, "replies"), page);
		}
		after = graph_next_after(doc, k.after, &why);
		if (why != NULL && page->incomplete == NULL)
			page->incomplete = xprintf("Instagram: %s", why);
		if (after != NULL) {
			nk = xprintf("i:%s:%s", k.media, after);
			graph_page_fetch(page, nk);
			free(nk);
			free(after);
		}
	}
	if (bad == 0) {
		page->sweep = xstrdup(k.media);
		page->sweep_first = !k.replies && k.after == NULL;
	}
	page->more = 0;
	jdoc_free(doc);
	ig_key_clear(&k);
	return 0;
}

/* Build the request that carries out an outbox entry. */
int
instagram_action_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req,
    char **cause)
{
	struct buf	 q;
	char		*path, *top;
	const char	*method = "POST";
	int		 rc;

	if (!graph_valid_id(e->target_remote_id))
		return util_fail(cause, "Instagram: not a comment's id");
	buf_init(&q, 0);
	switch (e->kind) {
	case ACTION_REPLY:
		if (e->body == NULL || *e->body == '\0') {
			buf_free(&q);
			return util_fail(cause, "Instagram: an empty reply");
		}
		if (!text_valid_utf8(e->body, strlen(e->body))) {
			buf_free(&q);
			return util_fail(cause, "Instagram: the reply is not "
			    "valid UTF-8 text");
		}
		/* A media the account is tagged in is not its to answer. */
		top = graph_extra_get(e->target_extra, "post");
		if (top != NULL && strcmp(top, e->target_remote_id) == 0) {
			free(top);
			buf_free(&q);
			return util_fail(cause, "Instagram lets heed answer "
			    "comments only, not a post the account is tagged "
			    "in; answer it in the Instagram app");
		}
		free(top);
		top = graph_thread_top(e);
		path = xprintf("%s/replies", top);
		free(top);
		util_query(&q, "message", e->body);
		break;
	case ACTION_HIDE:
	case ACTION_UNHIDE:
		path = xstrdup(e->target_remote_id);
		util_query(&q, "hide", e->kind == ACTION_HIDE ? "true" :
		    "false");
		break;
	case ACTION_DELETE:
		path = xstrdup(e->target_remote_id);
		method = "DELETE";
		break;
	default:
		buf_free(&q);
		return util_fail(cause, "Instagram cannot %s a comment "
		    "through its API", action_kind_name(e->kind));
	}
	rc = graph_start(pa, method, path, NULL, req, cause);
	if (rc == 0 && q.len > 0)
		graph_set_form(req, q.data);
	free(path);
	buf_free(&q);
	return rc;
}

/* The item a reply created, as far as heed knows it. */
static void
ig_created(const struct platform_account *pa, const struct outbox_entry *e,
    const char *id, int64_t created, struct action_result *r)
{
	struct item	*it = &r->created;
	char		*media = graph_extra_get(e->target_extra, "post");
	char		*top = graph_thread_top(e);

	memset(it, 0, sizeof *it);
	it->remote_id = xstrdup(id);
	it->post_remote_id = media != NULL ? media : xstrdup(top);
	it->parent_remote_id = xstrdup(top);
	it->kind = ITEM_REPLY;
	it->own = 1;
	it->author_name = xstrdup(pa->handle != NULL ? pa->handle : "");
	it->author_handle = xstrdup(pa->handle != NULL ? pa->handle : "");
	it->text = text_sanitize(e->body, strlen(e->body));
	it->created = created;
	it->extra = graph_extra(it->post_remote_id, top, 0, 0);
	free(top);
	r->have_created = 1;
}

/* Read the answer to an action. */
int
instagram_action_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *r, char **cause)
{
	char	*id;

	memset(r, 0, sizeof *r);
	if (e->kind != ACTION_REPLY)
		return graph_success(res, "Instagram", cause);
	if (graph_written(res, &id, cause) != 0)
		return -1;
	r->remote_id = id;
	ig_created(pa, e, id, pa->now, r);
	return 0;
}

/* Build the request that finds out whether an entry went through. */
int
instagram_reconcile_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req,
    char **cause)
{
	struct buf	 q;
	char		*path, *top;
	int		 rc;

	if (!graph_valid_id(e->target_remote_id))
		return util_fail(cause, "Instagram: not a comment's id");
	buf_init(&q, 0);
	if (e->kind == ACTION_REPLY) {
		top = graph_thread_top(e);
		path = xprintf("%s/replies", top);
		free(top);
		util_query(&q, "fields", "id,text,username,from{id},"
		    "timestamp");
		util_query(&q, "limit", GRAPH_RECONCILE_LIMIT);
		if (graph_valid_value(pa->reconcile_page))
			util_query(&q, "after", pa->reconcile_page);
	} else {
		path = xstrdup(e->target_remote_id);
		util_query(&q, "fields", "id,hidden");
	}
	rc = graph_start(pa, "GET", path, q.data, req, cause);
	free(path);
	buf_free(&q);
	return rc;
}

/*
 * Whether a reply listed on Instagram is the account's: by its id or its
 * username; one that names no author at all may be (the text decides).
 */
static int
ig_maybe_own(const struct platform_account *pa, const json_t *c)
{
	const json_t	*from = json_object_get(c, "from");
	const char	*fid = graph_id(from, "id");
	const char	*user = graph_str(c, "username");

	if (user == NULL)
		user = graph_str(from, "username");
	if (fid == NULL && user == NULL)
		return from == NULL && json_object_get(c, "username") == NULL;
	return (fid != NULL && pa->user_id != NULL &&
	    strcmp(fid, pa->user_id) == 0) || (user != NULL &&
	    pa->handle != NULL && strcmp(user, pa->handle) == 0);
}

/* Look for the account's reply among a comment's replies. */
int
instagram_reconcile_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *r, char **cause)
{
	struct graph_error	 ge;
	const json_t		*list, *c;
	json_t			*doc;
	const char		*id, *why;
	int64_t			 created;
	size_t			 i;
	int			 rc = 1, gone;

	memset(r, 0, sizeof *r);
	if (res == NULL)
		return util_fail(cause, "Instagram: no answer");
	if (res->status < 200 || res->status > 299) {
		graph_error_read(res, &ge);
		gone = ge.code == 100 && ge.subcode == 33;
		graph_error_clear(&ge);
		if (gone)
			return e->kind == ACTION_DELETE ? 0 :
			    util_fail(cause, "Instagram: the comment is gone");
		return instagram_fail_status(res, cause);
	}
	if (e->kind == ACTION_DELETE)
		return 1;
	if (e->kind != ACTION_REPLY)
		return 0;
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	list = json_object_get(doc, "data");
	if (!json_is_array(list))
		rc = util_fail(cause, "Instagram: malformed response: no data");
	json_array_foreach(list, i, c) {
		id = graph_id(c, "id");
		if (id == NULL || !ig_maybe_own(pa, c) ||
		    !graph_same_text(graph_str(c, "text"), e->body))
			continue;
		if (graph_time(c, "timestamp", &created) != 0)
			created = pa->now;
		else if (created < e->created - GRAPH_RECONCILE_SKEW)
			continue;
		r->remote_id = xstrdup(id);
		ig_created(pa, e, id, created, r);
		rc = 0;
		break;
	}
	if (rc == 1) {
		r->next = graph_next_after(doc, pa->reconcile_page, &why);
		if (r->next == NULL && why != NULL)
			rc = util_fail(cause, "Instagram: the replies could not "
			    "be read to the end (%s)", why);
	}
	jdoc_free(doc);
	return rc;
}
