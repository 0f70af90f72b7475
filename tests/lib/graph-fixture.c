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
