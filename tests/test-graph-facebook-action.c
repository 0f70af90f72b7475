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

#include "lib/graph-fixture.h"

/* What the Page does: the requests for every action. */
static void
test_facebook_action_requests(void **state)
{
	static const char extra[] = "{\"post\":\"" CAR_POST "\",\"private\":"
	    "true,\"top\":\"" CAR_COMMENT "\"}";
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
		e = entry(cases[i].kind, CAR_COMMENT, cases[i].body, extra,
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
	    "\x97", extra, 1627171000);
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

/* The answer to an action: the created reply, or success. */
static void
test_facebook_action_parse(void **state)
{
	static const char extra[] = "{\"post\":\"" CAR_POST "\",\"private\":"
	    "true,\"top\":\"" CAR_COMMENT "\"}";
	struct platform_response	 res;
	struct action_result		 r;
	struct outbox_entry		 e;
	const struct item		*it;
	char				*body, *cause;

	(void)state;
	body = sample("facebook/comment_create_response.json", NULL);
	res = answer(200, body);
	e = entry(ACTION_REPLY, CAR_COMMENT, "  Thank you\x1b[1m!\r\n",
	    extra, 1627171000);
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
	e = entry(ACTION_REPLY, "2954961744718970_2222", "ok", extra, 0);
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

	/* Likes, hides and deletes say {"success":true}. */
	e = entry(ACTION_LIKE, CAR_COMMENT, NULL, extra, 0);
	res = answer(200, "{\"success\":true}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_null(r.remote_id);
	assert_int_equal(r.have_created, 0);
	action_result_clear(&r);
	res = answer(200, "{\"success\":\"true\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	res = answer(200, "{\"success\":false}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook did not say it was done");
	free(cause);
	res = answer(200, "{\"success\":1}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	res = answer(400, "{\"error\":{\"code\":100,\"error_subcode\":33}}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "it is no longer there (error 100/33)");
	free(cause);

	/* A private reply's answer names a message. */
	e = entry(ACTION_PRIVATE_REPLY, CAR_COMMENT, "hi", extra, 0);
	res = answer(200, "{\"recipient_id\":\"1254477777772919\","
	    "\"message_id\":\"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjS"
	    "yHnWq8ArhPtbrOz6qnpSRUXWYFXQ-Gc4uN2Eg\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5j"
	    "dCK48PnKAjSyHnWq8ArhPtbrOz6qnpSRUXWYFXQ-Gc4uN2Eg");
	assert_int_equal(r.have_created, 0);
	action_result_clear(&r);
	/* Found by fuzzing: a message id with controls in it was kept. */
	res = answer(200, "{\"message_id\":\"m_\\u001b[31mx\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: no id");
	assert_null(r.remote_id);
	free(cause);
	res = answer(200, "{\"message_id\":\"m_a b\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);

	/* Answers without a usable id. */
	e = entry(ACTION_REPLY, CAR_COMMENT, "ok", extra, 0);
	res = answer(200, "{\"id\":\"../me\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: no id");
	assert_null(r.remote_id);
	assert_int_equal(r.have_created, 0);
	free(cause);
	res = answer(200, "{\"id\":12}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	res = answer(200, "[\"1_2\"]");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	body = big_body("{\"id\":\"1_2\",\"x\":\"", 'x', 20 << 20, "\"}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(body);
}

/* Whether a reply went through, when its first answer was lost. */
static void
test_facebook_reconcile(void **state)
{
	static const char extra[] = "{\"post\":\"" CAR_POST "\",\"top\":\""
	    CAR_COMMENT "\"}";
#define UNDER_CAR "\"parent\":{\"id\":\"" CAR_COMMENT "\"},"
	static const char other_author[] = "{\"id\":\"2954961744718970_9001\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"from\":{\"id\":\"100004\"},"
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}";
	static const char other_text[] = "{\"id\":\"2954961744718970_9002\"," UNDER_CAR
	    "\"message\":\"Thanks!!\",\"from\":{\"id\":\"" PAGE_ID "\"},"
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}";
	static const char old_same[] = "{\"id\":\"2954961744718970_9003\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"from\":{\"id\":\"" PAGE_ID "\"},"
	    "\"created_time\":\"2021-07-24T23:46:39+0000\"}";
	static const char the_one[] = "{\"id\":\"2954961744718970_9004\"," UNDER_CAR
	    "\"message\":\"  Thanks!\\r\\n\",\"from\":{\"id\":\"" PAGE_ID
	    "\"},\"created_time\":\"2021-07-24T23:46:41+0000\"}";
	static const char no_time[] = "{\"id\":\"2954961744718970_9005\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"from\":{\"id\":\"" PAGE_ID "\"}}";
	static const char no_from[] = "{\"id\":\"2954961744718970_9006\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"created_time\":"
	    "\"2021-07-24T23:50:00+0000\"}";
	static const char next[] = "\"paging\":{\"cursors\":{\"after\":"
	    "\"QVFpage2\"},\"next\":\"https://graph.facebook.com/v26.0/"
	    CAR_POST "/comments?after=QVFpage2\"}";
	struct platform_account		 pa;
	struct platform_response	 res;
	struct platform_request		 req;
	struct action_result		 r;
	struct outbox_entry		 e;
	char				*body, *cause = NULL;

	(void)state;
	/* The requests: a post's comments, the comment itself. */
	e = entry(ACTION_REPLY, "2954961744718970_2222", "Thanks!", extra,
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
	e.target_extra = (char *)extra;
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

	/* The Page's reply, same text, after the entry was made: found. */
	e = entry(ACTION_REPLY, CAR_COMMENT, "Thanks!", extra, 1627171000);
	body = xprintf("{\"data\":[%s,%s,%s,%s]}", other_author, other_text,
	    old_same, the_one);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9004");
	assert_int_equal(r.have_created, 1);
	assert_string_equal(r.created.remote_id, "2954961744718970_9004");
	assert_string_equal(r.created.parent_remote_id, CAR_COMMENT);
	assert_int_equal(r.created.created, 1627170401);
	assert_int_equal(r.created.own, 1);
	action_result_clear(&r);
	free(body);

	/* Another author, other text, an old identical one: not sent. */
	body = xprintf("{\"data\":[%s,%s,%s]}", other_author, other_text,
	    old_same);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_null(r.remote_id);
	assert_int_equal(r.have_created, 0);
	free(body);
	res = answer(200, "{\"data\":[]}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_null(r.next);

	/* Not on this page, and there is a next one: read it first. */
	body = xprintf("{\"data\":[%s,%s],%s}", other_author, old_same, next);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_string_equal(r.next, "QVFpage2");
	action_result_clear(&r);
	/*
	 * ... unless it names the page just read again: the replies cannot
	 * be read to the end, so nothing is decided (never "not there").
	 */
	pa = fb_page;
	pa.reconcile_page = "QVFpage2";
	assert_int_equal(facebook_ops.reconcile_parse(&pa, &e, &res, &r,
	    &cause), -1);
	assert_null(r.next);
	assert_non_null(strstr(cause, "could not be read to the end"));
	free(cause);
	cause = NULL;
	free(body);

	/* No author at all (the answer left "from" out): the text decides. */
	body = xprintf("{\"data\":[%s],%s}", no_from, next);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9006");
	assert_null(r.next);
	action_result_clear(&r);
	free(body);

	/* Without a time, the same text by the Page counts, as of now. */
	body = xprintf("{\"data\":[%s]}", no_time);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9005");
	assert_int_equal(r.created.created, fb_page.now);
	action_result_clear(&r);
	free(body);

		/*
	 * The same words by the Page under another comment of the post are
	 * another reply, and a top-level comment is none; a reply to a reply
	 * may sit under the thread's top comment.
	 */
	body = xprintf("{\"data\":[{\"id\":\"2954961744718970_9007\","
	    "\"parent\":{\"id\":\"2954961744718970_3333\"},\"message\":"
	    "\"Thanks!\",\"from\":{\"id\":\"" PAGE_ID "\"}},{\"id\":"
	    "\"2954961744718970_9008\",\"message\":\"Thanks!\",\"from\":"
	    "{\"id\":\"" PAGE_ID "\"}}]}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_null(r.remote_id);
	e.target_remote_id = (char *)"2954961744718970_3333_reply";
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	e.target_extra = (char *)"{\"top\":\"2954961744718970_3333\"}";
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9007");
	action_result_clear(&r);
	/* The answer to a visitor's post is a comment on it, no parent. */
	e = entry(ACTION_REPLY, CAR_POST, "Thanks!", "{\"post\":\"" CAR_POST
	    "\"}", 1627171000);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9008");
	action_result_clear(&r);
	free(body);
	e = entry(ACTION_REPLY, CAR_COMMENT, "Thanks!", extra, 1627171000);

	/*
	 * Without the Moderate task the comments come without ids: heed
	 * cannot tell, so it neither sends again nor calls it sent.
	 */
	body = xprintf("{\"data\":[{\"message\":\"Thanks!\",\"parent\":{},"
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}],%s}", next);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_non_null(strstr(cause, "without their ids"));
	assert_non_null(strstr(cause, "Moderate task"));
	assert_null(r.next);
	free(cause);
	free(body);
	body = xprintf("{\"data\":[{\"message\":\"Thanks!\"," UNDER_CAR
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}]}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	free(body);
	/* ... but other words without an id say nothing of it. */
	res = answer(200, "{\"data\":[{\"message\":\"Is it open?\"}]}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);

/* Bad answers. */
	res = answer(200, "{\"data\":{}}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: malformed response: no data");
	free(cause);
	res = answer(200, "[]");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, NULL, &r,
	    NULL), -1);
	res = answer(500, "");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook answered 500");
	free(cause);

	/* The comment is gone: a delete is done, a reply cannot be. */
	res = answer(400, "{\"error\":{\"message\":\"Unsupported get "
	    "request.\",\"code\":100,\"error_subcode\":33}}");
	e.kind = ACTION_DELETE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_null(r.remote_id);
	e.kind = ACTION_REPLY;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: the comment is gone");
	free(cause);

	/* Still there: delete again. Likes and hides may be repeated. */
	res = answer(200, "{\"id\":\"" CAR_COMMENT "\",\"is_hidden\":false}");
	e.kind = ACTION_DELETE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	e.kind = ACTION_HIDE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	e.kind = ACTION_LIKE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	/* A private reply is there once the comment has its conversation. */
	e.kind = ACTION_PRIVATE_REPLY;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	res = answer(200, "{\"id\":\"" CAR_COMMENT "\","
	    "\"private_reply_conversation\":{\"id\":\"t_10\"}}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_facebook_action_requests),
		T(test_facebook_action_refusals),
		T(test_facebook_action_parse),
		T(test_facebook_reconcile),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
