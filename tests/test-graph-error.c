/*
 * test-graph-error.c -- the Graph API's refusals: recorded and hostile
 * error answers and the class and words each gets, the error envelope,
 * and the pauses the usage headers ask for.
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

/* Every recorded error answer gets the right class and plain words. */
static void
test_graph_classify_recorded_errors(void **state)
{
	static const struct {
		const char	*file;
		long		 status;
		int		 want;
		const char	*cause;		/* exact */
		const char	*start;		/* or its start */
	} cases[] = {
		{ "facebook/error_190_463_session_expired.json", 400,
		    PLATFORM_ERR_AUTH, "Facebook says the login has expired "
		    "(error 190/463)", NULL },
		{ "facebook/error_190_493_not_engaged_90_days.json", 401,
		    PLATFORM_ERR_AUTH, "Facebook says the login expired after "
		    "90 days without use (error 190/493)", NULL },
		{ "facebook/error_4_application_request_limit.json", 403,
		    PLATFORM_ERR_RATE, "the app's request limit is reached "
		    "(error 4)", NULL },
		{ "facebook/error_200_permissions_error.json", 403,
		    PLATFORM_ERR_DENIED, NULL, "the login lacks a permission "
		    "for this (error 200: (#200) Permissions error); " },
		{ "facebook/error_283_requires_pages_read_engagement.json",
		    403, PLATFORM_ERR_DENIED, "the login lacks the "
		    "pages_read_engagement permission (error 283); run heed "
		    "login again and allow it", NULL },
		{ "facebook/error_100_missing_pages_read_engagement.json", 400,
		    PLATFORM_ERR_DENIED, "the login lacks the "
		    "pages_read_engagement permission (error 100); run heed "
		    "login again and allow it", NULL },
		/* Refusals name the platform asked (the login Facebook). */
		{ "facebook/error_368_abusive_content_converted.json", 400,
		    PLATFORM_ERR_TEMPORARY, "@ blocks this for now "
		    "(error 368: Your message couldn't be sent because it "
		    "includes content that other people on Facebook have "
		    "reported as abusive.); heed tries again later", NULL },
	};
	static const struct platform_ops *const ops[] = {
		&facebook_ops, &instagram_ops
	};
	struct platform_response	 res;
	char				*body, *cause, *want;
	size_t				 i, j;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		body = sample(cases[i].file, NULL);
		res = answer(cases[i].status, body);
		for (j = 0; j < nitems(ops); j++) {
			cause = NULL;
			assert_int_equal(ops[j]->classify(&res, &cause),
			    cases[i].want);
			assert_non_null(cause);
			if (cases[i].cause != NULL && *cases[i].cause == '@') {
				want = xprintf("%s%s", ops[j]->label,
				    cases[i].cause + 1);
				assert_string_equal(cause, want);
				free(want);
			} else if (cases[i].cause != NULL)
				assert_string_equal(cause, cases[i].cause);
			else
				assert_true(strncmp(cause, cases[i].start,
				    strlen(cases[i].start)) == 0);
			assert_true(clean_line(cause));
			free(cause);
		}
		/* The same answer fails a parse with the same words. */
		cause = NULL;
		assert_int_equal(graph_fail_status(&res, &cause), -1);
		assert_non_null(cause);
		free(cause);
		free(body);
	}
}

/* Errors built here: every code heed knows, and hostile envelopes. */
static void
test_graph_classify_hostile_errors(void **state)
{
	static const struct {
		long		 status;
		const char	*body;
		int		 want;
		const char	*cause;
	} cases[] = {
		{ 400, "{\"error\":{\"code\":368,\"message\":\"You already "
		    "posted this\"}}", PLATFORM_ERR_DUPLICATE,
		    "already posted (error 368)" },
		{ 400, "{\"error\":{\"code\":368,\"message\":\"ALREADY sent\"}}",
		    PLATFORM_ERR_DUPLICATE, "already posted (error 368)" },
		{ 400, "{\"error\":{\"code\":368}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook blocks this for now (error 368: a policy block); "
		    "heed tries again later" },
		{ 400, "{\"error\":{\"code\":506,\"message\":\"Duplicate status "
		    "message\"}}", PLATFORM_ERR_DUPLICATE,
		    "already done (error 506)" },
		{ 400, "{\"error\":{\"code\":10900}}", PLATFORM_ERR_DUPLICATE,
		    "already done (error 10900)" },
		{ 400, "{\"error\":{\"message\":\"Unsupported get request. "
		    "Object with ID '1_2' does not exist, cannot be loaded due "
		    "to missing permissions, or does not support this "
		    "operation.\",\"type\":\"GraphMethodException\","
		    "\"code\":100,\"error_subcode\":33}}", PLATFORM_ERR_GONE,
		    "it is no longer there (error 100/33)" },
		{ 400, "{\"error\":{\"code\":\"100\",\"error_subcode\":\"33\"}}",
		    PLATFORM_ERR_GONE, "it is no longer there (error 100/33)" },
		{ 400, "{\"error\":{\"code\":100,\"message\":\"(#100) Tried "
		    "accessing nonexisting field (feed) on node type (User)\"}}",
		    PLATFORM_ERR_AUTH, "this is a person's token, not a Page's" },
		{ 400, "{\"error\":{\"code\":100,\"message\":\"(#100) Invalid "
		    "parameter\"}}", PLATFORM_ERR_PERMANENT, "Facebook refused "
		    "it (error 100: (#100) Invalid parameter)" },
		{ 400, "{\"error\":{\"code\":100,\"message\":\"needs "
		    "pages_manage_engagement.\"}}", PLATFORM_ERR_DENIED,
		    "the login lacks the pages_manage_engagement permission "
		    "(error 100); run heed login again and allow it" },
		{ 403, "{\"error\":{\"code\":10,\"message\":\"(#10) Requires "
		    "instagram_manage_comments\"}}", PLATFORM_ERR_DENIED,
		    "the login lacks the instagram_manage_comments permission "
		    "(error 10); run heed login again and allow it" },
		{ 403, "{\"error\":{\"code\":230,\"message\":\"Requires "
		    "pages_messaging permission to manage the object\"}}",
		    PLATFORM_ERR_DENIED, "the login lacks the pages_messaging "
		    "permission (error 230); run heed login again and allow "
		    "it" },
		{ 401, "{\"error\":{\"code\":190}}", PLATFORM_ERR_AUTH,
		    "Facebook says the login is no longer valid (error 190)" },
		{ 401, "{\"error\":{\"code\":102,\"message\":\"Session key "
		    "invalid\"}}", PLATFORM_ERR_AUTH,
		    "Facebook says the login is no longer valid (error 102)" },
		{ 401, "{\"error\":{\"code\":190,\"error_subcode\":460}}",
		    PLATFORM_ERR_AUTH, "Facebook says the password was changed "
		    "(error 190/460)" },
		{ 401, "{\"error\":{\"code\":190,\"error_subcode\":492}}",
		    PLATFORM_ERR_AUTH, "Facebook says the person who logged in "
		    "no longer has a role on the Page (error 190/492)" },
		{ 401, "{\"error\":{\"code\":190,\"error_subcode\":459}}",
		    PLATFORM_ERR_PERMANENT, "Facebook holds the account at a "
		    "security check: log in at facebook.com once" },
		{ 401, "{\"error\":{\"code\":190,\"message\":\"Invalid OAuth "
		    "access token - Cannot parse access token\"}}",
		    PLATFORM_ERR_AUTH,
		    "Facebook says the login is no longer valid (error 190)" },
		{ 400, "{\"error\":{\"code\":\"4\"}}", PLATFORM_ERR_RATE,
		    "the app's request limit is reached (error 4)" },
		{ 400, "{\"error\":{\"code\":17}}", PLATFORM_ERR_RATE,
		    "the account's request limit is reached (error 17)" },
		{ 400, "{\"error\":{\"code\":32}}", PLATFORM_ERR_RATE,
		    "the Page's request limit is reached (error 32)" },
		{ 400, "{\"error\":{\"code\":613}}", PLATFORM_ERR_RATE,
		    "the app's request limit is reached (error 613)" },
		{ 400, "{\"error\":{\"code\":80001}}", PLATFORM_ERR_RATE,
		    "the Page's request limit is reached (error 80001)" },
		{ 500, "{\"error\":{\"code\":1,\"message\":\"An unknown error "
		    "occurred\"}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook had a passing problem (error 1)" },
		{ 500, "{\"error\":{\"code\":2}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook had a passing problem (error 2)" },
		{ 400, "{\"error\":{\"code\":10903}}", PLATFORM_ERR_PERMANENT,
		    "a private reply is no longer possible for this comment "
		    "(error 10903)" },
		{ 400, "{\"error\":{\"code\":999,\"is_transient\":true,"
		    "\"message\":\"x\"}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook answered 400: x" },
		{ 400, "{\"error\":{\"code\":999,\"is_transient\":\"true\"}}",
		    PLATFORM_ERR_PERMANENT, "Facebook refused it (error 999)" },
		{ 599, "{\"error\":{\"code\":\"network\",\"message\":\"Could "
		    "not resolve host: graph.facebook.com\"}}",
		    PLATFORM_ERR_TEMPORARY,
		    "Could not resolve host: graph.facebook.com" },
		{ 599, "", PLATFORM_ERR_TEMPORARY,
		    "cannot reach the Graph API" },
		{ 599, "{\"error\":{\"message\":\"a\\u001b[2Jb\\r\\nc\"}}",
		    PLATFORM_ERR_TEMPORARY, "ab c" },
		{ 502, "<html><body>Bad gateway</body></html>",
		    PLATFORM_ERR_TEMPORARY, "Facebook answered 502" },
		{ 429, "", PLATFORM_ERR_RATE, "Facebook answered 429" },
		{ 408, "", PLATFORM_ERR_TEMPORARY, "Facebook answered 408" },
		{ 400, "{}", PLATFORM_ERR_PERMANENT, "Facebook answered 400" },
		{ 400, "{\"error\":\"bad\"}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":[1]}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":-4}}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":4.5}}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":10000000000}}",
		    PLATFORM_ERR_PERMANENT, "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":\"4x\"}}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":null,\"message\":null}}",
		    PLATFORM_ERR_PERMANENT, "Facebook answered 400" },
		{ 400, "[\"error\"]", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":999,\"message\":\"a\\u001b[31mred"
		    "\\u202eb\\u009b1mc\\u200f\\nd\\td\"}}",
		    PLATFORM_ERR_PERMANENT,
		    "Facebook refused it (error 999: aredbc d d)" },
		/* A one-line field ends at a NUL. */
		{ 400, "{\"error\":{\"code\":999,\"message\":\"a\\u001b[31mred"
		    "\\u0000\\u001b[2J\"}}", PLATFORM_ERR_PERMANENT,
		    "Facebook refused it (error 999: ared)" },
		{ 400, "{\"error\":{\"code\":999,\"message\":\"\xff\xfe bad "
		    "\xc3\"}}", PLATFORM_ERR_PERMANENT, "Facebook refused it "
		    "(error 999: \xef\xbf\xbd\xef\xbf\xbd bad \xef\xbf\xbd)" },
		{ 400, "{\"error\":{\"code\":368,\"message\":\"\\u009d8;;"
		    "https://evil\\u009cclick\"}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook blocks this for now (error 368: click); heed "
		    "tries again later" },
		{ 200, "{\"error\":{\"code\":190}}", PLATFORM_OK, NULL },
		{ 204, "", PLATFORM_OK, NULL },
	};
	struct platform_response	 res;
	struct buf			 b;
	char				*cause, *big;
	size_t				 i;
	int				 j;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		res = answer(cases[i].status, cases[i].body);
		cause = NULL;
		assert_int_equal(facebook_ops.classify(&res, &cause),
		    cases[i].want);
		if (cases[i].cause == NULL)
			assert_null(cause);
		else
			assert_string_equal(cause, cases[i].cause);
		assert_true(clean_line(cause));
		free(cause);
	}

	/* A long message is cut to a line of 200 columns. */
	buf_init(&b, 0);
	buf_addstr(&b, "{\"error\":{\"code\":999,\"message\":\"");
	for (j = 0; j < 5000; j++)
		buf_addstr(&b, "ab\xe2\x80\x99\xe4\xb8\xad");
	buf_addstr(&b, "\"}}");
	res = answer(400, b.data);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_PERMANENT);
	assert_true(strncmp(cause, "Facebook refused it (error 999: ab\xe2\x80"
	    "\x99\xe4\xb8\xad", 40) == 0);
	assert_int_equal(text_width(cause), 32 + 200 + 1);
	assert_true(clean_line(cause));
	free(cause);
	buf_free(&b);

	/* Instagram's refusals name Instagram, its logins Facebook's. */
	res = answer(400, "{\"error\":{\"code\":999,\"message\":\"x\"}}");
	assert_int_equal(instagram_ops.classify(&res, &cause),
	    PLATFORM_ERR_PERMANENT);
	assert_string_equal(cause, "Instagram refused it (error 999: x)");
	free(cause);
	res = answer(502, "");
	assert_int_equal(instagram_ops.classify(&res, &cause),
	    PLATFORM_ERR_TEMPORARY);
	assert_string_equal(cause, "Instagram answered 502");
	free(cause);
	res = answer(400, "{\"error\":{\"code\":190,\"error_subcode\":463}}");
	assert_int_equal(instagram_ops.classify(&res, &cause),
	    PLATFORM_ERR_AUTH);
	assert_string_equal(cause, "Facebook says the login has expired "
	    "(error 190/463)");
	free(cause);

	/* A body over 64 KiB is not read, let alone 20 MiB. */
	big = big_body("{\"error\":{\"code\":506,\"message\":\"", 'x',
	    70 * 1024, "\"}}");
	res = answer(400, big);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_PERMANENT);
	assert_string_equal(cause, "Facebook answered 400");
	free(cause);
	free(big);
	big = big_body("{\"error\":{\"code\":1,\"message\":\"", 'x', 20 << 20,
	    "\"}}");
	res = answer(500, big);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_TEMPORARY);
	assert_string_equal(cause, "Facebook answered 500");
	free(cause);
	free(big);

	/* No answer at all; a body with no bytes. */
	assert_int_equal(graph_classify(NULL, &cause), PLATFORM_ERR_TEMPORARY);
	assert_string_equal(cause, "no answer");
	free(cause);
	res = answer(403, NULL);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_PERMANENT);
	assert_string_equal(cause, "Facebook answered 403");
	free(cause);
	res = answer(400, "{\"error\":{\"code\":4}}");
	assert_int_equal(graph_classify(&res, NULL), PLATFORM_ERR_RATE);
}

/* The error envelope as it is read: code, subcode, transient, words. */
static void
test_graph_error_envelope(void **state)
{
	struct platform_response	 res;
	struct graph_error		 e;
	char				*body;

	(void)state;
	body = sample("facebook/error_368_abusive_content_converted.json",
	    NULL);
	res = answer(400, body);
	graph_error_read(&res, &e);
	assert_int_equal(e.code, 368);
	assert_int_equal(e.subcode, 1346003);
	assert_int_equal(e.transient, 0);
	assert_string_equal(e.message, "Your message couldn't be sent because "
	    "it includes content that other people on Facebook have reported "
	    "as abusive.");
	assert_null(e.user_msg);		/* "" */
	graph_error_clear(&e);
	free(body);

	body = sample("facebook/error_4_application_request_limit.json", NULL);
	res = answer(400, body);
	graph_error_read(&res, &e);
	assert_int_equal(e.code, 4);
	assert_int_equal(e.subcode, -1);
	assert_int_equal(e.transient, 1);
	assert_string_equal(e.message, "(#4) Application request limit "
	    "reached");
	graph_error_clear(&e);
	free(body);

	res = answer(400, "not json");
	graph_error_read(&res, &e);
	assert_int_equal(e.code, -1);
	assert_int_equal(e.subcode, -1);
	assert_null(e.message);
	graph_error_clear(&e);
	graph_error_read(NULL, &e);
	assert_int_equal(e.code, -1);
	graph_error_clear(&e);
}

/* A header answer with one usage header. */
static int64_t
pace_with(const char *name, const char *value)
{
	struct platform_header		h;
	struct platform_response	res = answer(200, "{}");

	h.name = name;
	h.value = value;
	res.headers = &h;
	res.nheaders = 1;
	return facebook_ops.pace(&res, fb_page.now);
}

/* Usage headers: nothing below 75%, longer pauses above, named waits. */
static void
test_graph_pace(void **state)
{
	static const struct {
		const char	*name;
		const char	*value;
		int64_t		 ms;
	} cases[] = {
		{ "X-App-Usage", "{\"call_count\":74,\"total_cputime\":10}", 0 },
		{ "X-App-Usage", "{\"call_count\":75}", 1000 },
		{ "x-app-usage", "{\"call_count\":10,\"total_time\":80}", 6000 },
		{ "X-APP-USAGE", "{\"total_cputime\":99.9}", 25000 },
		{ "X-App-Usage", "{\"call_count\":100}", 60000 },
		{ "X-App-Usage", "{\"call_count\":250}", 60000 },
		{ "X-Ad-Account-Usage", "{\"acc_id_util_pct\":90}", 16000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"type\":\"pages\","
		    "\"call_count\":20,\"estimated_time_to_regain_access\":5}]}",
		    300000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"call_count\":20}],"
		    "\"2\":[{\"call_count\":1},{\"total_time\":96}]}", 22000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"call_count\":100,"
		    "\"estimated_time_to_regain_access\":2}]}", 120000 },
		/* Garbage counts as nothing. */
		{ "X-App-Usage", "", 0 },
		{ "X-App-Usage", "not json", 0 },
		{ "X-App-Usage", "{\"call_count\":", 0 },
		{ "X-App-Usage", "[99]", 0 },
		{ "X-App-Usage", "{\"call_count\":\"99\"}", 0 },
		{ "X-App-Usage", "{\"call_count\":-99}", 0 },
		{ "X-App-Usage", "{\"call_count\":1e300}", 0 },
		{ "X-App-Usage", "{\"call_count\":null}", 0 },
		{ "X-Business-Use-Case-Usage", "{\"1\":5}", 0 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[5,\"x\",null]}", 0 },
		{ "X-Business-Use-Case-Usage", "[{\"call_count\":99}]", 0 },
		/* A wild wait is held to a day; part of a minute is one. */
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":100000}]}", 86400000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":2.5}]}", 180000 },
		{ "X-App-Usage", "{\"estimated_time_to_regain_access\":0.1}",
		    60000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":-5}]}", 0 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":\"5\"}]}", 0 },
		{ "X-Other-Usage", "{\"call_count\":99}", 0 },
	};
	struct platform_header		 h[2];
	struct platform_response	 res;
	char				*app, *pages, *messenger;
	size_t				 i;
	int64_t				 got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		if ((got = pace_with(cases[i].name, cases[i].value)) !=
		    cases[i].ms)
			fail_msg("%s: %s: want %lld, got %lld", cases[i].name,
			    cases[i].value, (long long)cases[i].ms,
			    (long long)got);
	}

	/* The recorded header values. */
	app = sample("facebook/header_x_app_usage.json", NULL);
	pages = sample("facebook/header_x_business_use_case_usage_pages.json",
	    NULL);
	messenger = sample("facebook/"
	    "header_x_business_use_case_usage_messenger.json", NULL);
	assert_int_equal(pace_with("X-App-Usage", app), 17000);	/* 91% */
	assert_int_equal(pace_with("X-Business-Use-Case-Usage", pages), 0);
	assert_int_equal(pace_with("X-Business-Use-Case-Usage", messenger), 0);
	/* Read as the wrong header, they still mean little. */
	assert_int_equal(pace_with("X-App-Usage", pages), 0);
	assert_int_equal(pace_with("X-Business-Use-Case-Usage", app), 0);

	/* Both at once: the higher use counts. */
	res = answer(200, "{}");
	h[0].name = "X-Business-Use-Case-Usage";
	h[0].value = pages;
	h[1].name = "X-App-Usage";
	h[1].value = app;
	res.headers = h;
	res.nheaders = 2;
	assert_int_equal(instagram_ops.pace(&res, 0), 17000);
	res.nheaders = 1;
	assert_int_equal(graph_pace(&res, 0), 0);

	/* No headers at all. */
	res = answer(200, "{}");
	assert_int_equal(graph_pace(&res, 0), 0);
	assert_int_equal(graph_pace(NULL, 0), 0);
	/* Refused for the limit with no time named: a minute. */
	res = answer(400, "{\"error\":{\"code\":32,\"message\":\"(#32) Page "
	    "request limit reached\"}}");
	assert_int_equal(graph_pace(&res, 0), 60000);
	/* ... but a Retry-After names one, which the engine honours. */
	h[0].name = "Retry-After";
	h[0].value = "1";
	res.headers = h;
	res.nheaders = 1;
	assert_int_equal(graph_pace(&res, 0), 0);
	res = answer(400, "{\"error\":{\"code\":100}}");
	assert_int_equal(graph_pace(&res, 0), 0);
	res = answer(599, "{\"error\":{\"message\":\"offline\"}}");
	assert_int_equal(graph_pace(&res, 0), 0);
	free(app);
	free(pages);
	free(messenger);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_graph_classify_recorded_errors),
		T(test_graph_classify_hostile_errors),
		T(test_graph_error_envelope),
		T(test_graph_pace),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
