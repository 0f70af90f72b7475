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
#include "lib/graph-cases.h"
#include "lib/graph-fixture.h"

/*
 * Classify an answer as a platform does: the class, and the words (NULL:
 * none); a failure names the case.
 */
static void
check_classify(const struct platform_ops *ops, const char *where,
    const struct platform_response *res, int want, const char *want_cause)
{
	char	*cause = NULL;
	int	 got;

	if ((got = ops->classify(res, &cause)) != want)
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
 * Every recorded error answer (tests/data/facebook/errors.cases) gets the
 * right class and plain words, on either platform.
 */
static void
test_graph_classify_recorded_errors(void **state)
{
	static const struct {
		const struct platform_ops	*ops;
		const char			*key;
	} ops[] = {
		{ &facebook_ops, "facebook-cause" },
		{ &instagram_ops, "instagram-cause" },
	};
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	const char			*want;
	char				*cause;
	size_t				 i, j;

	(void)state;
	data_cases_read(&cs, "facebook/errors.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = case_answer(c);
		for (j = 0; j < nitems(ops); j++) {
			if ((want = data_case_str(c, ops[j].key)) == NULL)
				want = data_case_str(c, "cause");
			if (want == NULL)
				fail_msg("%s: no cause", data_case_where(c));
			check_classify(ops[j].ops, data_case_where(c), &res,
			    data_case_err(c, "class"), want);
		}
		/* The same answer fails a parse. */
		cause = NULL;
		assert_int_equal(graph_fail_status(&res, &cause), -1);
		assert_non_null(cause);
		free(cause);
	}
	data_cases_free(&cs);
}

/*
 * Errors built here (tests/data/facebook/classify.cases, and as Instagram
 * reads them tests/data/instagram/classify.cases): every code heed knows,
 * and hostile envelopes.
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
	static const struct {
		const char			*file;
		const struct platform_ops	*ops;
	} files[] = {
		{ "facebook/classify.cases", &facebook_ops },
		{ "instagram/classify.cases", &instagram_ops },
	};
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct buf			 b;
	char				*cause, *big;
	size_t				 i, j;

	(void)state;
	for (i = 0; i < nitems(files); i++) {
		data_cases_read(&cs, files[i].file);
		for (j = 0; j < cs.n; j++) {
			c = &cs.v[j];
			res = case_answer(c);
			check_classify(files[i].ops, data_case_where(c), &res,
			    data_case_err(c, "class"), data_case_str(c,
			    "cause"));
		}
		data_cases_free(&cs);
	}
	for (i = 0; i < nitems(offline); i++) {
		res = network_failure(offline[i].body);
		check_classify(&facebook_ops, "offline", &res,
		    PLATFORM_ERR_TEMPORARY, offline[i].cause);
	}

	/* A long message is cut to a line of 200 columns. */
	buf_init(&b, 0);
	buf_addstr(&b, "{\"error\":{\"code\":999,\"message\":\"");
	for (i = 0; i < 5000; i++)
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
 * The pause a case of pace.cases asks for: a header's value in an answer
 * 200 "{}", or an answer with a status and a body (and maybe a header).
 */
static int64_t
pace_case(const struct data_case *c)
{
	struct platform_header		h;
	struct platform_response	res;

	if (data_case_str(c, "status") == NULL)
		return pace_with(data_case_str(c, "header"), c->body);
	res = case_answer(c);
	if ((h.name = data_case_str(c, "header")) != NULL) {
		h.value = data_case_str(c, "value");
		res.headers = &h;
		res.nheaders = 1;
	}
	return facebook_ops.pace(&res, fb_page.now);
}

/*
 * Usage headers and refusals for the limit (tests/data/facebook/
 * pace.cases): nothing below 75%, longer pauses above, named waits.
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
		if ((got = pace_case(c)) != data_case_long(c, "pause"))
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
