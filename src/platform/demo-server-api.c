/*
 * demo-server-api.c -- the requests the simulated platform answers.
 *
 * It answers them the way a small versioned REST API would, so the demo
 * exercises the same path (outbox, request, parse, store) as a real
 * platform. Requests are treated as untrusted input: anything odd gets a
 * 4xx answer, never a crash.
 *
 * API (ACCOUNT is an account name from demo_accounts):
 *
 *   GET    demo://ACCOUNT/v1/inbox?after=SEQ&since=UNIXTIME&limit=N
 *          -> {"posts":[...],"items":[...],"next":"SEQ","more":bool}
 *   POST   demo://ACCOUNT/v1/comments/ID/replies  {"text","client_key"}
 *          -> 201 {"id","created_at","item"} (200, same reply, on a retry)
 *   POST   demo://ACCOUNT/v1/comments/ID/{like,unlike,hide,unhide}
 *   DELETE demo://ACCOUNT/v1/comments/ID       -> {"ok":true}
 *   errors -> {"error":{"code","message"}} with a 4xx status
 *
 * An item's change sequence number (see demo-server.c) is what
 * "after=SEQ" pages by.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "platform/demo-data.h"
#include "platform/demo-server-private.h"
#include "platform/platforms.h"
#include "text.h"
#include "util.h"

#define SRV_MAX_URL	2048
#define SRV_MAX_BODY	(64 * 1024)
#define SRV_MAX_KEY	200
#define SRV_MAX_SEGS	5
#define SRV_PAGE_DEF	50
#define SRV_PAGE_MAX	100
#define SRV_PAGE_LIMIT	8000	/* "page" flavour, code points */
#define SRV_SOCIAL_LIMIT 300	/* "social" flavour, graphemes */
#define SRV_SOCIAL_BYTES 3000
#define SRV_HOST	"https://demo.example"

/* One request being answered. */
struct srv_req {
	struct demo_server		*s;
	const struct platform_request	*r;
	size_t				 account;
	char				*path;	/* owned copy, split in place */
	const char			*query;
	const char			*segs[SRV_MAX_SEGS];
	size_t				 nsegs;
	long				 status;
	char				*out;
};

/* Format a time as RFC 3339 UTC ("2026-11-20T09:15:00Z"). */
static void
srv_format_time(int64_t t, char *out, size_t len)
{
	struct tm	tm;
	time_t		tt;

	if (t < 0)
		t = 0;
	if (t > INT64_C(253402300799))	/* 9999-12-31T23:59:59Z */
		t = INT64_C(253402300799);
	tt = (time_t)t;
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, len, "1970-01-01T00:00:00Z");
}

/* Make a JSON string, replacing invalid UTF-8 as a server would. */
static json_t *
srv_json_str(const char *s)
{
	struct buf	 b;
	json_t		*j;
	size_t		 len, off, n;
	uint32_t	 cp;
	char		 enc[4];

	if (s == NULL)
		return json_null();
	len = strlen(s);
	if ((j = json_stringn(s, len)) != NULL)
		return j;
	buf_init(&b, 0);
	for (off = 0; off < len; off += n) {
		n = text_decode(s + off, len - off, &cp);
		buf_add(&b, enc, text_encode(cp, enc));
	}
	j = json_stringn(b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return j != NULL ? j : json_string("");
}

/* Make a JSON timestamp. */
static json_t *
srv_json_time(int64_t t)
{
	char	tbuf[32];

	srv_format_time(t, tbuf, sizeof tbuf);
	return json_string(tbuf);
}

/* Build the JSON of a post. */
static json_t *
srv_post_json(const struct srv_post *p)
{
	const struct demo_account	*a = &demo_accounts[p->account];
	json_t				*o;
	char				*link;

	link = xprintf("%s/%s/posts/%s", SRV_HOST, a->handle, p->id);
	o = json_object();
	json_object_set_new(o, "id", srv_json_str(p->id));
	json_object_set_new(o, "author", json_pack("{s:o,s:o}",
	    "name", srv_json_str(a->display),
	    "handle", srv_json_str(a->handle)));
	json_object_set_new(o, "created_at", srv_json_time(p->created));
	json_object_set_new(o, "text", srv_json_str(p->text));
	json_object_set_new(o, "own", json_true());
	json_object_set_new(o, "permalink", srv_json_str(link));
	free(link);
	return o;
}

/* Build the JSON of an item: a tombstone once it is deleted. */
static json_t *
srv_item_json(const struct demo_server *s, const struct srv_item *it)
{
	const struct srv_post	*p = &s->posts[it->post];
	json_t			*o;
	char			*link;

	o = json_object();
	json_object_set_new(o, "id", srv_json_str(it->id));
	json_object_set_new(o, "post", srv_json_str(p->id));
	json_object_set_new(o, "created_at", srv_json_time(it->created));
	json_object_set_new(o, "deleted", json_boolean(it->deleted));
	if (it->deleted)
		return o;
	link = xprintf("%s/%s/posts/%s?comment=%s", SRV_HOST,
	    demo_accounts[p->account].handle, p->id, it->id);
	json_object_set_new(o, "parent", srv_json_str(it->parent));
	json_object_set_new(o, "author", json_pack("{s:o,s:o}",
	    "name", srv_json_str(it->author),
	    "handle", srv_json_str(it->handle)));
	json_object_set_new(o, "lang", srv_json_str(it->lang));
	json_object_set_new(o, "text", srv_json_str(it->text));
	json_object_set_new(o, "own", json_boolean(it->own));
	json_object_set_new(o, "hidden", json_boolean(it->hidden));
	json_object_set_new(o, "liked", json_boolean(it->liked));
	json_object_set_new(o, "like_count", json_integer(it->like_count));
	json_object_set_new(o, "permalink", srv_json_str(link));
	free(link);
	return o;
}

/* Set the answer to a JSON document (which is consumed). */
static void
srv_reply(struct srv_req *q, long status, json_t *doc)
{
	char	*s;

	s = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (s == NULL)
		fatal("cannot encode a demo server answer");
	free(q->out);
	q->out = s;
	q->status = status;
}

/* Answer with an error document. */
static void
srv_error(struct srv_req *q, long status, const char *code,
    const char *message)
{
	srv_reply(q, status, json_pack("{s:{s:s,s:s}}", "error",
	    "code", code, "message", message));
}

/* Parse one numeric query parameter into *out; 0, or -1 if bad. */
static int
srv_query_int(const char *val, size_t len, int64_t min, int64_t max,
    int64_t *out)
{
	char	tmp[24];

	if (len == 0 || len >= sizeof tmp)
		return -1;
	memcpy(tmp, val, len);
	tmp[len] = '\0';
	return util_parse_int(tmp, min, max, out);
}

/* Read after=, since= and limit= from the query; 0, or -1 if bad. */
static int
srv_inbox_query(const char *q, int64_t *after, int64_t *since,
    int64_t *limit)
{
	const char	*p, *amp, *eq;
	size_t		 klen, vlen;
	int		 rc = 0;

	for (p = q; rc == 0 && p != NULL && *p != '\0'; p = amp) {
		amp = strchr(p, '&');
		klen = amp != NULL ? (size_t)(amp - p) : strlen(p);
		if (amp != NULL)
			amp++;
		if ((eq = memchr(p, '=', klen)) == NULL)
			continue;	/* a flag with no value: ignored */
		vlen = klen - (size_t)(eq - p) - 1;
		klen = (size_t)(eq - p);
		if (klen == 5 && memcmp(p, "after", 5) == 0)
			rc = srv_query_int(eq + 1, vlen, 0, INT64_MAX, after);
		else if (klen == 5 && memcmp(p, "since", 5) == 0)
			rc = srv_query_int(eq + 1, vlen, INT64_MIN / 2,
			    INT64_MAX / 2, since);
		else if (klen == 5 && memcmp(p, "limit", 5) == 0)
			rc = srv_query_int(eq + 1, vlen, 1, SRV_PAGE_MAX,
			    limit);
	}
	return rc;
}

static const struct srv_item *srv_sort_items;	/* qsort has no context */

/* Compare two item indices by sequence number for qsort. */
static int
srv_qsort_seq(const void *a, const void *b)
{
	const struct srv_item	*v = srv_sort_items;
	size_t			 i = *(const size_t *)a;
	size_t			 j = *(const size_t *)b;

	if (v[i].seq != v[j].seq)
		return v[i].seq < v[j].seq ? -1 : 1;
	return 0;
}

/* Collect, in sequence order, the items a page may hold; return count. */
static size_t
srv_changed(struct demo_server *s, size_t account, int64_t after,
    int64_t since, size_t **out)
{
	struct srv_item	*it;
	size_t		*v, n = 0, i;

	v = xcalloc(s->nitems, sizeof *v);
	for (i = 0; i < s->nitems; i++) {
		it = &s->items[i];
		if (it->seq <= after || it->created < since ||
		    s->posts[it->post].account != account)
			continue;
		v[n++] = i;
	}
	srv_sort_items = s->items;
	qsort(v, n, sizeof *v, srv_qsort_seq);
	srv_sort_items = NULL;
	*out = v;
	return n;
}

/* Add a post to the page's posts unless it is there already. */
static void
srv_page_post(const struct demo_server *s, json_t *posts, size_t *seen,
    size_t *nseen, size_t post)
{
	size_t	i;

	for (i = 0; i < *nseen; i++) {
		if (seen[i] == post)
			return;
	}
	seen[(*nseen)++] = post;
	json_array_append_new(posts, srv_post_json(&s->posts[post]));
}

/*
 * Answer GET .../v1/inbox: one page of what changed after a cursor.
 * "next" is always where the stream goes on from (now or at the next
 * sync); "more" says whether more is waiting right now.
 */
static void
srv_inbox(struct srv_req *q)
{
	struct demo_server	*s = q->s;
	const struct srv_item	*it = NULL;
	json_t			*items, *posts;
	size_t			*v, *seen, n, i, nseen = 0;
	int64_t			 after = 0, since = INT64_MIN, limit;
	int			 more;
	char			 next[24];

	limit = SRV_PAGE_DEF;
	if (srv_inbox_query(q->query, &after, &since, &limit) != 0) {
		srv_error(q, 400, "invalid_parameter",
		    "after, since and limit must be numbers (limit 1-100)");
		return;
	}
	n = srv_changed(s, q->account, after, since, &v);
	if ((more = n > (size_t)limit))
		n = (size_t)limit;
	seen = xcalloc(n, sizeof *seen);
	items = json_array();
	posts = json_array();
	for (i = 0; i < n; i++) {
		it = &s->items[v[i]];
		if (!it->deleted)
			srv_page_post(s, posts, seen, &nseen, it->post);
		json_array_append_new(items, srv_item_json(s, it));
	}
	snprintf(next, sizeof next, "%lld", (long long)(more ? it->seq :
	    s->seq));
	srv_reply(q, 200, json_pack("{s:o,s:o,s:s,s:b}", "posts", posts,
	    "items", items, "next", next, "more", more));
	free(seen);
	free(v);
}

/* Return 1 if an idempotency key is acceptable. */
static int
srv_valid_key(const char *k)
{
	size_t	len = strlen(k);

	return len > 0 && len <= SRV_MAX_KEY && text_valid_utf8(k, len);
}

/* Return 1 if a reply text is empty or blank. */
static int
srv_blank(const char *t)
{
	for (; *t != '\0'; t++) {
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return 0;
	}
	return 1;
}

/* Check a reply's text against the flavour's limit; 0 or -1 (answered). */
static int
srv_check_text(struct srv_req *q, const char *text)
{
	const char	*flavour = demo_accounts[q->account].flavour;
	char		*msg;

	if (srv_blank(text)) {
		srv_error(q, 400, "invalid_text", "the reply is empty");
		return -1;
	}
	if (strcmp(flavour, "social") == 0) {
		if (strlen(text) <= SRV_SOCIAL_BYTES &&
		    text_graphemes(text) <= SRV_SOCIAL_LIMIT)
			return 0;
		msg = xprintf("the reply is longer than %d characters",
		    SRV_SOCIAL_LIMIT);
	} else {
		if (text_codepoints(text) <= SRV_PAGE_LIMIT)
			return 0;
		msg = xprintf("the reply is longer than %d characters",
		    SRV_PAGE_LIMIT);
	}
	srv_error(q, 400, "text_too_long", msg);
	free(msg);
	return -1;
}

/* Find an earlier reply of this account made with the same key. */
static struct srv_item *
srv_find_key(struct demo_server *s, size_t account, const char *key)
{
	size_t	i;

	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].client_key != NULL &&
		    s->posts[s->items[i].post].account == account &&
		    strcmp(s->items[i].client_key, key) == 0)
			return &s->items[i];
	}
	return NULL;
}

/* Create the reply item under a comment. */
static struct srv_item *
srv_new_reply(struct demo_server *s, size_t target, const char *text,
    const char *key)
{
	const struct demo_account	*a;
	struct srv_item			*it, *t;
	size_t				 post = s->items[target].post;

	a = &demo_accounts[s->posts[post].account];
	it = demo_server_add_item(s);		/* may move s->items */
	t = &s->items[target];
	it->id = xprintf("r-%s-%04lld", s->run, (long long)++s->replies);
	it->parent = xstrdup(t->id);
	it->author = xstrdup(a->display);
	it->handle = xstrdup(a->handle);
	it->text = xstrdup(text);
	it->client_key = demo_server_dup(key);
	it->post = post;
	it->created = demo_server_now(s);
	it->own = 1;
	demo_server_touch(s, it);
	return it;
}

/* Answer with a created (or earlier created) reply. */
static void
srv_reply_created(struct srv_req *q, long status, const struct srv_item *it)
{
	srv_reply(q, status, json_pack("{s:o,s:o,s:o}",
	    "id", srv_json_str(it->id),
	    "created_at", srv_json_time(it->created),
	    "item", srv_item_json(q->s, it)));
}

/* Read the text and client key of a reply body; 0 or -1 (answered). */
static int
srv_reply_body(struct srv_req *q, json_t **doc, const char **text,
    const char **key)
{
	json_t	*t, *k;

	*key = NULL;
	*doc = q->r->body != NULL ? json_loads(q->r->body, 0, NULL) : NULL;
	if (!json_is_object(*doc)) {
		json_decref(*doc);
		srv_error(q, 400, "invalid_body",
		    "the body must be a JSON object with \"text\"");
		return -1;
	}
	t = json_object_get(*doc, "text");
	k = json_object_get(*doc, "client_key");
	if (!json_is_string(t) || (k != NULL && !json_is_null(k) &&
	    (!json_is_string(k) || !srv_valid_key(json_string_value(k))))) {
		json_decref(*doc);
		srv_error(q, 400, "invalid_body", "\"text\" must be a string "
		    "and \"client_key\" a string of 1-200 bytes");
		return -1;
	}
	*text = json_string_value(t);
	if (json_is_string(k))
		*key = json_string_value(k);
	return 0;
}

/* Answer POST .../comments/ID/replies, exactly once per client key. */
static void
srv_replies(struct srv_req *q, struct srv_item *target)
{
	struct srv_item	*prev;
	json_t		*doc = NULL;
	const char	*text, *key;
	size_t		 t = (size_t)(target - q->s->items);

	if (srv_reply_body(q, &doc, &text, &key) != 0)
		return;
	if (key != NULL &&
	    (prev = srv_find_key(q->s, q->account, key)) != NULL) {
		if (strcmp(prev->parent, target->id) == 0)
			srv_reply_created(q, 200, prev);
		else
			srv_error(q, 409, "idempotency_key_reused", "the "
			    "client key was used for a different reply");
	} else if (target->deleted)
		srv_error(q, 410, "gone", "the comment was deleted");
	else if (srv_check_text(q, text) == 0)
		srv_reply_created(q, 201, srv_new_reply(q->s, t, text, key));
	json_decref(doc);
}

/* Delete an item, and on the page flavour its replies with it. */
static void
srv_delete(struct demo_server *s, struct srv_item *it, int cascade)
{
	size_t	i;

	if (it->deleted)
		return;
	it->deleted = 1;
	free(it->text);
	it->text = NULL;
	demo_server_touch(s, it);
	if (!cascade)
		return;
	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].seq != 0 && s->items[i].parent != NULL &&
		    strcmp(s->items[i].parent, it->id) == 0)
			srv_delete(s, &s->items[i], cascade);
	}
}

/* Apply like/unlike/hide/unhide; 0, or -1 when already answered. */
static int
srv_toggle(struct srv_req *q, struct srv_item *it, const char *verb)
{
	int	on = strncmp(verb, "un", 2) != 0;
	int	*flag;

	if (strcmp(verb, "like") == 0 || strcmp(verb, "unlike") == 0) {
		flag = &it->liked;
	} else if (strcmp(demo_accounts[q->account].flavour, "page") != 0) {
		srv_error(q, 400, "unsupported", "this platform cannot hide "
		    "replies to your posts");
		return -1;
	} else if (it->own) {
		srv_error(q, 400, "unsupported",
		    "you cannot hide your own replies");
		return -1;
	} else
		flag = &it->hidden;
	if (*flag == on)
		return 0;	/* idempotent: nothing changes */
	*flag = on;
	if (flag == &it->liked)
		it->like_count += on ? 1 : (it->like_count > 0 ? -1 : 0);
	demo_server_touch(q->s, it);
	return 0;
}

/* Answer a request on one comment: .../comments/ID[/VERB]. */
static void
srv_comment(struct srv_req *q)
{
	const char	*method = q->r->method, *verb;
	struct srv_item	*it;
	int		 del;

	verb = q->nsegs == 4 ? q->segs[3] : NULL;
	if (verb != NULL && strcmp(verb, "replies") != 0 &&
	    strcmp(verb, "like") != 0 && strcmp(verb, "unlike") != 0 &&
	    strcmp(verb, "hide") != 0 && strcmp(verb, "unhide") != 0) {
		srv_error(q, 404, "not_found", "no such endpoint");
		return;
	}
	del = verb == NULL;
	if (strcmp(method, del ? "DELETE" : "POST") != 0) {
		srv_error(q, 405, "method_not_allowed", del ?
		    "use DELETE on a comment" : "use POST for this action");
		return;
	}
	it = demo_server_find_item(q->s, q->account, q->segs[2]);
	if (it == NULL) {
		srv_error(q, 404, "not_found", "no such comment");
		return;
	}
	if (verb != NULL && strcmp(verb, "replies") == 0) {
		srv_replies(q, it);
		return;
	}
	if (it->deleted) {
		srv_error(q, 410, "gone", "the comment was deleted");
		return;
	}
	if (del)
		srv_delete(q->s, it,
		    strcmp(demo_accounts[q->account].flavour, "page") == 0);
	else if (srv_toggle(q, it, verb) != 0)
		return;
	srv_reply(q, 200, json_pack("{s:b}", "ok", 1));
}

/* Return 1 if a URL holds only printable ASCII without spaces. */
static int
srv_clean_url(const char *url)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p <= ' ' || *p >= 0x7f || *p == '#')
			return 0;
	}
	return 1;
}

/* Split "demo://ACCOUNT/a/b?q" into account, segments and query. */
static int
srv_parse_url(struct srv_req *q, const char *url)
{
	const char	*acct, *slash;
	char		*p, *qm;

	if (strlen(url) > SRV_MAX_URL || !srv_clean_url(url) ||
	    !demo_server_serves(url))
		return -1;
	acct = url + strlen(DEMO_SERVER_SCHEME);
	if ((slash = strchr(acct, '/')) == NULL || slash == acct)
		return -1;
	q->account = demo_server_find_account(acct, (size_t)(slash - acct));
	q->path = xstrdup(slash + 1);
	if ((qm = strchr(q->path, '?')) != NULL)
		*qm++ = '\0';
	q->query = qm != NULL ? qm : "";
	for (p = q->path; p != NULL; p = qm) {
		if ((qm = strchr(p, '/')) != NULL)
			*qm++ = '\0';
		if (q->nsegs == SRV_MAX_SEGS || *p == '\0')
			return -1;
		q->segs[q->nsegs++] = p;
	}
	return 0;
}

/* Route a parsed request to its handler. */
static void
srv_route(struct srv_req *q)
{
	if (q->account == SIZE_MAX) {
		srv_error(q, 404, "not_found", "no such account");
		return;
	}
	if (strcmp(q->segs[0], "v1") != 0) {
		srv_error(q, 404, "not_found", "unknown API version");
		return;
	}
	if (q->nsegs == 2 && strcmp(q->segs[1], "inbox") == 0) {
		if (strcmp(q->r->method, "GET") == 0)
			srv_inbox(q);
		else
			srv_error(q, 405, "method_not_allowed",
			    "use GET on the inbox");
		return;
	}
	if ((q->nsegs == 3 || q->nsegs == 4) &&
	    strcmp(q->segs[1], "comments") == 0) {
		srv_comment(q);
		return;
	}
	srv_error(q, 404, "not_found", "no such endpoint");
}

/* Answer one request; a bad request gets a 4xx answer. */
void
demo_server_handle(struct demo_server *s, const struct platform_request *r,
    int64_t now, long *status, char **body)
{
	struct srv_req	q;

	if (s != NULL && now > s->now)
		s->now = now;
	memset(&q, 0, sizeof q);
	q.s = s;
	q.r = r;
	if (s == NULL || r == NULL || r->method == NULL || r->url == NULL)
		srv_error(&q, 400, "bad_request", "no method or URL");
	else if (srv_parse_url(&q, r->url) != 0)
		srv_error(&q, 400, "bad_request", "malformed URL");
	else if (r->body != NULL && strlen(r->body) > SRV_MAX_BODY)
		srv_error(&q, 413, "too_large", "the body is too large");
	else if (r->authorization == NULL ||
	    strncmp(r->authorization, "Bearer ", 7) != 0 ||
	    r->authorization[7] == '\0')
		srv_error(&q, 401, "unauthorized", "an access token is needed");
	else if (strncmp(r->authorization + 7, "revoked", 7) == 0)
		srv_error(&q, 401, "token_revoked", "the access token was "
		    "revoked");
	else
		srv_route(&q);
	free(q.path);
	*status = q.status;
	*body = q.out;
}
