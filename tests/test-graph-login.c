/*
 * test-graph-login.c -- opening a Graph API session: the requests, the
 * Page answer and its refusals, the login and doctor samples through
 * graph-login.c's readers, and heed doctor's Moderate check.
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

/* The answer of the case called NAME of tests/data/facebook/login.cases. */
static struct platform_response
login_answer(const struct data_cases *cs, const char *name)
{
	return case_answer(data_case_find(cs, name));
}

/* Both platforms ask GET /me with the Page token, at the right version. */
static void
test_graph_session_requests(void **state)
{
	static const struct platform_ops *const ops[] = {
		&facebook_ops, &instagram_ops
	};
	static const char *const bad_versions[] = {
		"v26", "26.0", "v26.0.1", "v2a.0", "v26.0/../../me", "v26.",
		"v.26", "V26.0", "v26.0?x=1", "v123456789.0", "v26.0 "
	};
	struct platform_account	 pa;
	struct platform_request	 req;
	char			*cause;
	size_t			 i, j;

	(void)state;
	for (i = 0; i < nitems(ops); i++) {
		pa = fb_page;
		assert_int_equal(ops[i]->login_request(&pa, "TOKEN", &req,
		    NULL), 0);
		assert_string_equal(req.method, "GET");
		assert_string_equal(req.url, GRAPH ME_Q);
		assert_string_equal(req.authorization, "Bearer TOKEN");
		assert_null(req.body);
		assert_null(req.content_type);
		platform_request_clear(&req);

		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), 0);
		assert_request(&req, "GET", GRAPH ME_Q, NULL, NULL);
		platform_request_clear(&req);

		/* A configured URL (slashes trimmed) and version. */
		pa.base_url = "http://127.0.0.1:8089///";
		pa.version = "v19.0";
		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), 0);
		assert_string_equal(req.url, "http://127.0.0.1:8089/v19.0/"
		    ME_Q);
		platform_request_clear(&req);
		pa.base_url = "";
		pa.version = "";
		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), 0);
		assert_string_equal(req.url, GRAPH ME_Q);
		platform_request_clear(&req);

		for (j = 0; j < nitems(bad_versions); j++) {
			pa.version = bad_versions[j];
			cause = NULL;
			memset(&req, 0, sizeof req);
			assert_int_equal(ops[i]->session_request(&pa, &req,
			    &cause), -1);
			assert_null(req.url);
			assert_non_null(strstr(cause, "is not a Graph API "
			    "version (like v26.0)"));
			assert_true(strncmp(cause, "graph_version \"", 15) == 0);
			free(cause);
		}
		pa.version = NULL;

		cause = NULL;
		assert_int_equal(ops[i]->login_request(&pa, "", &req, &cause),
		    -1);
		assert_string_equal(cause, "no token (run heed login)");
		free(cause);
		assert_int_equal(ops[i]->login_request(&pa, NULL, &req, NULL),
		    -1);
		pa.secret = NULL;
		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), -1);
	}
}

/* The Page answer opens a session on either platform. */
static void
test_graph_session_parse_page_answer(void **state)
{
	struct data_cases		 cs;
	struct platform_response	 res;
	struct platform_session		 ps;

	(void)state;
	data_cases_read(&cs, "facebook/login.cases");
	res = login_answer(&cs, "the Page with its Instagram account");
	assert_int_equal(facebook_ops.session_parse(&fb_page, &res, &ps, NULL),
	    0);
	assert_string_equal(ps.user_id, PAGE_ID);
	assert_string_equal(ps.handle, "Facebook for Developers");
	assert_string_equal(ps.access, "page-token");
	assert_null(ps.refresh);
	assert_null(ps.service);
	platform_session_clear(&ps);

	assert_int_equal(instagram_ops.session_parse(&fb_page, &res, &ps,
	    NULL), 0);
	assert_string_equal(ps.user_id, IG_ID);
	assert_string_equal(ps.handle, "ikroskun");
	assert_string_equal(ps.access, "page-token");
	assert_null(ps.refresh);
	assert_null(ps.service);
	platform_session_clear(&ps);
	data_cases_free(&cs);
}

/*
 * Answers that open no Instagram session (tests/data/facebook/
 * session.cases), user_fields.json (an account without a linked one), and
 * hostile ones.
 */
static void
test_graph_session_parse_refusals(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct platform_session		 ps;
	struct platform_account		 pa = fb_page;
	const char			*handle, *ig_cause;
	char				*cause, *body, *big;
	size_t				 i;
	int				 fb;

	(void)state;
	data_cases_read(&cs, "facebook/session.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = answer(data_case_long(c, "status"), c->body);
		fb = data_case_result(c, "facebook");
		handle = data_case_str(c, "handle");
		ig_cause = data_case_str(c, "instagram-cause");
		cause = NULL;
		if (facebook_ops.session_parse(&pa, &res, &ps, &cause) != fb)
			fail_msg("%s: Facebook's result", data_case_where(c));
		if (fb == 0) {
			assert_string_equal(ps.user_id, PAGE_ID);
			if (handle == NULL)
				assert_null(ps.handle);
			else
				assert_string_equal(ps.handle, handle);
			platform_session_clear(&ps);
		} else {
			assert_null(ps.user_id);
			assert_null(ps.access);
			assert_true(clean_line(cause));
		}
		free(cause);
		cause = NULL;
		if (instagram_ops.session_parse(&pa, &res, &ps, &cause) !=
		    data_case_result(c, "instagram"))
			fail_msg("%s: Instagram's result", data_case_where(c));
		assert_null(ps.user_id);
		assert_null(ps.access);
		assert_non_null(cause);
		assert_true(clean_line(cause));
		if (ig_cause != NULL)
			assert_string_equal(cause, ig_cause);
		free(cause);
	}
	data_cases_free(&cs);

	/* user_fields.json: an Instagram user as a Page-shaped answer. */
	body = sample("instagram/user_fields.json", NULL);
	res = answer(200, body);
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, NULL), 0);
	assert_string_equal(ps.user_id, "17841407673135339");
	assert_string_equal(ps.handle, "Facebook for Developers");
	platform_session_clear(&ps);
	assert_int_equal(instagram_ops.session_parse(&pa, &res, &ps, &cause),
	    -1);
	assert_string_equal(cause, "the Page Facebook for Developers has no "
	    "Instagram business account linked (link it in Meta Business "
	    "Suite: Settings > Linked accounts)");
	free(cause);
	free(body);

	/* A huge name is cut to a line; a 20 MiB answer is not read. */
	big = big_body("{\"id\":\"" PAGE_ID "\",\"name\":\"", 'n', 1 << 20,
	    "\"}");
	res = answer(200, big);
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, NULL), 0);
	assert_int_equal(strlen(ps.handle), 100);
	platform_session_clear(&ps);
	free(big);
	big = big_body("{\"id\":\"" PAGE_ID "\",\"name\":\"", 'n', 20 << 20,
	    "\"}");
	res = answer(200, big);
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, &cause),
	    -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(big);

	/* Without a token to keep, there is no session. */
	pa.secret = NULL;
	data_cases_read(&cs, "facebook/login.cases");
	res = login_answer(&cs, "the Page alone");
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, &cause),
	    -1);
	assert_string_equal(cause, "no token");
	free(cause);
	data_cases_free(&cs);
	assert_int_equal(facebook_ops.session_parse(&pa, NULL, &ps, &cause),
	    -1);
	free(cause);
}

/* The login and doctor samples, through graph-login.c's readers. */
static void
test_graph_login_samples(void **state)
{
	struct data_cases		 cs;
	struct platform_response	 res;
	struct graph_token_info		 ti;
	struct graph_page		*pages = NULL;
	size_t				 n = 0;
	char				*body, *after, *token, *cause;

	(void)state;
	body = sample("facebook/debug_token_response.json", NULL);
	res = answer(200, body);
	assert_int_equal(graph_debug_parse(&res, &ti, NULL), 0);
	assert_int_equal(ti.valid, 1);
	assert_string_equal(ti.type, "USER");
	assert_null(ti.error);
	assert_int_equal(ti.expires_at, 1577347200);
	assert_int_equal(ti.data_access_expires_at, 1585040349);
	assert_int_equal(ti.nscopes, 5);
	assert_string_equal(ti.scopes[0], "email");
	assert_string_equal(ti.scopes[2], "manage_pages");
	assert_string_equal(ti.scopes[4], "public_profile");
	graph_token_info_clear(&ti);
	free(body);

	body = sample("facebook/me_accounts_page_tokens_cjk.json", NULL);
	res = answer(200, body);
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(pages[0].id, MYLIFE_ID);
	assert_string_equal(pages[0].name, "MyLife");
	assert_string_equal(pages[0].token, "access_token");
	assert_null(pages[0].ig_id);
	assert_int_equal(pages[0].moderate, 1);
	assert_null(after);		/* cursors, but no next page */
	graph_pages_free(pages, n);
	free(body);

	body = sample("facebook/oauth_long_lived_token_response.json", NULL);
	res = answer(200, body);
	assert_int_equal(graph_poll_parse(&res, &token, NULL), GRAPH_POLL_DONE);
	assert_string_equal(token, "token");
	free(token);
	free(body);

	/* A token-less answer is no login. */
	data_cases_read(&cs, "facebook/login.cases");
	res = login_answer(&cs, "a token's answer without a token");
	assert_int_equal(graph_poll_parse(&res, &token, &cause),
	    GRAPH_POLL_ERROR);
	assert_null(token);
	assert_string_equal(cause, "malformed response: no token");
	free(cause);
	data_cases_free(&cs);
}

/*
 * Found by fuzzing: a token in an answer (a poll's, a Page's) went as it
 * was into the keyring and the Authorization header, controls and line
 * ends included. Only printable ASCII without spaces is a token, or a
 * device login's code.
 */
static void
test_graph_login_refuses_unsendable_tokens(void **state)
{
	struct data_cases		 cs;
	struct platform_response	 res;
	struct graph_page		*pages = NULL;
	struct graph_device		 d;
	size_t				 n = 0;
	char				*after, *token, *cause = NULL;

	(void)state;
	data_cases_read(&cs, "facebook/login.cases");
	res = login_answer(&cs, "a token with a line end and a header after "
	    "it");
	assert_int_equal(graph_poll_parse(&res, &token, &cause),
	    GRAPH_POLL_ERROR);
	assert_null(token);
	assert_string_equal(cause, "malformed response: no token");
	free(cause);
	res = login_answer(&cs, "a token with a space and controls");
	assert_int_equal(graph_poll_parse(&res, &token, NULL),
	    GRAPH_POLL_ERROR);
	assert_null(token);

	res = login_answer(&cs, "Pages whose tokens have controls, a letter "
	    "that is not ASCII, or neither");
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(pages[0].id, "3");
	assert_string_equal(pages[0].token, "EAAB3");
	graph_pages_free(pages, n);
	free(after);

	/* A next page whose cursor has controls in it is no next page. */
	pages = NULL;
	n = 0;
	res = login_answer(&cs, "a next page of Pages whose cursor has a "
	    "control in it");
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_null(after);
	res = login_answer(&cs, "a next page of Pages");
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_string_equal(after, "QVFIUk");
	free(after);
	graph_pages_free(pages, n);

	/* A device login's code is sent back in a form: the same holds. */
	res = login_answer(&cs, "a device login's code with controls in it");
	assert_int_equal(graph_device_parse(&res, &d, &cause), -1);
	assert_string_equal(cause, "malformed response: no device code");
	free(cause);
	graph_device_clear(&d);
	data_cases_free(&cs);
}

/* The verdict a case of tasks.cases names. */
static enum graph_tasks
tasks_verdict(const struct data_case *c)
{
	const char	*s = data_case_str(c, "verdict");

	if (s != NULL && strcmp(s, "lacking") == 0)
		return GRAPH_TASKS_LACKING;
	if (s != NULL && strcmp(s, "moderate") == 0)
		return GRAPH_TASKS_MODERATE;
	if (s == NULL || strcmp(s, "unsaid") != 0)
		fail_msg("%s: no verdict", data_case_where(c));
	return GRAPH_TASKS_UNSAID;
}

/*
 * heed doctor's Moderate check: the tasks named (tests/data/facebook/
 * tasks.cases), or the comments' ids.
 */
static void
test_graph_doctor_moderate(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_request		 req;
	struct platform_response	 res;
	json_t				*doc, *o;
	const char			*tasks;
	char				*body, *list, *cause = NULL;
	size_t				 i, with, without;

	(void)state;
	assert_int_equal(graph_tasks_request(&fb_page, "TOK", &req, NULL), 0);
	assert_string_equal(req.method, "GET");
	assert_non_null(strstr(req.url, "/me?fields=id%2Ctasks"));
	assert_string_equal(req.authorization, "Bearer TOK");
	platform_request_clear(&req);
	data_cases_read(&cs, "facebook/tasks.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = answer(data_case_long(c, "status"), c->body);
		if (graph_tasks_parse(&res, &list) != tasks_verdict(c))
			fail_msg("%s: wrong verdict", data_case_where(c));
		if ((tasks = data_case_str(c, "tasks")) == NULL)
			assert_true(list == NULL || *list == '\0');
		else
			assert_string_equal(list, tasks);
		free(list);
	}
	data_cases_free(&cs);
	/* The recorded /me/accounts entry names MODERATE (and MANAGE). */
	doc = sample_json("facebook/me_accounts_page_tokens_cjk.json");
	o = json_array_get(json_object_get(doc, "data"), 0);
	json_incref(o);
	json_decref(doc);
	body = dump(o);
	res = answer(200, body);
	assert_int_equal(graph_tasks_parse(&res, &list), GRAPH_TASKS_MODERATE);
	assert_non_null(strstr(list, "MODERATE"));
	free(list);
	free(body);

	assert_int_equal(graph_ids_request(&fb_page, "TOK", &req, NULL), 0);
	assert_non_null(strstr(req.url, "/me/feed?"));
	assert_non_null(strstr(req.url, "comments.limit%2825%29%7Bid%2Cmessage%7D"));
	platform_request_clear(&req);
	/* The recorded comments without ids (no Moderate task), as a post's. */
	o = sample_json("facebook/post_comments_stream_summary_page1.json");
	body = dump(json_pack("{s:[{s:s, s:o}, {s:s, s:{s:[{s:s}]}}, {s:s}]}",
	    "data", "id", "p1", "comments", o, "id", "p2", "comments", "data",
	    "id", "104_201", "id", "p3"));
	res = answer(200, body);
	assert_int_equal(graph_ids_parse(&res, &with, &without, NULL), 0);
	assert_int_equal(with, 1);
	assert_int_equal(without, 10);
	free(body);
	data_cases_read(&cs, "facebook/login.cases");
	res = login_answer(&cs, "a feed without posts");
	assert_int_equal(graph_ids_parse(&res, &with, &without, NULL), 0);
	assert_int_equal(with + without, 0);
	res = login_answer(&cs, "an answer without data");
	assert_int_equal(graph_ids_parse(&res, &with, &without, &cause), -1);
	assert_string_equal(cause, "malformed response: no data");
	free(cause);
	data_cases_free(&cs);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_graph_session_requests),
		T(test_graph_session_parse_page_answer),
		T(test_graph_session_parse_refusals),
		T(test_graph_login_samples),
		T(test_graph_login_refuses_unsendable_tokens),
		T(test_graph_doctor_moderate),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
