/*
 * test-mastodon.c -- the Mastodon adapter alone: the requests it builds,
 * the recorded answers under tests/data/mastodon (real captures from
 * mastodon.social and a local 4.x server, docs examples), and hostile
 * answers built here.
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

#include "model.h"
#include "platform.h"
#include "platform/mastodon-private.h"
#include "platform/platforms.h"
#include "text.h"
#include "util.h"
#include "lib/data.h"
#include "lib/request.h"

#define HALCY		"43"			/* mastodon.social captures */
#define LOCAL_SHOP	"117020565966271181"	/* the local server's */
#define DIRECT_MENTION	"116275331587890092"

/* The account of the mastodon.social captures, a session open. */
static const struct platform_account halcy = {
	.id = 5,
	.name = "halcy",
	.handle = "@halcy@mastodon.social",
	.base_url = "https://mastodon.social/",
	.now = 1775950000,
	.secret = "tok-en_123",
	.access = "tok-en_123",
	.user_id = HALCY
};

/* The shop of the local 4.x captures ("mastodonpy_test"). */
static const struct platform_account shop = {
	.id = 6,
	.name = "shop",
	.handle = "mastodonpy_test",
	.base_url = "http://localhost:3000",
	.now = 1785592400,
	.secret = "tok",
	.access = "tok",
	.user_id = LOCAL_SHOP
};

/* A recorded answer, and the headers its .http.json companion keeps. */
struct recorded {
	char			*body;
	json_t			*http;
	struct platform_header	 headers[8];
	size_t			 nheaders;
	struct platform_response res;
};

/* Read a sample under tests/data/mastodon into a new string. */
static char *
sample(const char *name)
{
	char	path[512];

	snprintf(path, sizeof path, "mastodon/%s", name);
	return data_read(path, NULL);
}

/* Load a recording (NAME.json and NAME.http.json) as an answer. */
static void
recorded(struct recorded *r, const char *name)
{
	const char	*k;
	json_t		*v;
	char		 file[256], *text;

	memset(r, 0, sizeof *r);
	snprintf(file, sizeof file, "%s.json", name);
	r->body = sample(file);
	snprintf(file, sizeof file, "%s.http.json", name);
	text = sample(file);
	r->http = json_loads(text, 0, NULL);
	free(text);
	assert_non_null(r->http);
	json_object_foreach(json_object_get(r->http, "headers"), k, v) {
		if (r->nheaders < nitems(r->headers)) {
			r->headers[r->nheaders].name = k;
			r->headers[r->nheaders++].value = json_string_value(v);
		}
	}
	r->res.status = (long)json_integer_value(json_object_get(r->http,
	    "status"));
	r->res.body = r->body;
	r->res.len = strlen(r->body);
	r->res.headers = r->headers;
	r->res.nheaders = r->nheaders;
}

/* Free a recording. */
static void
recorded_free(struct recorded *r)
{
	free(r->body);
	json_decref(r->http);
}

/* An answer made here: a status and a body, no headers. */
static struct platform_response
answer(long status, const char *body)
{
	struct platform_response	res;

	memset(&res, 0, sizeof res);
	res.status = status;
	res.body = body;
	res.len = strlen(body);
	return res;
}

/* Find an item of a page by its id; NULL if absent. */
static const struct item *
find_item(const struct sync_page *page, const char *id)
{
	size_t	i;

	for (i = 0; i < page->items.n; i++) {
		if (strcmp(page->items.v[i].remote_id, id) == 0)
			return &page->items.v[i];
	}
	return NULL;
}

/* Return 1 if a page names the fetch key. */
static int
names_fetch(const struct sync_page *page, const char *key)
{
	size_t	i;

	for (i = 0; i < page->nfetch; i++) {
		if (strcmp(page->fetch[i], key) == 0)
			return 1;
	}
	return 0;
}

/* Parse one page of a stream with a cursor. */
static int
stream(const struct platform_account *pa, const char *name,
    const char *cursor, const struct platform_response *res,
    struct sync_page *page, char **cause)
{
	struct platform_account	at = *pa;

	memset(page, 0, sizeof *page);
	at.cursor = cursor;
	return mastodon_ops.sync_parse(&at, name, res, page, cause);
}

/* The session: verify_credentials says who the token belongs to. */
static void
test_session_reads_verify_credentials(void **state)
{
	struct platform_request	 req;
	struct platform_session	 ps;
	struct platform_account	 pa = halcy;
	struct recorded		 r;
	char			*cause = NULL;

	(void)state;
	pa.access = NULL;
	pa.user_id = NULL;
	assert_int_equal(mastodon_ops.session_request(&pa, &req, &cause), 0);
	assert_string_equal(req.method, "GET");
	assert_string_equal(req.url, "https://mastodon.social/api/v1/accounts/"
	    "verify_credentials");
	assert_string_equal(req.authorization, "Bearer tok-en_123");
	platform_request_clear(&req);
	recorded(&r, "accounts_verify_credentials_mastodon_social");
	assert_int_equal(mastodon_ops.session_parse(&pa, &r.res, &ps, &cause),
	    0);
	assert_string_equal(ps.user_id, HALCY);
	assert_string_equal(ps.handle, "halcy");
	assert_string_equal(ps.access, "tok-en_123");
	/* The token never changes: nothing new to keep. */
	assert_string_equal(ps.refresh, "tok-en_123");
	platform_session_clear(&ps);
	recorded_free(&r);

	/* A 401 is the login gone, said plainly. */
	recorded(&r, "error_401_invalid_token");
	assert_int_equal(mastodon_ops.session_parse(&pa, &r.res, &ps, &cause),
	    -1);
	assert_non_null(strstr(cause, "The access token is invalid"));
	free(cause);
	recorded_free(&r);

	/* No token at all: no request. */
	pa.secret = NULL;
	assert_int_equal(mastodon_ops.session_request(&pa, &req, &cause), -1);
	assert_non_null(strstr(cause, "heed login"));
	free(cause);
}

/*
 * The real mastodon.social page: 39 of its 40 mentions have a null
 * status (gone); the one left is a direct message, a post of its own.
 */
static void
test_notifications_skip_null_statuses(void **state)
{
	struct sync_page	 page;
	struct recorded		 r;
	const struct item	*it;
	struct mastodon_target	 t;

	(void)state;
	recorded(&r, "notifications_v1_mentions_mastodon_social");
	assert_int_equal(stream(&halcy, "notifications", NULL, &r.res, &page,
	    NULL), 0);
	assert_int_equal(page.items.n, 1);
	assert_null(page.notice);
	it = find_item(&page, DIRECT_MENTION);
	assert_non_null(it);
	assert_int_equal(it->kind, ITEM_MENTION);
	assert_string_equal(it->post_remote_id, DIRECT_MENTION);
	assert_null(it->parent_remote_id);
	assert_string_equal(it->author_handle,
	    "@latencyobs@icosahedron.website");
	assert_int_equal(page.nposts, 1);
	assert_string_equal(page.posts[0].remote_id, DIRECT_MENTION);
	assert_null(it->warning);
	/* Its place in the read marker: the notification's id. */
	assert_string_equal(it->mark, "541644045");
	assert_int_equal(mastodon_target_read(it->extra, &t), 0);
	assert_string_equal(t.visibility, "direct");
	assert_string_equal(t.acct, "latencyobs@icosahedron.website");
	assert_int_equal(json_array_size(t.mentions), 3);
	mastodon_target_clear(&t);
	/* A first run pages back from the Link header's max_id. */
	assert_true(page.more);
	assert_string_equal(page.next_cursor,
	    "{\"back\":\"541461666\",\"top\":\"550622655\"}");
	sync_page_clear(&page);
	recorded_free(&r);
}

/* The requests of a stream: first run, paging back, then forward. */
static void
test_stream_requests_follow_the_cursor(void **state)
{
	struct platform_request	req;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(sync_request_at(&mastodon_ops, &shop, "notifications",
	    NULL, &req, &cause), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/"
	    "notifications?types[]=mention&types[]=quote&limit=80");
	assert_null(req.idempotency_key);
	platform_request_clear(&req);
	assert_int_equal(sync_request_at(&mastodon_ops, &shop, "notifications",
	    "{\"back\":\"541461666\",\"top\":\"550622655\"}", &req, &cause), 0);
	assert_non_null(strstr(req.url, "&max_id=541461666"));
	platform_request_clear(&req);
	assert_int_equal(sync_request_at(&mastodon_ops, &shop, "notifications",
	    "{\"mark\":\"550622655\"}", &req, &cause), 0);
	assert_non_null(strstr(req.url, "&min_id=550622655"));
	assert_null(strstr(req.url, "max_id"));
	platform_request_clear(&req);
	/* A cursor that cannot be read starts over. */
	assert_int_equal(sync_request_at(&mastodon_ops, &shop, "notifications",
	    "{\"mark\":\"55 0\"}", &req, &cause), 0);
	assert_null(strstr(req.url, "min_id"));
	platform_request_clear(&req);
	assert_int_equal(sync_request_at(&mastodon_ops, &shop, "posts", NULL,
	    &req, &cause), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/accounts/"
	    LOCAL_SHOP "/statuses?exclude_replies=true&exclude_reblogs=true"
	    "&limit=40");
	platform_request_clear(&req);
	assert_int_equal(sync_request_at(&mastodon_ops, &shop, "other", NULL,
	    &req, &cause), -1);
	free(cause);
}

/* Going forward, the mark moves to the newest id, compared by length. */
static void
test_stream_mark_moves_forward(void **state)
{
	struct sync_page	page;
	struct recorded		r;
	const struct item	*it;

	(void)state;
	recorded(&r, "notifications_v1_types_mention_localhost");
	/* "9" is older than "21": longer ids are newer. */
	assert_int_equal(stream(&shop, "notifications", "{\"mark\":\"9\"}",
	    &r.res, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "{\"mark\":\"21\"}");
	assert_false(page.more);
	it = find_item(&page, "117020577157693549");
	assert_non_null(it);
	assert_int_equal(it->kind, ITEM_MENTION);
	assert_string_equal(it->author_handle, "@admin");
	assert_string_equal(it->lang, "en");
	sync_page_clear(&page);
	/* A mark newer than the page stays where it is. */
	assert_int_equal(stream(&shop, "notifications", "{\"mark\":\"100\"}",
	    &r.res, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "{\"mark\":\"100\"}");
	sync_page_clear(&page);
	/* An empty page ends a first run with the newest id seen. */
	r.res = answer(200, "[]");
	assert_int_equal(stream(&shop, "notifications",
	    "{\"back\":\"50\",\"top\":\"77\"}", &r.res, &page, NULL), 0);
	assert_false(page.more);
	assert_string_equal(page.next_cursor, "{\"mark\":\"77\"}");
	sync_page_clear(&page);
	recorded_free(&r);
}

/* The shop's own statuses are posts; the page's Link says where next. */
static void
test_own_statuses_are_posts(void **state)
{
	struct sync_page	page;
	struct recorded		r;

	(void)state;
	recorded(&r, "account_statuses_page1_link_header_localhost");
	assert_int_equal(stream(&shop, "posts", NULL, &r.res, &page, NULL), 0);
	assert_int_equal(page.nposts, 5);
	assert_int_equal(page.items.n, 0);
	assert_true(page.posts[0].own);
	/* No replies yet: no thread to read; the limit once a day. */
	assert_int_equal(page.nfetch, 1);
	assert_true(names_fetch(&page, "instance"));
	assert_true(page.more);
	assert_string_equal(page.next_cursor, "{\"back\":\"117020580489281910\","
	    "\"top\":\"117020580518794573\",\"limit_at\":1785592400}");
	sync_page_clear(&page);
	/* Read an hour ago: not again. */
	assert_int_equal(stream(&shop, "posts", "{\"mark\":\"1\",\"limit_at\":"
	    "1785588800}", &r.res, &page, NULL), 0);
	assert_int_equal(page.nfetch, 0);
	assert_string_equal(page.next_cursor, "{\"mark\":\"117020580518794573\","
	    "\"limit_at\":1785588800}");
	sync_page_clear(&page);
	recorded_free(&r);
}

/* The instance's own length limit, read from /api/v2/instance. */
static void
test_instance_limit(void **state)
{
	static const struct {
		const char	*body;
		size_t		 want;
	} cases[] = {
		{ "{\"configuration\":{\"statuses\":{\"max_characters\":5000,"
		    "\"characters_reserved_per_url\":23}}}", 5000 },
		{ "{\"configuration\":{\"statuses\":{\"max_characters\":"
		    "\"5000\"}}}", 0 },
		{ "{\"configuration\":{\"statuses\":{\"max_characters\":-1}}}",
		    0 },
		{ "{\"configuration\":{\"statuses\":{\"max_characters\":"
		    "99999999999}}}", 0 },
		{ "{\"configuration\":null}", 0 },
	};
	struct platform_request		req;
	struct platform_response	res;
	struct sync_page		page;
	size_t				i;

	(void)state;
	assert_int_equal(mastodon_ops.fetch_request(&shop, "instance", &req,
	    NULL), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v2/instance");
	platform_request_clear(&req);
	for (i = 0; i < nitems(cases); i++) {
		res = answer(200, cases[i].body);
		memset(&page, 0, sizeof page);
		assert_int_equal(mastodon_ops.fetch_parse(&shop, "instance",
		    &res, &page, NULL), 0);
		if (page.text_limit != cases[i].want)
			fail_msg("case %zu: %zu", i, page.text_limit);
		sync_page_clear(&page);
	}
}

/*
 * A reply's context: its first ancestor is the root, a post, whose own
 * context is read next; the root's context places every reply under it.
 */
static void
test_context_places_replies(void **state)
{
	struct sync_page	 page;
	struct recorded		 r;
	struct platform_request	 req;
	const struct item	*it;
	json_t			*doc, *ctx;
	char			*body;

	(void)state;
	assert_int_equal(mastodon_ops.fetch_request(&halcy,
	    "ctx:110446983926957470", &req, NULL), 0);
	assert_string_equal(req.url, "https://mastodon.social/api/v1/statuses/"
	    "110446983926957470/context");
	platform_request_clear(&req);
	assert_int_equal(mastodon_ops.fetch_request(&halcy, "ctx:1/../2", &req,
	    NULL), -1);
	recorded(&r, "status_context_mastodon_social");
	memset(&page, 0, sizeof page);
	assert_int_equal(mastodon_ops.fetch_parse(&halcy,
	    "ctx:110446983926957470", &r.res, &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_string_equal(page.posts[0].remote_id, "110446983178245440");
	assert_true(page.posts[0].own);
	assert_true(names_fetch(&page, "own:110446983178245440"));
	assert_null(page.sweep);
	sync_page_clear(&page);

	/* The root's context, as the server would give it. */
	doc = json_loads(r.body, 0, NULL);
	ctx = json_pack("{s:[],s:O}", "ancestors", "descendants",
	    json_object_get(doc, "descendants"));
	body = json_dumps(ctx, JSON_COMPACT);
	r.res = answer(200, body);
	memset(&page, 0, sizeof page);
	assert_int_equal(mastodon_ops.fetch_parse(&halcy,
	    "own:110446983178245440", &r.res, &page, NULL), 0);
	it = find_item(&page, "110446984249325790");
	assert_non_null(it);
	assert_string_equal(it->post_remote_id, "110446983178245440");
	/* It answers a reply, not the root: it keeps its parent. */
	assert_string_equal(it->parent_remote_id, "110446983926957470");
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_true(it->own);
	assert_string_equal(it->text, "final status");
	/* The shop's own thread is read whole: a sweep. */
	assert_string_equal(page.sweep, "110446983178245440");
	assert_true(page.sweep_first);
	sync_page_clear(&page);
	free(body);
	json_decref(ctx);
	json_decref(doc);
	recorded_free(&r);
}

/* A reply to the shop's root is a comment; strangers' talk is left out. */
static void
test_thread_takes_what_concerns_the_shop(void **state)
{
	static const char *const ctx =
	    "{\"ancestors\":[],\"descendants\":["
	    "{\"id\":\"201\",\"created_at\":\"2026-04-11T10:00:00.000Z\","
	    "\"in_reply_to_id\":\"200\",\"in_reply_to_account_id\":\"" HALCY
	    "\",\"visibility\":\"public\",\"content\":\"<p>Is it open?</p>\","
	    "\"account\":{\"id\":\"9\",\"acct\":\"ann@example.social\"}},"
	    "{\"id\":\"202\",\"created_at\":\"2026-04-11T10:05:00.000Z\","
	    "\"in_reply_to_id\":\"201\",\"in_reply_to_account_id\":\"9\","
	    "\"visibility\":\"unlisted\",\"content\":\"<p>me too</p>\","
	    "\"account\":{\"id\":\"10\",\"acct\":\"bo\"}}]}";
	struct platform_response	 res = answer(200, ctx);
	struct platform_account		 pa = halcy;
	struct sync_page		 page;
	const struct item		*it;

	(void)state;
	memset(&page, 0, sizeof page);
	assert_int_equal(mastodon_ops.fetch_parse(&pa, "ctx:200", &res,
	    &page, NULL), 0);
	it = find_item(&page, "201");
	assert_non_null(it);
	assert_int_equal(it->kind, ITEM_COMMENT);
	assert_null(it->parent_remote_id);
	assert_non_null(find_item(&page, "202"));	/* the shop's thread */
	assert_non_null(page.sweep);
	sync_page_clear(&page);
	/* In someone else's thread, a reply between strangers is theirs. */
	pa.user_id = "77";
	memset(&page, 0, sizeof page);
	assert_int_equal(mastodon_ops.fetch_parse(&pa, "ctx:200", &res,
	    &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_null(page.sweep);
	sync_page_clear(&page);
}

/* An entry for a reply to an item with the given extra data. */
static struct outbox_entry
reply_entry(const char *target, const char *extra, const char *body)
{
	struct outbox_entry	e;

	memset(&e, 0, sizeof e);
	e.id = 3;
	e.account_id = 6;
	e.kind = ACTION_REPLY;
	e.target_remote_id = (char *)target;
	e.target_extra = (char *)extra;
	e.body = (char *)body;
	e.idem_key = (char *)"heed-0123456789abcdef0123456789abcdef";
	e.created = 1785592000;
	return e;
}

/*
 * A reply keeps the parent's visibility and content warning, names its
 * author, sets the language, and carries the entry's Idempotency-Key,
 * the same on every attempt. A direct message's reply stays direct.
 */
static void
test_reply_keeps_visibility_and_warning(void **state)
{
	struct outbox_entry	 e;
	struct platform_request	 req, again;
	json_t			*body;

	(void)state;
	e = reply_entry("116275331587890092", "{\"vis\":\"direct\",\"cw\":"
	    "\"spoilers\",\"acct\":\"latencyobs@icosahedron.website\","
	    "\"mentions\":[],\"lang\":\"de\"}", "Danke!");
	assert_int_equal(mastodon_ops.action_request(&halcy, &e, &req, NULL),
	    0);
	assert_string_equal(req.method, "POST");
	assert_string_equal(req.url,
	    "https://mastodon.social/api/v1/statuses");
	assert_string_equal(req.content_type, "application/json");
	assert_string_equal(req.idempotency_key,
	    "heed-0123456789abcdef0123456789abcdef");
	body = json_loads(req.body, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(body,
	    "visibility")), "direct");
	assert_string_equal(json_string_value(json_object_get(body,
	    "spoiler_text")), "spoilers");
	assert_string_equal(json_string_value(json_object_get(body,
	    "language")), "de");
	assert_string_equal(json_string_value(json_object_get(body,
	    "in_reply_to_id")), "116275331587890092");
	assert_string_equal(json_string_value(json_object_get(body, "status")),
	    "@latencyobs@icosahedron.website Danke!");
	json_decref(body);
	assert_int_equal(mastodon_ops.action_request(&halcy, &e, &again, NULL),
	    0);
	assert_string_equal(again.body, req.body);
	assert_string_equal(again.idempotency_key, req.idempotency_key);
	platform_request_clear(&again);
	platform_request_clear(&req);

	/* Named already (any case): not named twice. */
	e = reply_entry("5", "{\"vis\":\"private\",\"acct\":\"Ann\"}",
	    "Hi @ann, yes.");
	assert_int_equal(mastodon_ops.action_request(&halcy, &e, &req, NULL),
	    0);
	body = json_loads(req.body, 0, NULL);
	assert_string_equal(json_string_value(json_object_get(body, "status")),
	    "Hi @ann, yes.");
	assert_string_equal(json_string_value(json_object_get(body,
	    "visibility")), "private");
	assert_null(json_object_get(body, "spoiler_text"));
	json_decref(body);
	platform_request_clear(&req);
	/* "@annette" is someone else. */
	e.body = (char *)"@annette yes";
	assert_int_equal(mastodon_ops.action_request(&halcy, &e, &req, NULL),
	    0);
	assert_non_null(strstr(req.body, "\"@Ann @annette yes\""));
	platform_request_clear(&req);
}

/* Without the parent's visibility, a reply is not sent at all. */
static void
test_reply_refused_without_visibility(void **state)
{
	static const char *const extras[] = {
		NULL, "", "not json", "[]", "{\"acct\":\"ann\"}",
		"{\"vis\":\"everyone\",\"acct\":\"ann\"}",
		"{\"vis\":5,\"acct\":\"ann\"}"
	};
	struct outbox_entry	 e;
	struct platform_request	 req;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(extras); i++) {
		cause = NULL;
		e = reply_entry("5", extras[i], "hello");
		assert_int_equal(mastodon_ops.action_request(&halcy, &e, &req,
		    &cause), -1);
		assert_non_null(strstr(cause, "who may read"));
		free(cause);
	}
	e = reply_entry("5", "{\"vis\":\"public\"}", "");
	cause = NULL;
	assert_int_equal(mastodon_ops.action_request(&halcy, &e, &req,
	    &cause), -1);
	free(cause);
	e = reply_entry("5 6", "{\"vis\":\"public\"}", "hi");
	cause = NULL;
	assert_int_equal(mastodon_ops.action_request(&halcy, &e, &req,
	    &cause), -1);
	free(cause);
}

/* The answer to a reply: the created status, placed under its root. */
static void
test_reply_answer_is_the_created_status(void **state)
{
	struct outbox_entry	e;
	struct action_result	result;
	struct recorded		r;
	struct platform_account	pa = shop;

	(void)state;
	pa.user_id = "117020565693913441";	/* "admin" wrote it */
	recorded(&r, "status_post_reply_response_localhost");
	e = reply_entry("117020583245459824", "{\"vis\":\"public\",\"acct\":"
	    "\"mastodonpy_test_2\",\"root\":\"117020583000000000\"}", "same!");
	memset(&result, 0, sizeof result);
	assert_int_equal(mastodon_ops.action_parse(&pa, &e, &r.res, &result,
	    NULL), 0);
	assert_string_equal(result.remote_id, "117020583258292382");
	assert_true(result.have_created);
	assert_true(result.created.own);
	assert_string_equal(result.created.post_remote_id,
	    "117020583000000000");
	assert_string_equal(result.created.parent_remote_id,
	    "117020583245459824");
	assert_non_null(strstr(result.created.text, "same!"));
	action_result_clear(&result);
	recorded_free(&r);

	/* A 422 in German is shown as it is, a permanent refusal. */
	recorded(&r, "error_422_text_too_long_de");
	memset(&result, 0, sizeof result);
	{
		char	*cause = NULL;

		assert_int_equal(mastodon_ops.action_parse(&pa, &e, &r.res,
		    &result, &cause), -1);
		assert_non_null(strstr(cause, "Text Begrenzung von 500 "
		    "Zeichen"));
		free(cause);
	}
	recorded_free(&r);
}

/* Favourite, take it back, delete: the paths and verbs. */
static void
test_other_actions(void **state)
{
	struct outbox_entry	 e = reply_entry("117020586054490060", NULL,
	    NULL);
	struct platform_request	 req;
	struct action_result	 result;
	struct recorded		 r;
	char			*cause = NULL;

	(void)state;
	e.kind = ACTION_LIKE;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, NULL), 0);
	assert_string_equal(req.method, "POST");
	assert_string_equal(req.url, "http://localhost:3000/api/v1/statuses/"
	    "117020586054490060/favourite");
	assert_null(req.body);
	platform_request_clear(&req);
	recorded(&r, "status_favourite_response_localhost");
	memset(&result, 0, sizeof result);
	assert_int_equal(mastodon_ops.action_parse(&shop, &e, &r.res, &result,
	    NULL), 0);
	action_result_clear(&result);
	recorded_free(&r);
	e.kind = ACTION_UNLIKE;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, NULL), 0);
	assert_non_null(strstr(req.url, "/unfavourite"));
	platform_request_clear(&req);
	e.kind = ACTION_DELETE;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, NULL), 0);
	assert_string_equal(req.method, "DELETE");
	assert_string_equal(req.url, "http://localhost:3000/api/v1/statuses/"
	    "117020586054490060");
	platform_request_clear(&req);
	/* No hiding on Mastodon: said plainly, with what there is instead. */
	e.kind = ACTION_HIDE;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, &cause),
	    -1);
	assert_non_null(strstr(cause, "stays visible"));
	free(cause);
}

/*
 * What there is instead of hiding: muting, blocking, reporting the
 * author, found from the item's data; each reconciled by the shop's
 * relationship with them (a report cannot be: it is sent again).
 */
static void
test_moderation(void **state)
{
	static const char *const extra = "{\"vis\":\"public\",\"acct\":"
	    "\"eve@x.social\",\"aid\":\"9001\"}";
	struct outbox_entry		 e = reply_entry("77", extra, NULL);
	struct platform_request		 req;
	struct platform_response	 res;
	struct action_result		 result;
	char				*cause = NULL;

	(void)state;
	memset(&result, 0, sizeof result);
	e.kind = ACTION_MUTE;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, NULL), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/accounts/"
	    "9001/mute");
	assert_string_equal(req.body, "{\"notifications\":true}");
	platform_request_clear(&req);
	e.kind = ACTION_BLOCK;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, NULL), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/accounts/"
	    "9001/block");
	platform_request_clear(&req);
	e.kind = ACTION_REPORT;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, NULL), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/reports");
	assert_non_null(strstr(req.body, "\"status_ids\":[\"77\"]"));
	assert_non_null(strstr(req.body, "\"account_id\":\"9001\""));
	platform_request_clear(&req);
	res = answer(200, "{\"id\":\"5\",\"category\":\"other\"}");
	assert_int_equal(mastodon_ops.action_parse(&shop, &e, &res, &result,
	    NULL), 0);

	/* Reconciled by the relationship. */
	e.kind = ACTION_MUTE;
	assert_int_equal(mastodon_ops.reconcile_request(&shop, &e, &req, NULL),
	    0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/accounts/"
	    "relationships?id[]=9001");
	platform_request_clear(&req);
	res = answer(200, "[{\"id\":\"9001\",\"muting\":true,"
	    "\"blocking\":false}]");
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 0);
	e.kind = ACTION_BLOCK;
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 1);
	e.kind = ACTION_REPORT;
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 1);
	res = answer(200, "[]");
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    &cause), -1);
	free(cause);

	/* An item synced before heed knew its author: sync first. */
	e.target_extra = (char *)"{\"vis\":\"public\"}";
	cause = NULL;
	assert_int_equal(mastodon_ops.action_request(&shop, &e, &req, &cause),
	    -1);
	assert_non_null(strstr(cause, "sync"));
	free(cause);
}

/*
 * An attempt whose answer was lost: the parent's context says whether
 * the shop's reply with those words is there (a shortened link and the
 * mention shown shorter still match); a delete is done once the status
 * is gone; a favourite when the status says so.
 */
static void
test_reconcile(void **state)
{
	static const char *const ctx =
	    "{\"ancestors\":[],\"descendants\":["
	    "{\"id\":\"301\",\"created_at\":\"2026-08-01T13:50:00.000Z\","
	    "\"in_reply_to_id\":\"300\",\"visibility\":\"public\",\"content\":"
	    "\"<p><span class=\\\"h-card\\\"><a href=\\\"https://x.social/@ann"
	    "\\\" class=\\\"u-url mention\\\">@<span>ann</span></a></span> "
	    "see <a href=\\\"https://example.com/a/very/long/path\\\">"
	    "<span class=\\\"invisible\\\">https://</span><span class=\\\""
	    "ellipsis\\\">example.com/a/very/lo</span><span class=\\\""
	    "invisible\\\">ng/path</span></a> ok</p>\","
	    "\"account\":{\"id\":\"" LOCAL_SHOP "\",\"acct\":\"shop\"}}]}";
	struct platform_response	 res = answer(200, ctx);
	struct outbox_entry		 e;
	struct platform_request		 req;
	struct action_result		 result;

	(void)state;
	e = reply_entry("300", "{\"vis\":\"public\",\"acct\":\"ann@x.social\"}",
	    "see https://example.com/a/very/long/path  ok");
	assert_int_equal(mastodon_ops.reconcile_request(&shop, &e, &req, NULL),
	    0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/statuses/"
	    "300/context");
	platform_request_clear(&req);
	memset(&result, 0, sizeof result);
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 0);
	assert_string_equal(result.remote_id, "301");
	action_result_clear(&result);
	/* Other words: not ours; send again. */
	e.body = (char *)"something else";
	memset(&result, 0, sizeof result);
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 1);
	action_result_clear(&result);
	/* Older than the entry (beyond a clock's skew): not this one. */
	e.body = (char *)"see https://example.com/a/very/long/path ok";
	e.created = 1785592400 + 3600;
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 1);
	action_result_clear(&result);

	e.kind = ACTION_DELETE;
	res = answer(404, "{\"error\":\"Record not found\"}");
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 0);
	e.kind = ACTION_LIKE;
	res = answer(200, "{\"id\":\"300\",\"created_at\":\"2026-08-01T13:50:00"
	    ".000Z\",\"favourited\":false,\"account\":{\"id\":\"9\",\"acct\":"
	    "\"ann\"}}");
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 1);
	e.kind = ACTION_UNLIKE;
	assert_int_equal(mastodon_ops.reconcile_parse(&shop, &e, &res, &result,
	    NULL), 0);
}

/* Each error answer: its class, and the server's words as they are. */
static void
test_errors(void **state)
{
	static const struct {
		long			 status;
		const char		*body;
		enum platform_error	 want;
		const char		*says;
	} cases[] = {
		{ 401, "{\"error\":\"The access token is invalid\"}",
		    PLATFORM_ERR_AUTH, "The access token is invalid" },
		{ 403, "{\"error\":\"This action is not allowed\"}",
		    PLATFORM_ERR_PERMANENT, "This action is not allowed" },
		{ 403, "{\"error\":\"This action is outside the authorized "
		    "scopes\"}", PLATFORM_ERR_DENIED, "log in again" },
		{ 404, "{\"error\":\"Record not found\"}", PLATFORM_ERR_GONE,
		    "Record not found" },
		{ 422, "{\"error\":\"\xe3\x83\x90\xe3\x83\xaa\xe3\x83\x87\xe3"
		    "\x83\xbc\xe3\x82\xb7\xe3\x83\xa7\xe3\x83\xb3\"}",
		    PLATFORM_ERR_PERMANENT, "\xe3\x83\x90\xe3\x83\xaa" },
		{ 429, "{\"error\":\"Too many requests\"}", PLATFORM_ERR_RATE,
		    "slow down" },
		{ 503, "{\"error\":\"Remote data could not be fetched\"}",
		    PLATFORM_ERR_TEMPORARY, "Remote data could not be fetched" },
		{ 502, "<html><body>Bad Gateway\x1b[31m</body></html>",
		    PLATFORM_ERR_TEMPORARY, "HTTP 502" },
		{ 400, "{\"error\":\"invalid_grant\",\"error_description\":"
		    "\"The provided authorization grant is invalid\"}",
		    PLATFORM_ERR_PERMANENT, "grant is invalid" },
		{ 422, "{\"error\":\"bad\\u001b[2Jline\\nbreak\"}",
		    PLATFORM_ERR_PERMANENT, "refused it" },
	};
	struct platform_response	res;
	char				*cause;
	size_t				 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		res = answer(cases[i].status, cases[i].body);
		cause = NULL;
		if (mastodon_ops.classify(&res, &cause) != cases[i].want)
			fail_msg("case %zu: class %d", i,
			    mastodon_ops.classify(&res, NULL));
		if (strstr(cause, cases[i].says) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, cause,
			    cases[i].says);
		assert_null(strchr(cause, '\x1b'));
		assert_null(strchr(cause, '\n'));
		free(cause);
	}
}

/* Hostile pages: nothing unreadable becomes an item, nothing crashes. */
static void
test_hostile_pages(void **state)
{
	static const char *const pages[] = {
		/* An id as a number (v2's most_recent_notification_id). */
		"[{\"id\":541644045,\"type\":\"mention\",\"created_at\":"
		"\"2026-04-11T10:00:00.000Z\",\"status\":null}]",
		/* A type nobody knows yet. */
		"[{\"id\":\"7\",\"type\":\"added_to_collection\",\"created_at\":"
		"\"2026-04-11T10:00:00.000Z\",\"status\":null}]",
		/* A status without an author, one with an id of spaces. */
		"[{\"id\":\"8\",\"type\":\"mention\",\"created_at\":"
		"\"2026-04-11T10:00:00.000Z\",\"status\":{\"id\":\"9\"}},"
		"{\"id\":\"10\",\"type\":\"mention\",\"created_at\":"
		"\"2026-04-11T10:00:00.000Z\",\"status\":{\"id\":\"1 1\","
		"\"created_at\":\"2026-04-11T10:00:00.000Z\",\"account\":"
		"{\"id\":\"4\",\"acct\":\"x\"}}}]",
		"[1, \"two\", null, [], {}]",
	};
	struct platform_response	res;
	struct sync_page		page;
	char				*cause = NULL;
	size_t				i;

	(void)state;
	for (i = 0; i < nitems(pages); i++) {
		res = answer(200, pages[i]);
		assert_int_equal(stream(&shop, "notifications", NULL, &res,
		    &page, NULL), 0);
		assert_int_equal(page.items.n, 0);
		sync_page_clear(&page);
	}
	/* v2's grouped answer is an object, not v1's list. */
	res = answer(200, "{\"notification_groups\":[]}");
	assert_int_equal(stream(&shop, "notifications", NULL, &res, &page,
	    &cause), -1);
	assert_non_null(strstr(cause, "not a list"));
	free(cause);
	sync_page_clear(&page);
}

/* A status's text: scripts, escapes and bidi controls never get through. */
static void
test_hostile_status(void **state)
{
	static const char *const page =
	    "[{\"id\":\"11\",\"type\":\"mention\",\"created_at\":"
	    "\"2026-04-11T10:00:00.000Z\",\"status\":{\"id\":\"12\","
	    "\"created_at\":\"2026-04-11T10:00:00.000Z\",\"visibility\":"
	    "\"secret\",\"language\":\"de; DROP\",\"url\":"
	    "\"https://x.social/@eve/\\u007f12 x\",\"spoiler_text\":"
	    "\"food \\u001b[1mfight\\nnow\","
	    "\"content\":\"<p>hi<script>alert(1)</script> \\u001b[31mred"
	    "\\u202e</p>\",\"account\":{\"id\":\"4\",\"acct\":\"eve\","
	    "\"display_name\":\"\\u001b]0;pwned\\u0007Eve\\u202e\"}}}]";
	struct platform_response	 res = answer(200, page);
	struct sync_page		 pg;
	const struct item		*it;
	struct mastodon_target		 t;

	(void)state;
	assert_int_equal(stream(&shop, "notifications", NULL, &res, &pg, NULL),
	    0);
	it = find_item(&pg, "12");
	assert_non_null(it);
	assert_null(strstr(it->text, "alert"));
	assert_null(strchr(it->text, '\x1b'));
	assert_null(strchr(it->author_name, '\x1b'));
	assert_null(strstr(it->author_name, "\xe2\x80\xae"));
	assert_null(it->lang);
	assert_null(it->permalink);
	/* The content warning: one clean line. */
	assert_non_null(it->warning);
	assert_non_null(strstr(it->warning, "food"));
	assert_null(strchr(it->warning, '\x1b'));
	assert_null(strchr(it->warning, '\n'));
	/* An unknown visibility is taken as the strictest. */
	assert_int_equal(mastodon_target_read(it->extra, &t), 0);
	assert_string_equal(t.visibility, "direct");
	mastodon_target_clear(&t);
	sync_page_clear(&pg);
}

/* Rechecks: those left out are gone; an edited one is read again. */
static void
test_recheck(void **state)
{
	static char	 a[] = "21", b[] = "22", c[] = "23", d[] = "24";
	char		*ids[] = { a, b, c, d };
	static const char *const answer_ok =
	    "[{\"id\":\"21\",\"created_at\":\"2026-04-11T10:00:00.000Z\","
	    "\"account\":{\"id\":\"4\",\"acct\":\"x\"}},"
	    "{\"id\":\"23\",\"created_at\":\"2026-04-11T10:00:00.000Z\","
	    "\"edited_at\":\"2026-04-11T11:00:00.000Z\",\"in_reply_to_id\":"
	    "\"20\",\"account\":{\"id\":\"4\",\"acct\":\"x\"}},"
	    "{\"id\":\"24\",\"created_at\":\"2026-04-11T10:00:00.000Z\","
	    "\"edited_at\":\"2026-04-11T11:00:00.000Z\",\"content\":"
	    "\"<p>new words</p>\",\"account\":{\"id\":\"4\",\"acct\":"
	    "\"x\"}}]";
	struct platform_request		 req;
	struct platform_response	 res;
	struct sync_page		 page;
	char				*cause = NULL;

	(void)state;
	assert_int_equal(mastodon_ops.recheck_request(&shop, ids, 4, &req,
	    NULL), 0);
	assert_string_equal(req.url, "http://localhost:3000/api/v1/statuses?"
	    "id[]=21&id[]=22&id[]=23&id[]=24");
	platform_request_clear(&req);
	res = answer(200, answer_ok);
	memset(&page, 0, sizeof page);
	assert_int_equal(mastodon_ops.recheck_parse(&shop, ids, 4, &res, &page,
	    NULL), 0);
	assert_int_equal(page.ngone, 1);
	assert_string_equal(page.gone[0], "22");
	/* An edited reply: its thread places it; a root: updated at once. */
	assert_true(names_fetch(&page, "ctx:23"));
	assert_int_equal(page.items.n, 1);
	assert_string_equal(page.items.v[0].text, "new words");
	assert_int_equal(page.items.v[0].kind, ITEM_MENTION);
	sync_page_clear(&page);
	/* One it cannot read could be any: nothing is marked. */
	res = answer(200, "[{\"id\":\"21\"}]");
	memset(&page, 0, sizeof page);
	assert_int_equal(mastodon_ops.recheck_parse(&shop, ids, 3, &res, &page,
	    &cause), -1);
	assert_int_equal(page.ngone, 0);
	free(cause);
	sync_page_clear(&page);
}

/* The composer's count: a link is 23, a mention its user name. */
static void
test_length_counts_like_mastodon(void **state)
{
	static const struct {
		const char	*text;
		size_t		 want;
	} cases[] = {
		{ "hello", 5 },
		{ "@ann@example.social hi", 7 },
		{ "@ann hi", 7 },
		{ "see https://example.com/a/very/long/path/indeed ok", 30 },
		{ "http:// alone", 13 },
		{ "\xc3\xa9t\xc3\xa9 @bo@x.y", 7 },
		{ "mail me@example.com", 19 },
		{ "", 0 },
	};
	size_t	i, n;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		n = platform_text_length(&mastodon_ops, cases[i].text);
		if (n != cases[i].want)
			fail_msg("\"%s\": %zu, expected %zu", cases[i].text, n,
			    cases[i].want);
	}
}

/*
 * The read marker: read with GET /api/v1/markers, moved with a POST of
 * the notifications' last_read_id; either answer gives the marker, an
 * answer without one none, and a hostile one an error.
 */
static void
test_read_marker(void **state)
{
	struct platform_request		 req;
	struct platform_response	 res;
	char				*mark, *cause = NULL;

	(void)state;
	assert_int_equal(mastodon_ops.marker_request(&shop, NULL, &req,
	    &cause), 0);
	assert_string_equal(req.method, "GET");
	assert_string_equal(req.url, "http://localhost:3000/api/v1/markers?"
	    "timeline[]=notifications");
	assert_string_equal(req.authorization, "Bearer tok");
	assert_null(req.body);
	platform_request_clear(&req);
	assert_int_equal(mastodon_ops.marker_request(&shop, "21", &req,
	    &cause), 0);
	assert_string_equal(req.method, "POST");
	assert_string_equal(req.url, "http://localhost:3000/api/v1/markers");
	assert_string_equal(req.content_type, "application/json");
	assert_string_equal(req.body,
	    "{\"notifications\":{\"last_read_id\":\"21\"}}");
	platform_request_clear(&req);
	/* Never a mark that is no id. */
	assert_int_equal(mastodon_ops.marker_request(&shop, "2 1", &req,
	    &cause), -1);
	free(cause);

	res = answer(200, "{\"notifications\":{\"last_read_id\":"
	    "\"109\",\"version\":3,\"updated_at\":"
	    "\"2026-12-07T10:00:00.000Z\"}}");
	assert_int_equal(mastodon_ops.marker_parse(&shop, &res, &mark,
	    &cause), 0);
	assert_string_equal(mark, "109");
	free(mark);
	/* None set yet. */
	res = answer(200, "{}");
	assert_int_equal(mastodon_ops.marker_parse(&shop, &res, &mark,
	    &cause), 0);
	assert_null(mark);
	/* Hostile: not an id, not an object, an error. */
	res = answer(200, "{\"notifications\":{\"last_read_id\":\"1; x\"}}");
	assert_int_equal(mastodon_ops.marker_parse(&shop, &res, &mark,
	    &cause), -1);
	free(cause);
	res = answer(200, "[1]");
	assert_int_equal(mastodon_ops.marker_parse(&shop, &res, &mark,
	    &cause), -1);
	free(cause);
	res = answer(409, "{\"error\":\"Conflict during update, please try "
	    "again\"}");
	assert_int_equal(mastodon_ops.marker_parse(&shop, &res, &mark,
	    &cause), -1);
	assert_non_null(strstr(cause, "Conflict during update"));
	free(cause);
}

/* The words a reply starts with: the author, the others, not the shop. */
static void
test_reply_prefix(void **state)
{
	char	*p;

	(void)state;
	p = mastodon_ops.reply_prefix(&halcy, "{\"vis\":\"direct\",\"acct\":"
	    "\"latencyobs@icosahedron.website\",\"mentions\":[\"halcy\","
	    "\"halcy@glitch.social\",\"latencyobs@icosahedron.website\","
	    "\"bad acct\"]}");
	assert_string_equal(p, "@latencyobs@icosahedron.website "
	    "@halcy@glitch.social ");
	free(p);
	p = mastodon_ops.reply_prefix(&halcy, "{\"acct\":\"HALCY\"}");
	assert_string_equal(p, "");
	free(p);
	assert_null(mastodon_ops.reply_prefix(&halcy, "nope"));
}

/* A status's HTML as the apps show it. */
static void
test_status_text_from_html(void **state)
{
	struct mastodon_status	 st;
	json_t			*doc;
	char			*body, *text;

	(void)state;
	body = sample("status_html_mention_hashtag_emoji_mastodon_social.json");
	doc = json_loads(body, 0, NULL);
	assert_int_equal(mastodon_status_read(doc, &st), 0);
	text = mastodon_status_text(&st);
	/* The mention is the whole acct; the rest as the apps show it. */
	assert_string_equal(text, "@halcy@icosahedron.website you're a "
	    "doo-doo head\n\nedit: editing this to have the maximum amount "
	    "of fields filled :trans_heart: #ThisIsAHashtag");
	assert_non_null(strstr(text, "you're a doo-doo head"));
	assert_non_null(strstr(text, ":trans_heart:"));
	assert_non_null(strstr(text, "#ThisIsAHashtag"));
	assert_null(strchr(text, '<'));
	free(text);
	json_decref(doc);
	free(body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_reads_verify_credentials),
		cmocka_unit_test(test_notifications_skip_null_statuses),
		cmocka_unit_test(test_stream_requests_follow_the_cursor),
		cmocka_unit_test(test_stream_mark_moves_forward),
		cmocka_unit_test(test_own_statuses_are_posts),
		cmocka_unit_test(test_instance_limit),
		cmocka_unit_test(test_context_places_replies),
		cmocka_unit_test(test_thread_takes_what_concerns_the_shop),
		cmocka_unit_test(test_reply_keeps_visibility_and_warning),
		cmocka_unit_test(test_reply_refused_without_visibility),
		cmocka_unit_test(test_reply_answer_is_the_created_status),
		cmocka_unit_test(test_other_actions),
		cmocka_unit_test(test_moderation),
		cmocka_unit_test(test_reconcile),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_hostile_pages),
		cmocka_unit_test(test_hostile_status),
		cmocka_unit_test(test_recheck),
		cmocka_unit_test(test_length_counts_like_mastodon),
		cmocka_unit_test(test_read_marker),
		cmocka_unit_test(test_reply_prefix),
		cmocka_unit_test(test_status_text_from_html),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
