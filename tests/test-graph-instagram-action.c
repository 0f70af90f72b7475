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

#include "lib/data.h"
#include "lib/graph-cases.h"
#include "lib/graph-fixture.h"

/* What heed keeps of a reply in the thread of IG_TOP on IG_MEDIA. */
static const char extra[] = "{\"post\":\"" IG_MEDIA "\",\"top\":\"" IG_TOP
    "\"}";

/* What the account does: replies under the thread's top, hide, delete. */
static void
test_instagram_actions(void **state)
{
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

/*
 * The answers to actions: the reply made (comment_reply_create_response_
 * docs.json), and the rest (tests/data/instagram/action.cases).
 */
static void
test_instagram_action_parse(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct action_result		 r;
	struct outbox_entry		 e;
	char				*body;
	size_t				 i;

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

	data_cases_read(&cs, "instagram/action.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		e = case_entry(c, IG_REPLY, extra, "Thanks!", 1628898000);
		assert_action_case(&instagram_ops, &ig_acct, &e, c);
	}
	data_cases_free(&cs);
}

/* Reconcile requests: the thread's replies, or the comment. */
static void
test_instagram_reconcile_requests(void **state)
{
	struct platform_account	 pa = ig_acct;
	struct platform_request	 req;
	struct outbox_entry	 e;
	char			*cause;

	(void)state;
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!", extra, 1628898000);
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH IG_TOP "/replies?fields=id%2Ctext"
	    "%2Cusername%2Cfrom%7Bid%7D%2Ctimestamp&limit=100", NULL, NULL);
	platform_request_clear(&req);
	/* The next page of them, when the first did not have it. */
	pa.reconcile_page = "R2";
	assert_int_equal(instagram_ops.reconcile_request(&pa, &e, &req, NULL),
	    0);
	assert_request(&req, "GET", GRAPH IG_TOP "/replies?fields=id"
	    "%2Ctext%2Cusername%2Cfrom%7Bid%7D%2Ctimestamp&limit=100"
	    "&after=R2", NULL, NULL);
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
}

/*
 * Whether an action went through, when its first answer was lost
 * (tests/data/instagram/reconcile.cases): among the replies by id or by
 * username, same text, recent.
 */
static void
test_instagram_reconcile(void **state)
{
	struct platform_account		 pa;
	struct data_cases		 cs;
	const struct data_case		*c;
	struct action_result		 r;
	struct outbox_entry		 e;
	size_t				 i;

	(void)state;
	data_cases_read(&cs, "instagram/reconcile.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		pa = ig_acct;
		pa.reconcile_page = data_case_str(c, "page");
		e = case_entry(c, IG_REPLY, extra, "Thanks!", 1628898000);
		assert_reconcile_case(&instagram_ops, &pa, &e, c);
	}
	data_cases_free(&cs);
	/* No answer at all. */
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!", extra, 1628898000);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, NULL, &r,
	    NULL), -1);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_instagram_actions),
		T(test_instagram_action_parse),
		T(test_instagram_reconcile_requests),
		T(test_instagram_reconcile),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
