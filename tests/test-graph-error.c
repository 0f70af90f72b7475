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

#include "lib/data.h"
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

/*
 * Classify an answer as Facebook: the class, and the words (NULL: none);
 * a failure names the case.
 */
static void
check_classify(const char *where, const struct platform_response *res,
    int want, const char *want_cause)
{
	char	*cause = NULL;
	int	 got;

	if ((got = facebook_ops.classify(res, &cause)) != want)
		fail_msg("%s: class %d, want %d", where, got, want);
	if ((want_cause == NULL) != (cause == NULL) || (cause != NULL &&
	    strcmp(cause, want_cause) != 0))
		fail_msg("%s: cause \"%s\", want \"%s\"", where,
		    cause != NULL ? cause : "(none)",
		    want_cause != NULL ? want_cause : "(none)");
	assert_true(clean_line(cause));
	free(cause);
}

/*
 * Errors built here (tests/data/facebook/classify.cases): every code heed
 * knows, and hostile envelopes.
 */
static void
test_graph_classify_hostile_errors(void **state)
{
	/* The network failed: the words the transport gave, cleaned. */
	static const struct {
		const char	*body;
		const char	*cause;
	} offline[] = {
		{ "Could not resolve host: graph.facebook.com",
		    "Could not resolve host: graph.facebook.com" },
		{ "", "cannot reach the Graph API" },
		{ "a\x1b[2Jb\r\nc", "ab c" },
	};
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct buf			 b;
	char				*cause, *big;
	size_t				 i;
	int				 j;

	(void)state;
	data_cases_read(&cs, "facebook/classify.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = answer(data_case_long(c, "status"), c->body);
		check_classify(data_case_where(c), &res,
		    data_case_err(c, "class"), data_case_str(c, "cause"));
	}
	data_cases_free(&cs);
	for (i = 0; i < nitems(offline); i++) {
		res = network_failure(offline[i].body);
		check_classify("offline", &res, PLATFORM_ERR_TEMPORARY,
		    offline[i].cause);
	}
	/* Bytes that are not UTF-8 (kept here: no text file holds them). */
	res = answer(400, "{\"error\":{\"code\":999,\"message\":\"\xff\xfe "
	    "bad \xc3\"}}");
	check_classify("not UTF-8", &res, PLATFORM_ERR_PERMANENT,
	    "Facebook refused it "
	    "(error 999: \xef\xbf\xbd\xef\xbf\xbd bad \xef\xbf\xbd)");

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

/*
 * Usage headers (tests/data/facebook/pace.cases): nothing below 75%, longer
 * pauses above, named waits.
 */
static void
test_graph_pace(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_header		 h[2];
	struct platform_response	 res;
	char				*app, *pages, *messenger;
	size_t				 i;
	int64_t				 got;

	(void)state;
	data_cases_read(&cs, "facebook/pace.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		if ((got = pace_with(data_case_str(c, "header"), c->body)) !=
		    data_case_long(c, "pause"))
			fail_msg("%s: want %ld, got %lld", data_case_where(c),
			    data_case_long(c, "pause"), (long long)got);
	}
	data_cases_free(&cs);

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
	res = network_failure("offline");
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
