/*
 * graph-fixture.c -- what the Graph API adapter's tests share (see
 * graph-fixture.h).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json.h"
#include "model.h"
#include "platform.h"
#include "platform/graph-private.h"
#include "text.h"
#include "transport.h"
#include "util.h"

#include "data.h"
#include "graph-fixture.h"
#include "request.h"

/* The Page, with a session open, the day after the feed sample. */
const struct platform_account fb_page = {
	.id = 3,
	.name = "devs-fb",
	.handle = "Facebook for Developers",
	.base_url = NULL,
	.version = NULL,
	.history_days = 30,
	.recheck = 3600,
	.now = 1626091200,		/* 2021-07-12T12:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = PAGE_ID,
	.service = NULL
};

/* The Page "4" of user_posts_time_paging_page1_emoji.json, a day on. */
const struct platform_account fb_four = {
	.id = 5,
	.name = "four",
	.handle = "Four",
	.history_days = 30,
	.recheck = 3600,
	.now = 1625443200,		/* 2021-07-05T00:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = "4"
};

/* The Page "MyLife", two days after the comment with every field. */
const struct platform_account fb_mylife = {
	.id = 6,
	.name = "mylife",
	.handle = "MyLife",
	.base_url = "https://graph.facebook.com/",
	.version = "v26.0",
	.history_days = 0,
	.recheck = 3600,
	.now = 1627171200,		/* 2021-07-25T00:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = MYLIFE_ID
};

/* The Instagram account, the day after the media sample. */
const struct platform_account ig_acct = {
	.id = 4,
	.name = "devs-ig",
	.handle = "ikroskun",
	.history_days = 30,
	.recheck = 3600,
	.now = 1628899200,		/* 2021-08-14T00:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = IG_ID
};

/*
 * Every recorded sample, and what reads it. sample() refuses a file that
 * is not listed here, and test_graph_every_sample_is_listed (test-graph.c)
 * fails if a file of the directories is missing from the table.
 */
const struct graph_sample graph_samples[] = {
	{ "facebook/comment_create_response.json", "facebook_action_parse" },
	{ "facebook/comment_node_all_fields.json", "facebook_fetch_parse" },
	{ "facebook/debug_token_response.json", "graph_debug_parse" },
	{ "facebook/error_100_missing_pages_read_engagement.json",
	    "classify" },
	{ "facebook/error_190_463_session_expired.json", "classify" },
	{ "facebook/error_190_493_not_engaged_90_days.json", "classify" },
	{ "facebook/error_200_permissions_error.json", "classify" },
	{ "facebook/error_283_requires_pages_read_engagement.json",
	    "classify" },
	{ "facebook/error_368_abusive_content_converted.json", "classify" },
	{ "facebook/error_4_application_request_limit.json", "classify" },
	{ "facebook/header_x_app_usage.json", "graph_pace" },
	{ "facebook/header_x_business_use_case_usage_messenger.json",
	    "graph_pace" },
	{ "facebook/header_x_business_use_case_usage_pages.json",
	    "graph_pace" },
	{ "facebook/me_accounts_page_tokens_cjk.json", "graph_pages_parse" },
	{ "facebook/oauth_long_lived_token_response.json",
	    "graph_poll_parse" },
	{ "facebook/page_feed_attachments_cursor_page1.json",
	    "facebook_sync_parse" },
	{ "facebook/page_post_single_cjk.json", "facebook_sync_parse" },
	{ "facebook/post_comments_stream_summary_page1.json",
	    "facebook_fetch_parse" },
	{ "facebook/post_comments_stream_summary_page2_last.json",
	    "facebook_fetch_parse" },
	{ "facebook/user_posts_time_paging_page1_emoji.json",
	    "facebook_sync_parse" },
	{ "instagram/comment_node_fields.json", "instagram_fetch_parse" },
	{ "instagram/comment_node_with_replies.json",
	    "instagram_fetch_parse" },
	{ "instagram/comment_replies.json", "instagram_fetch_parse, "
	    "instagram_reconcile_parse" },
	{ "instagram/comment_reply_create_response_docs.json",
	    "instagram_action_parse" },
	{ "instagram/media_comments_page1.json", "instagram_fetch_parse" },
	{ "instagram/media_comments_page2_last.json",
	    "instagram_fetch_parse" },
	{ "instagram/media_node_carousel.json", "instagram_sync_parse" },
	{ "instagram/user_fields.json", "session_parse" },
	{ "instagram/user_media_page1.json", "instagram_sync_parse" },
	{ "instagram/user_mentioned_comment.json", "instagram_fetch_parse" },
	{ "instagram/user_mentioned_media.json", "instagram_sync_parse" },
	{ "instagram/user_tags.json", "instagram_sync_parse" },
};
const size_t graph_nsamples = nitems(graph_samples);

/* Read a listed sample ("facebook/x.json") into a new string. */
char *
sample(const char *name, size_t *lenp)
{
	size_t	i;

	for (i = 0; i < nitems(graph_samples); i++) {
		if (strcmp(graph_samples[i].file, name) == 0)
			break;
	}
	if (i == nitems(graph_samples))
		fail_msg("%s is not in the samples table", name);
	return data_read(name, lenp);
}

/* Parse a JSON text (asserts it parses). */
json_t *
json_of(const char *text)
{
	json_t	*doc = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

	assert_non_null(doc);
	return doc;
}

/* A sample as a JSON document. */
json_t *
sample_json(const char *name)
{
	char	*text = sample(name, NULL);
	json_t	*doc = json_of(text);

	free(text);
	return doc;
}

/* Dump a document compactly and release it; a new string. */
char *
dump(json_t *doc)
{
	char	*s = json_dumps(doc, JSON_COMPACT | JSON_ENCODE_ANY);

	assert_non_null(s);
	json_decref(doc);
	return s;
}

/* {"data":[o]}, taking o. */
char *
wrap_data(json_t *o)
{
	return dump(json_pack("{s:[o]}", "data", o));
}

/* A single-object sample wrapped as a one-entry list: {"data":[...]}. */
char *
sample_in_data(const char *name)
{
	return wrap_data(sample_json(name));
}

/* The member of a sample wrapped as a one-entry list. */
char *
sample_member_in_data(const char *name, const char *member)
{
	json_t	*doc = sample_json(name), *o;

	o = json_object_get(doc, member);
	assert_non_null(o);
	json_incref(o);
	json_decref(doc);
	return wrap_data(o);
}

/* A response, lent. */
struct platform_response
answer(long status, const char *body)
{
	struct platform_response	res;

	memset(&res, 0, sizeof res);
	res.status = status;
	res.body = body;
	res.len = body != NULL ? strlen(body) : 0;
	return res;
}

/*
 * A network failure as the transport reports it: no status, the error
 * a field of the response and the transport's words its message, lent.
 */
struct platform_response
network_failure(const char *message)
{
	struct platform_response	res = answer(0, "");

	res.error = TRANSPORT_ERR_DNS;
	res.message = message;
	return res;
}

/* Return 1 if s holds nothing a terminal would act on. */
int
clean(const char *s)
{
	const unsigned char	*p;

	if (s == NULL)
		return 1;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			return 0;
	}
	return strstr(s, "\xe2\x80\xae") == NULL &&	/* RLO */
	    strstr(s, "\xe2\x81\xa6") == NULL &&	/* LRI */
	    strstr(s, "\xe2\x80\x8f") == NULL &&	/* RLM */
	    strstr(s, "\xc2\x9b") == NULL &&		/* CSI */
	    strstr(s, "\xc2\x9d") == NULL &&		/* OSC */
	    text_valid_utf8(s, strlen(s));
}

/* Return 1 if s holds no newline either (one-line fields, causes). */
int
clean_line(const char *s)
{
	return clean(s) && (s == NULL || strchr(s, '\n') == NULL);
}

/* Every text of a page is clean; names and causes are one line. */
void
assert_page_clean(const struct sync_page *page)
{
	const struct item	*it;
	size_t			 i;

	for (i = 0; i < page->items.n; i++) {
		it = &page->items.v[i];
		assert_true(clean(it->text));
		assert_true(clean_line(it->author_name));
		assert_true(clean_line(it->author_handle));
		assert_true(clean_line(it->permalink));
		assert_true(clean_line(it->attachment));
		assert_true(graph_valid_id(it->remote_id));
		assert_true(graph_valid_id(it->post_remote_id));
		if (it->parent_remote_id != NULL)
			assert_true(graph_valid_id(it->parent_remote_id));
	}
	for (i = 0; i < page->nposts; i++) {
		assert_true(clean(page->posts[i].text));
		assert_true(clean_line(page->posts[i].author_name));
		assert_true(graph_valid_id(page->posts[i].remote_id));
	}
	assert_true(clean_line(page->next_cursor));
	assert_true(clean_line(page->notice));
}

/* Check a built request member by member (NULL: must be absent). */
void
assert_request(const struct platform_request *req, const char *method,
    const char *url, const char *body, const char *content_type)
{
	assert_string_equal(req->method, method);
	assert_string_equal(req->url, url);
	if (body == NULL)
		assert_null(req->body);
	else
		assert_string_equal(req->body, body);
	if (content_type == NULL)
		assert_null(req->content_type);
	else
		assert_string_equal(req->content_type, content_type);
	assert_string_equal(req->authorization, "Bearer page-token");
}

/* Find an item of a page by its remote id; NULL if absent. */
const struct item *
find_item(const struct sync_page *page, const char *id)
{
	size_t	i;

	for (i = 0; i < page->items.n; i++) {
		if (strcmp(page->items.v[i].remote_id, id) == 0)
			return &page->items.v[i];
	}
	return NULL;
}

/* Run a stream's request with a cursor, then parse an answer to it. */
int
stream(const struct platform_ops *ops, const struct platform_account *pa,
    const char *name, const char *cursor, long status, const char *body,
    struct sync_page *page, char **cause)
{
	struct platform_account		at = *pa;
	struct platform_request		req;
	struct platform_response	res = answer(status, body);

	memset(page, 0, sizeof *page);
	if (cause != NULL)
		*cause = NULL;
	at.cursor = cursor;	/* as the engine hands it to both */
	assert_int_equal(sync_request_at(ops, &at, name, cursor, &req, NULL),
	    0);
	platform_request_clear(&req);
	return ops->sync_parse(&at, name, &res, page, cause);
}

/* Parse a fetch key's answer. */
int
fetch(const struct platform_ops *ops, const struct platform_account *pa,
    const char *key, long status, const char *body, struct sync_page *page,
    char **cause)
{
	struct platform_request		req;
	struct platform_response	res = answer(status, body);

	memset(page, 0, sizeof *page);
	if (cause != NULL)
		*cause = NULL;
	assert_int_equal(ops->fetch_request(pa, key, &req, NULL), 0);
	platform_request_clear(&req);
	return ops->fetch_parse(pa, key, &res, page, cause);
}

/* The request of a stream, for a cursor; its URL as a new string. */
char *
stream_url(const struct platform_ops *ops, const struct platform_account *pa,
    const char *name, const char *cursor)
{
	struct platform_account	at = *pa;
	struct platform_request	req;
	char			*url;

	at.cursor = cursor;
	assert_int_equal(sync_request_at(ops, &at, name, cursor, &req, NULL),
	    0);
	assert_string_equal(req.method, "GET");
	assert_null(req.body);
	assert_string_equal(req.authorization, "Bearer page-token");
	url = xstrdup(req.url);
	platform_request_clear(&req);
	return url;
}

/* An outbox entry acting on a target, with its stored extra data. */
struct outbox_entry
entry(int kind, const char *target, const char *body, const char *extra,
    int64_t created)
{
	struct outbox_entry	e;

	memset(&e, 0, sizeof e);
	e.id = 42;
	e.account_id = 3;
	e.item_id = 5;
	e.kind = kind;
	e.target_remote_id = (char *)target;
	e.body = (char *)body;
	e.idem_key = (char *)"idem-1";
	e.target_extra = (char *)extra;
	e.created = created;
	return e;
}

/* A body of n bytes: prefix, filler, suffix. */
char *
big_body(const char *prefix, char fill, size_t n, const char *suffix)
{
	size_t	 p = strlen(prefix), s = strlen(suffix);
	char	*b;

	assert_true(n > p + s);
	b = malloc(n + 1);
	assert_non_null(b);
	memcpy(b, prefix, p);
	memset(b + p, fill, n - p - s);
	memcpy(b + n - s, suffix, s);
	b[n] = '\0';
	return b;
}

/* No JSON document may outlive a test. */
int
no_live_documents(void **state)
{
	(void)state;
	return jdoc_live() == 0 ? 0 : -1;
}

/* The answer a case gives: its "status" and its payload, lent. */
struct platform_response
case_answer(const struct data_case *c)
{
	struct platform_response	res;

	res = answer(data_case_long(c, "status"), NULL);
	res.body = c->body;
	res.len = c->body != NULL ? c->len : 0;
	return res;
}

/* The platform a case names ("platform: facebook"). */
const struct platform_ops *
case_ops(const struct data_case *c)
{
	const char			*name = data_case_str(c, "platform");
	const struct platform_ops	*ops;

	if (name == NULL || (ops = platform_find(name)) == NULL)
		fail_msg("%s: no platform", data_case_where(c));
	return ops;
}

/* The action a key of a case names ("reply", "delete"); def if none. */
int
case_action(const struct data_case *c, const char *key, int def)
{
	static const char *const names[] = {
		[ACTION_REPLY] = "reply",
		[ACTION_LIKE] = "like",
		[ACTION_UNLIKE] = "unlike",
		[ACTION_HIDE] = "hide",
		[ACTION_UNHIDE] = "unhide",
		[ACTION_DELETE] = "delete",
		[ACTION_PRIVATE_REPLY] = "private-reply",
	};
	const char	*s = data_case_str(c, key);
	size_t		 i;

	if (s == NULL)
		return def;
	for (i = 0; i < nitems(names); i++) {
		if (strcmp(names[i], s) == 0)
			return (int)i;
	}
	fail_msg("%s: %s: not an action: %s", data_case_where(c), key, s);
	return -1;
}

/* The names of the kinds of item, as files of cases write them. */
static const char *const item_kinds[] = {
	[ITEM_COMMENT] = "comment",
	[ITEM_REPLY] = "reply",
	[ITEM_MENTION] = "mention",
	[ITEM_QUOTE] = "quote",
};

/* Check a key of a case that names a string or "none" (NULL). */
static void
case_check_str(const struct data_case *c, const char *key, const char *got)
{
	const char	*want = data_case_str(c, key);

	if (want == NULL)
		return;
	if (strcmp(want, "none") == 0 ? got != NULL : (got == NULL ||
	    strcmp(got, want) != 0))
		fail_msg("%s: %s \"%s\", want \"%s\"", data_case_where(c), key,
		    got != NULL ? got : "none", want);
}

/* Check a key of a case that names a number. */
static void
case_check_long(const struct data_case *c, const char *key, long long got)
{
	if (data_case_str(c, key) != NULL && data_case_long(c, key) != got)
		fail_msg("%s: %s %lld, want %ld", data_case_where(c), key, got,
		    data_case_long(c, key));
}

/* Check a key of a case that lists words, one a space ("none": NULL). */
static void
case_check_list(const struct data_case *c, const char *key,
    const char *const *v, size_t n)
{
	struct buf	b;
	size_t		i;

	if (data_case_str(c, key) == NULL)
		return;
	buf_init(&b, 0);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "",
		    v[i] != NULL ? v[i] : "none");
	buf_addch(&b, '\0');
	case_check_str(c, key, b.data);
	buf_free(&b);
}

/*
 * Check an item against a case's keys of one: "kind", "parent", "own",
 * "hidden", "liked", "like-count", "created", "author", "handle", "text",
 * "permalink", "attachment", "extra".
 */
void
assert_item_case(const struct data_case *c, const struct item *it)
{
	assert_in_range(it->kind, 0, nitems(item_kinds) - 1);
	case_check_str(c, "kind", item_kinds[it->kind]);
	case_check_str(c, "parent", it->parent_remote_id);
	case_check_long(c, "own", it->own);
	case_check_long(c, "hidden", it->hidden);
	case_check_long(c, "liked", it->liked);
	case_check_long(c, "like-count", it->like_count);
	case_check_long(c, "created", it->created);
	case_check_str(c, "author", it->author_name);
	case_check_str(c, "handle", it->author_handle);
	case_check_str(c, "text", it->text);
	case_check_str(c, "permalink", it->permalink);
	case_check_str(c, "attachment", it->attachment);
	case_check_str(c, "extra", it->extra);
}

/* Check the items of a page against a case's "ids", "parents", "kinds". */
static void
case_check_items(const struct data_case *c, const struct sync_page *page)
{
	const char	**ids, **parents, **kind;
	size_t		  i, n = page->items.n;

	ids = calloc(n + 1, sizeof *ids);
	parents = calloc(n + 1, sizeof *parents);
	kind = calloc(n + 1, sizeof *kind);
	assert_true(ids != NULL && parents != NULL && kind != NULL);
	for (i = 0; i < n; i++) {
		ids[i] = page->items.v[i].remote_id;
		parents[i] = page->items.v[i].parent_remote_id;
		assert_in_range(page->items.v[i].kind, 0,
		    nitems(item_kinds) - 1);
		kind[i] = item_kinds[page->items.v[i].kind];
	}
	case_check_long(c, "items", (long long)n);
	case_check_list(c, "ids", ids, n);
	case_check_list(c, "parents", parents, n);
	case_check_list(c, "kinds", kind, n);
	free(ids);
	free(parents);
	free(kind);
}

/*
 * Check a page against what a case says of it: its items ("items", "ids",
 * "parents", "kinds"), "posts", "fetch" (the keys, one a space), "more",
 * "cursor", "sweep", "sweep-first" and "notice"; the keys of an item
 * (assert_item_case) check its first item. A key the case leaves out is
 * not checked; every page must be clean.
 */
void
assert_page_case(const struct data_case *c, const struct sync_page *page)
{
	static const char *const item_keys[] = {
		"kind", "parent", "own", "hidden", "liked", "like-count",
		"created", "author", "handle", "text", "permalink",
		"attachment", "extra",
	};
	size_t	i;

	case_check_items(c, page);
	if (page->items.n > 0)
		assert_item_case(c, &page->items.v[0]);
	for (i = 0; page->items.n == 0 && i < nitems(item_keys); i++) {
		if (data_case_str(c, item_keys[i]) != NULL)
			fail_msg("%s: %s, but no item", data_case_where(c),
			    item_keys[i]);
	}
	case_check_long(c, "posts", (long long)page->nposts);
	case_check_list(c, "fetch", (const char *const *)page->fetch,
	    page->nfetch);
	case_check_long(c, "more", page->more);
	case_check_str(c, "cursor", page->next_cursor);
	case_check_str(c, "sweep", page->sweep);
	case_check_long(c, "sweep-first", page->sweep_first);
	case_check_str(c, "notice", page->notice);
	assert_page_clean(page);
}

/*
 * The outbox entry of a case: its "kind" (reply if none), "target",
 * "extra" and "text", each the given one if the case has none; lent.
 */
struct outbox_entry
case_entry(const struct data_case *c, const char *target, const char *extra,
    const char *text, int64_t created)
{
	const char	*s;

	if ((s = data_case_str(c, "target")) != NULL)
		target = s;
	if ((s = data_case_str(c, "extra")) != NULL)
		extra = s;
	if ((s = data_case_str(c, "text")) != NULL)
		text = s;
	return entry(case_action(c, "kind", ACTION_REPLY), target, text,
	    extra, created);
}

/* Check what an action's answer gave against a case's "created". */
static void
case_check_created(const struct data_case *c, const struct action_result *r)
{
	if (data_case_str(c, "created") == NULL) {
		if (r->have_created)
			fail_msg("%s: an item made", data_case_where(c));
		return;
	}
	if (!r->have_created)
		fail_msg("%s: no item made", data_case_where(c));
	case_check_str(c, "id", r->created.remote_id);
	case_check_long(c, "created", r->created.created);
	if (data_case_str(c, "parent") == NULL)
		fail_msg("%s: no \"parent\" (\"none\" if none): it is %s",
		    data_case_where(c), r->created.parent_remote_id != NULL ?
		    r->created.parent_remote_id : "none");
	case_check_str(c, "parent", r->created.parent_remote_id);
	assert_int_equal(r->created.own, 1);
}

/* Check the words a parse gave against a case's "cause" (none: NULL). */
static void
case_check_cause(const struct data_case *c, const char *cause)
{
	const char	*want = data_case_str(c, "cause");

	if (want == NULL && cause != NULL)
		fail_msg("%s: cause \"%s\"", data_case_where(c), cause);
	case_check_str(c, "cause", cause);
	assert_true(clean_line(cause));
}

/*
 * Parse a case's answer to an action: "result" (ok or refused), "id" (the
 * id it names, none if absent), "created" (the item it made: its time;
 * none if absent) and "parent", "cause" (none if absent).
 */
void
assert_action_case(const struct platform_ops *ops,
    const struct platform_account *pa, const struct outbox_entry *e,
    const struct data_case *c)
{
	struct platform_response	res = case_answer(c);
	struct action_result		r;
	char				*cause = NULL;
	int				 got;

	memset(&r, 0, sizeof r);
	if ((got = ops->action_parse(pa, e, &res, &r, &cause)) !=
	    data_case_result(c, "result"))
		fail_msg("%s: result %d (%s)", data_case_where(c), got,
		    cause != NULL ? cause : "no cause");
	case_check_str(c, "id", r.remote_id);
	if (data_case_str(c, "id") == NULL)
		assert_null(r.remote_id);
	case_check_created(c, &r);
	case_check_cause(c, cause);
	free(cause);
	action_result_clear(&r);
}

/*
 * Parse a case's answer to the reconcile of an action: "result" (done,
 * not-done or unknown), "id" (the item found, none if absent), "created"
 * and "parent" (the item made of it; none if absent), "next" (the page to
 * read first, none if absent) and "cause" (none if absent).
 */
void
assert_reconcile_case(const struct platform_ops *ops,
    const struct platform_account *pa, const struct outbox_entry *e,
    const struct data_case *c)
{
	static const char *const results[] = { "done", "not-done" };
	struct platform_response	 res = case_answer(c);
	struct action_result		 r;
	const char			*want = data_case_str(c, "result");
	char				*cause = NULL;
	int				 got;

	memset(&r, 0, sizeof r);
	got = ops->reconcile_parse(pa, e, &res, &r, &cause);
	if (want == NULL || strcmp(got == -1 ? "unknown" : got >= 0 &&
	    got <= 1 ? results[got] : "?", want) != 0)
		fail_msg("%s: result %d (%s)", data_case_where(c), got,
		    cause != NULL ? cause : "no cause");
	case_check_str(c, "id", r.remote_id);
	if (data_case_str(c, "id") == NULL)
		assert_null(r.remote_id);
	case_check_created(c, &r);
	case_check_str(c, "next", r.next);
	if (data_case_str(c, "next") == NULL)
		assert_null(r.next);
	case_check_cause(c, cause);
	free(cause);
	action_result_clear(&r);
}

/*
 * Check the words a refused answer gave: a case's "cause", or if it has
 * none, words that start "malformed response: " (the JSON parser's).
 */
void
assert_refusal_case(const struct data_case *c, const char *cause)
{
	if (cause == NULL)
		fail_msg("%s: no cause", data_case_where(c));
	if (data_case_str(c, "cause") != NULL)
		case_check_str(c, "cause", cause);
	else if (strncmp(cause, "malformed response: ", 20) != 0)
		fail_msg("%s: cause \"%s\"", data_case_where(c), cause);
	assert_true(clean_line(cause));
}
