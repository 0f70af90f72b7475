/*
 * test-graph-instagram-action.c -- what heed does on Instagram: the action
 * requests, their answers, and the reconcile of an action whose answer was
 * lost.
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

#include "lib/graph-fixture.h"

/* What the account does: replies under the thread's top, hide, delete. */
static void
test_instagram_actions(void **state)
{
	static const char extra[] = "{\"post\":\"" IG_MEDIA "\",\"top\":\""
	    IG_TOP "\"}";
	static const struct {
		int		 kind;
		const char	*target;
		const char	*extra;
		const char	*body;
		const char	*method;
		const char	*url;
		const char	*form;
	} cases[] = {
		{ ACTION_REPLY, IG_REPLY, extra, "Thanks @ikroskun "
		    "\xf0\x9f\x98\x8a", "POST", GRAPH IG_TOP "/replies",
		    "message=Thanks%20%40ikroskun%20%F0%9F%98%8A" },
		{ ACTION_REPLY, IG_TOP, NULL, "a&b=c", "POST",
		    GRAPH IG_TOP "/replies", "message=a%26b%3Dc" },
		{ ACTION_REPLY, IG_REPLY, "{\"top\":\"../me\"}", "x", "POST",
		    GRAPH IG_REPLY "/replies", "message=x" },
		{ ACTION_REPLY, IG_REPLY, "not json", "x", "POST",
		    GRAPH IG_REPLY "/replies", "message=x" },
		{ ACTION_HIDE, IG_REPLY, extra, NULL, "POST", GRAPH IG_REPLY,
		    "hide=true" },
		{ ACTION_UNHIDE, IG_REPLY, extra, NULL, "POST", GRAPH IG_REPLY,
		    "hide=false" },
		{ ACTION_DELETE, IG_REPLY, extra, NULL, "DELETE",
		    GRAPH IG_REPLY, NULL },
	};
	static const struct {
		int		 kind;
		const char	*target;
		const char	*body;
		const char	*cause;
	} refused[] = {
		{ ACTION_LIKE, IG_TOP, NULL,
		    "Instagram cannot like a comment through its API" },
		{ ACTION_UNLIKE, IG_TOP, NULL,
		    "Instagram cannot unlike a comment through its API" },
		{ ACTION_PRIVATE_REPLY, IG_TOP, "hi",
		    "Instagram cannot private-reply a comment through its API" },
		{ ACTION_REPLY, IG_TOP, "", "Instagram: an empty reply" },
		{ ACTION_REPLY, IG_TOP, NULL, "Instagram: an empty reply" },
		{ ACTION_REPLY, IG_TOP, "\xed\xa0\x80",
		    "Instagram: the reply is not valid UTF-8 text" },
		{ ACTION_REPLY, "../me", "hi", "Instagram: not a comment's id" },
		/* The media itself: a post the account is tagged in. */
		{ ACTION_REPLY, IG_MEDIA, "hi", "Instagram lets heed answer "
		    "comments only, not a post the account is tagged in; "
		    "answer it in the Instagram app" },
		{ ACTION_HIDE, "17/replies", NULL,
		    "Instagram: not a comment's id" },
		{ ACTION_DELETE, NULL, NULL, "Instagram: not a comment's id" },
	};
	struct platform_request	 req;
	struct outbox_entry	 e;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		e = entry(cases[i].kind, cases[i].target, cases[i].body,
		    cases[i].extra, 1628898000);
		assert_int_equal(instagram_ops.action_request(&ig_acct, &e,
		    &req, NULL), 0);
		assert_request(&req, cases[i].method, cases[i].url,
		    cases[i].form, cases[i].form != NULL ?
		    "application/x-www-form-urlencoded" : NULL);
		platform_request_clear(&req);
	}
	for (i = 0; i < nitems(refused); i++) {
		e = entry(refused[i].kind, refused[i].target, refused[i].body,
		    extra, 0);
		cause = NULL;
		memset(&req, 0, sizeof req);
		assert_int_equal(instagram_ops.action_request(&ig_acct, &e,
		    &req, &cause), -1);
		assert_string_equal(cause, refused[i].cause);
		assert_null(req.url);
		free(cause);
	}
}

/* The answers to actions, and reconciling a lost reply. */
static void
test_instagram_action_parse_and_reconcile(void **state)
{
	static const char extra[] = "{\"post\":\"" IG_MEDIA "\",\"top\":\""
	    IG_TOP "\"}";
	static const char others[] = "{\"id\":\"17900000000000001\","
	    "\"text\":\"Thanks!\",\"username\":\"someone\",\"timestamp\":"
	    "\"2021-08-13T23:50:01+0000\"},{\"id\":\"17900000000000002\","
	    "\"text\":\"Thanks!\",\"username\":\"ikroskun\",\"timestamp\":"
	    "\"2021-08-13T23:23:20+0000\"},{\"id\":\"17900000000000003\","
	    "\"text\":\"Thanks!!\",\"from\":{\"id\":\"" IG_ID "\"},"
	    "\"timestamp\":\"2021-08-13T23:50:01+0000\"}";
	static const char mine[] = "{\"id\":\"17900000000000004\","
	    "\"text\":\"Thanks!\\n\",\"from\":{\"id\":\"" IG_ID "\"},"
	    "\"timestamp\":\"2021-08-13T23:50:01+0000\"}";
	struct platform_response	 res;
	struct platform_request		 req;
	struct action_result		 r;
	struct outbox_entry		 e;
	char				*body, *cause;

	(void)state;
	body = sample("instagram/comment_reply_create_response_docs.json",
	    NULL);
	res = answer(200, body);
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!\x1b[2J", extra,
	    1628898000);
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17873440459141021");
	assert_int_equal(r.have_created, 1);
	assert_string_equal(r.created.remote_id, "17873440459141021");
	assert_string_equal(r.created.post_remote_id, IG_MEDIA);
	assert_string_equal(r.created.parent_remote_id, IG_TOP);
	assert_int_equal(r.created.kind, ITEM_REPLY);
	assert_int_equal(r.created.own, 1);
	assert_string_equal(r.created.author_handle, "ikroskun");
	assert_string_equal(r.created.author_name, "ikroskun");
	assert_string_equal(r.created.text, "Thanks!");
	assert_int_equal(r.created.created, ig_acct.now);
	assert_string_equal(r.created.extra, extra);
	action_result_clear(&r);
	free(body);
	res = answer(200, "{\"id\":\"1/../2\"}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: no id");
	free(cause);

	e = entry(ACTION_HIDE, IG_REPLY, NULL, extra, 1628898000);
	res = answer(200, "{\"success\":true}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_int_equal(r.have_created, 0);
	res = answer(200, "{\"success\":false}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    NULL), -1);
	res = answer(400, "{\"error\":{\"code\":4}}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "the app's request limit is reached "
	    "(error 4)");
	free(cause);

	/* Reconcile requests: the thread's replies, or the comment. */
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!", extra, 1628898000);
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH IG_TOP "/replies?fields=id%2Ctext"
	    "%2Cusername%2Cfrom%7Bid%7D%2Ctimestamp&limit=100", NULL, NULL);
	platform_request_clear(&req);
	e.kind = ACTION_HIDE;
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH IG_REPLY "?fields=id%2Chidden", NULL,
	    NULL);
	platform_request_clear(&req);
	e.target_remote_id = (char *)"../me";
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: not a comment's id");
	free(cause);

	/* Among the replies: by id or by username, same text, recent. */
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!", extra, 1628898000);
	body = sample("instagram/comment_replies.json", NULL);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	free(body);
	body = xprintf("{\"data\":[%s,%s]}", others, mine);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17900000000000004");
	assert_string_equal(r.created.parent_remote_id, IG_TOP);
	assert_int_equal(r.created.created, 1628898601);
	action_result_clear(&r);
	free(body);
	body = xprintf("{\"data\":[%s]}", others);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	assert_null(r.remote_id);
	assert_null(r.next);
	free(body);
	/* Not on this page of many: the next one is read first. */
	body = xprintf("{\"data\":[%s],\"paging\":{\"next\":\"https://"
	    "graph.facebook.com/v26.0/" IG_TOP "/replies?after=R2\"}}",
	    others);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	assert_string_equal(r.next, "R2");
	action_result_clear(&r);
	free(body);
	{
		struct platform_account	pa = ig_acct;

		pa.reconcile_page = "R2";
		assert_int_equal(instagram_ops.reconcile_request(&pa, &e, &req,
		    NULL), 0);
		assert_request(&req, "GET", GRAPH IG_TOP "/replies?fields=id"
		    "%2Ctext%2Cusername%2Cfrom%7Bid%7D%2Ctimestamp&limit=100"
		    "&after=R2", NULL, NULL);
		platform_request_clear(&req);
	}
	/* A reply that names no author at all: the text and time decide. */
	res = answer(200, "{\"data\":[{\"id\":\"17900000000000006\","
	    "\"text\":\"Thanks!\",\"timestamp\":\"2021-08-13T23:50:01"
	    "+0000\"}]}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17900000000000006");
	action_result_clear(&r);
	/* One by an unknown username, or another id, is someone else's. */
	res = answer(200, "{\"data\":[{\"id\":\"17900000000000007\","
	    "\"text\":\"Thanks!\",\"from\":{\"id\":\"17800000000000001\"},"
	    "\"timestamp\":\"2021-08-13T23:50:01+0000\"}]}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	action_result_clear(&r);
	res = answer(200, "{\"data\":[{\"id\":\"17900000000000005\","
	    "\"text\":\"Thanks!\",\"username\":\"ikroskun\"}]}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17900000000000005");
	assert_int_equal(r.created.created, ig_acct.now);
	action_result_clear(&r);
	res = answer(200, "{\"data\":{}}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: malformed response: no data");
	free(cause);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, NULL, &r,
	    NULL), -1);

	/* Gone: a delete is done; a reply cannot be. */
	res = answer(400, "{\"error\":{\"code\":100,\"error_subcode\":33}}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: the comment is gone");
	free(cause);
	e.kind = ACTION_DELETE;
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	res = answer(200, "{\"id\":\"" IG_REPLY "\",\"hidden\":false}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	e.kind = ACTION_HIDE;
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	res = answer(503, "");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Instagram answered 503");
	free(cause);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_instagram_actions),
		T(test_instagram_action_parse_and_reconcile),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
