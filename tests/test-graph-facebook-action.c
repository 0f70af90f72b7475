/*
 * test-graph-facebook-action.c -- what heed does on Facebook: the action
 * requests, what is refused before sending, the answers, and the
 * reconcile of an action whose answer was lost.
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
#include "platform/platforms.h"
#include "text.h"
#include "util.h"

#include "lib/data.h"
#include "lib/graph-cases.h"
#include "lib/graph-fixture.h"

/* What heed keeps of the comment CAR_COMMENT, open to a private reply. */
static const char car_extra[] = "{\"post\":\"" CAR_POST "\","
    "\"private\":true,\"top\":\"" CAR_COMMENT "\"}";

/* What heed keeps of a reply in the thread of CAR_COMMENT. */
static const char reply_extra[] = "{\"post\":\"" CAR_POST "\",\"top\":\""
    CAR_COMMENT "\"}";

/* What the Page does: the requests for every action. */
static void
test_facebook_action_requests(void **state)
{
	static const struct {
		int		 kind;
		const char	*body;
		const char	*method;
		const char	*url;
		const char	*form;
	} cases[] = {
		{ ACTION_REPLY, "Thanks! \xc3\x9cn\xc3\xaf & co = 100% "
		    "\xe2\x9c\x93\n+1", "POST", GRAPH CAR_COMMENT "/comments",
		    "message=Thanks%21%20%C3%9Cn%C3%AF%20%26%20co%20%3D%20100%25"
		    "%20%E2%9C%93%0A%2B1" },
		{ ACTION_LIKE, NULL, "POST", GRAPH CAR_COMMENT "/likes", NULL },
		{ ACTION_UNLIKE, NULL, "DELETE", GRAPH CAR_COMMENT "/likes",
		    NULL },
		{ ACTION_HIDE, NULL, "POST", GRAPH CAR_COMMENT,
		    "is_hidden=true" },
		{ ACTION_UNHIDE, NULL, "POST", GRAPH CAR_COMMENT,
		    "is_hidden=false" },
		{ ACTION_DELETE, NULL, "DELETE", GRAPH CAR_COMMENT, NULL },
	};
	struct outbox_entry	 e;
	struct platform_request	 req;
	json_t			*doc;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		e = entry(cases[i].kind, CAR_COMMENT, cases[i].body, car_extra,
		    1627171000);
		assert_int_equal(facebook_ops.action_request(&fb_page, &e,
		    &req, NULL), 0);
		assert_request(&req, cases[i].method, cases[i].url,
		    cases[i].form, cases[i].form != NULL ?
		    "application/x-www-form-urlencoded" : NULL);
		platform_request_clear(&req);
	}

	/* A private reply: a message to the comment's author. */
	e = entry(ACTION_PRIVATE_REPLY, CAR_COMMENT, "Hi \"Kun\" \xf0\x9f\x9a"
	    "\x97", car_extra, 1627171000);
	assert_int_equal(facebook_ops.action_request(&fb_page, &e, &req, NULL),
	    0);
	assert_string_equal(req.method, "POST");
	assert_string_equal(req.url, GRAPH PAGE_ID "/messages");
	assert_string_equal(req.content_type, "application/json");
	assert_string_equal(req.authorization, "Bearer page-token");
	doc = json_of(req.body);
	assert_int_equal(json_object_size(doc), 3);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    doc, "recipient"), "comment_id")), CAR_COMMENT);
	assert_int_equal(json_object_size(json_object_get(doc, "recipient")),
	    1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    doc, "message"), "text")), "Hi \"Kun\" \xf0\x9f\x9a\x97");
	assert_string_equal(json_string_value(json_object_get(doc,
	    "messaging_type")), "RESPONSE");
	json_decref(doc);
	platform_request_clear(&req);
}

/* Actions heed refuses to build. */
static void
test_facebook_action_refusals(void **state)
{
	static const struct {
		int		 kind;
		const char	*target;
		const char	*body;
		const char	*cause;
	} cases[] = {
		{ ACTION_REPLY, CAR_COMMENT, "", "Facebook: an empty reply" },
		{ ACTION_REPLY, CAR_COMMENT, NULL, "Facebook: an empty reply" },
		{ ACTION_PRIVATE_REPLY, CAR_COMMENT, "",
		    "Facebook: an empty message" },
		{ ACTION_REPLY, CAR_COMMENT, "a\xff\xfe",
		    "Facebook: the reply is not valid UTF-8 text" },
		{ ACTION_PRIVATE_REPLY, CAR_COMMENT, "\xc3(",
		    "Facebook: the reply is not valid UTF-8 text" },
		{ ACTION_REPLY, "../me", "hi",
		    "Facebook: not a comment's id" },
		{ ACTION_LIKE, "me", NULL, "Facebook: not a comment's id" },
		{ ACTION_DELETE, "1_2/likes", NULL,
		    "Facebook: not a comment's id" },
		{ ACTION_HIDE, "1_2?is_hidden=false", NULL,
		    "Facebook: not a comment's id" },
		{ ACTION_HIDE, "", NULL, "Facebook: not a comment's id" },
		{ ACTION_HIDE, NULL, NULL, "Facebook: not a comment's id" },
		{ ACTION_DELETE, "1_2%2F..", NULL,
		    "Facebook: not a comment's id" },
		{ 99, CAR_COMMENT, "x", "Facebook cannot ?" },
	};
	struct platform_account	 pa = fb_page;
	struct outbox_entry	 e;
	struct platform_request	 req;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		e = entry(cases[i].kind, cases[i].target, cases[i].body, NULL,
		    0);
		cause = NULL;
		memset(&req, 0, sizeof req);
		assert_int_equal(facebook_ops.action_request(&pa, &e, &req,
		    &cause), -1);
		assert_string_equal(cause, cases[i].cause);
		assert_null(req.url);
		free(cause);
	}
	/* Without a session, nothing is sent. */
	pa.access = NULL;
	e = entry(ACTION_LIKE, CAR_COMMENT, NULL, NULL, 0);
	assert_int_equal(facebook_ops.action_request(&pa, &e, &req, NULL), -1);
	pa = fb_page;
	pa.user_id = NULL;
	e = entry(ACTION_PRIVATE_REPLY, CAR_COMMENT, "hi", NULL, 0);
	assert_int_equal(facebook_ops.action_request(&pa, &e, &req, NULL), -1);
}

/*
 * The answer to an action: the created reply (comment_create_response.json),
 * or success.
 */
static void
test_facebook_action_parse(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct action_result		 r;
	struct outbox_entry		 e;
	const struct item		*it;
	char				*body, *cause;
	size_t				 i;

	(void)state;
	body = sample("facebook/comment_create_response.json", NULL);
	res = answer(200, body);
	e = entry(ACTION_REPLY, CAR_COMMENT, "  Thank you\x1b[1m!\r\n",
	    car_extra, 1627171000);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "245778718206154_229887283291835");
	assert_int_equal(r.have_created, 1);
	it = &r.created;
	assert_string_equal(it->remote_id, "245778718206154_229887283291835");
	assert_string_equal(it->post_remote_id, CAR_POST);
	assert_string_equal(it->parent_remote_id, CAR_COMMENT);
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_int_equal(it->own, 1);
	assert_string_equal(it->author_name, "Facebook for Developers");
	assert_string_equal(it->author_handle, "");
	assert_string_equal(it->text, "Thank you!");
	assert_int_equal(it->created, fb_page.now);
	assert_string_equal(it->extra, "{\"post\":\"" CAR_POST "\",\"top\":\""
	    CAR_COMMENT "\"}");
	action_result_clear(&r);

	/*
	 * A reply to a reply: under the thread's top, where Facebook lists
	 * it; no extra: the target.
	 */
	e = entry(ACTION_REPLY, "2954961744718970_2222", "ok", car_extra, 0);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.created.parent_remote_id, CAR_COMMENT);
	assert_string_equal(r.created.extra, "{\"post\":\"" CAR_POST "\","
	    "\"top\":\"" CAR_COMMENT "\"}");
	action_result_clear(&r);
	e = entry(ACTION_REPLY, CAR_COMMENT, "ok", "{\"top\":\"../me\"}", 0);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.created.post_remote_id, CAR_COMMENT);
	assert_string_equal(r.created.extra, "{\"post\":\"" CAR_COMMENT "\","
	    "\"top\":\"" CAR_COMMENT "\"}");
	action_result_clear(&r);
	free(body);

	/* The other answers (tests/data/facebook/action.cases). */
	data_cases_read(&cs, "facebook/action.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		e = case_entry(c, CAR_COMMENT, car_extra, "ok", 0);
		assert_action_case(&facebook_ops, &fb_page, &e, c);
	}
	data_cases_free(&cs);
	/* A 20 MiB answer is not read. */
	e = entry(ACTION_REPLY, CAR_COMMENT, "ok", car_extra, 0);
	body = big_body("{\"id\":\"1_2\",\"x\":\"", 'x', 20 << 20, "\"}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(body);
}

/* The requests that tell whether an action went through. */
static void
test_facebook_reconcile_requests(void **state)
{
	struct platform_account		 pa;
	struct platform_request		 req;
	struct outbox_entry		 e;
	char				*cause = NULL;

	(void)state;
	/* The requests: a post's comments, the comment itself. */
	e = entry(ACTION_REPLY, "2954961744718970_2222", "Thanks!", reply_extra,
	    1627171000);
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	/* The post's comments, all levels, since the entry less 600 s. */
	assert_request(&req, "GET", GRAPH CAR_POST "/comments?fields=id"
	    "%2Cmessage%2Cfrom%7Bid%7D%2Ccreated_time%2Cparent%7Bid%7D"
	    "&filter=stream"
	    "&order=reverse_chronological&limit=100&since=1627170400", NULL,
	    NULL);
	platform_request_clear(&req);
	/* The next page of them, when the first did not have it. */
	pa = fb_page;
	pa.reconcile_page = "QVFpage2";
	assert_int_equal(facebook_ops.reconcile_request(&pa, &e, &req, NULL),
	    0);
	assert_request(&req, "GET", GRAPH CAR_POST "/comments?fields=id"
	    "%2Cmessage%2Cfrom%7Bid%7D%2Ccreated_time%2Cparent%7Bid%7D"
	    "&filter=stream"
	    "&order=reverse_chronological&limit=100&since=1627170400"
	    "&after=QVFpage2", NULL, NULL);
	platform_request_clear(&req);
	/* Without the post known, the thread's top comment. */
	e.target_extra = (char *)"{\"top\":\"" CAR_COMMENT "\"}";
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH CAR_COMMENT "/comments?fields=id"
	    "%2Cmessage%2Cfrom%7Bid%7D%2Ccreated_time%2Cparent%7Bid%7D"
	    "&filter=stream"
	    "&order=reverse_chronological&limit=100&since=1627170400", NULL,
	    NULL);
	platform_request_clear(&req);
	e.target_extra = (char *)reply_extra;
	e.kind = ACTION_PRIVATE_REPLY;
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH "2954961744718970_2222?fields=id"
	    "%2Cprivate_reply_conversation", NULL, NULL);
	platform_request_clear(&req);
	e.kind = ACTION_DELETE;
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH "2954961744718970_2222?fields=id"
	    "%2Cis_hidden%2Cuser_likes", NULL, NULL);
	platform_request_clear(&req);
	e.target_remote_id = (char *)"../me";
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: not a comment's id");
	free(cause);
}

/*
 * Whether an action went through, when its first answer was lost
 * (tests/data/facebook/reconcile.cases).
 */
static void
test_facebook_reconcile(void **state)
{
	struct platform_account		 pa;
	struct data_cases		 cs;
	const struct data_case		*c;
	struct action_result		 r;
	struct outbox_entry		 e;
	size_t				 i;

	(void)state;
	data_cases_read(&cs, "facebook/reconcile.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		pa = fb_page;
		pa.reconcile_page = data_case_str(c, "page");
		e = case_entry(c, CAR_COMMENT, reply_extra, "Thanks!",
		    1627171000);
		assert_reconcile_case(&facebook_ops, &pa, &e, c);
	}
	data_cases_free(&cs);
	/* No answer at all. */
	e = entry(ACTION_REPLY, CAR_COMMENT, "Thanks!", reply_extra,
	    1627171000);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, NULL, &r,
	    NULL), -1);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_facebook_action_requests),
		T(test_facebook_action_refusals),
		T(test_facebook_action_parse),
		T(test_facebook_reconcile_requests),
		T(test_facebook_reconcile),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
