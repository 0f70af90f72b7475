/*
 * test-json.c -- tests for documents parsed into arenas (src/json.c).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

#define L(s)	(s), (sizeof (s) - 1)

static void
test_parse_reads_values(void **state)
{
	json_t	*doc;
	char	*why = NULL;

	(void)state;
	doc = jdoc_parse(L("{\"a\": [1, 2, {\"b\": \"caf\\u00e9\"}], "
	    "\"n\": null, \"t\": true}"), &why);
	assert_non_null(doc);
	assert_null(why);
	assert_int_equal(jdoc_live(), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "a")), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(doc, "a"), 2), "b")), "caf\xc3\xa9");
	assert_true(json_is_null(json_object_get(doc, "n")));
	assert_true(json_is_true(json_object_get(doc, "t")));
	jdoc_free(doc);
	assert_int_equal(jdoc_live(), 0);
	jdoc_free(NULL);
}

static void
test_parse_fails_with_a_safe_message(void **state)
{
	json_t	*doc;
	char	*why = NULL;

	(void)state;
	doc = jdoc_parse(L("{\"a\": [1, 2,\n\x1b[31m"), &why);
	assert_null(doc);
	assert_non_null(why);
	assert_null(strchr(why, '\x1b'));
	assert_non_null(strstr(why, "line 2"));
	free(why);
	assert_int_equal(jdoc_live(), 0);

	/* Nothing at all, and NULL. */
	assert_null(jdoc_parse("", 0, &why));
	free(why);
	assert_null(jdoc_parse(NULL, 0, NULL));
	assert_int_equal(jdoc_live(), 0);
}

static void
test_parse_repairs_invalid_utf8(void **state)
{
	json_t	*doc;
	char	*why = NULL;

	(void)state;
	doc = jdoc_parse(L("{\"s\": \"ab\xff" "cd\", \"t\": \"ok\"}"), &why);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "s")),
	    "ab\xef\xbf\xbd" "cd");
	assert_string_equal(json_string_value(json_object_get(doc, "t")),
	    "ok");
	jdoc_free(doc);
	assert_int_equal(jdoc_live(), 0);
}

/* Documents live side by side with plain jansson values. */
static void
test_arenas_and_plain_values_mix(void **state)
{
	json_t	*before, *a, *b, *after;
	char	*dump;

	(void)state;
	before = json_pack("{s:s, s:[i, i]}", "x", "before", "y", 1, 2);
	assert_non_null(before);
	a = jdoc_parse(L("{\"k\": \"first\"}"), NULL);
	b = jdoc_parse(L("[\"second\", {\"deep\": [[[]]]}]"), NULL);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(jdoc_live(), 2);
	after = json_object();
	json_object_set_new(after, "copy", json_string(json_string_value(
	    json_object_get(a, "k"))));
	/* Values made while documents are live are freed normally. */
	json_decref(before);
	jdoc_free(a);
	assert_int_equal(jdoc_live(), 1);
	dump = json_dumps(after, JSON_COMPACT);
	assert_string_equal(dump, "{\"copy\":\"first\"}");
	free(dump);
	json_decref(after);
	assert_string_equal(json_string_value(json_array_get(b, 0)),
	    "second");
	jdoc_free(b);
	assert_int_equal(jdoc_live(), 0);
}

/* A document larger than the first blocks and than the largest. */
static void
test_large_documents(void **state)
{
	struct buf	 b;
	json_t		*doc;
	char		*big;
	size_t		 i, n = 200000;

	(void)state;
	buf_init(&b, 0);
	buf_addstr(&b, "[");
	for (i = 0; i < n; i++)
		buf_addstr(&b, i == 0 ? "{\"i\":0}" : ",{\"i\":1}");
	buf_addstr(&b, ",\"");
	big = xmalloc(6 * 1024 * 1024);
	memset(big, 'x', 6 * 1024 * 1024 - 1);
	big[6 * 1024 * 1024 - 1] = '\0';
	buf_addstr(&b, big);
	buf_addstr(&b, "\"]");
	doc = jdoc_parse(b.data, b.len, NULL);
	assert_non_null(doc);
	assert_int_equal(json_array_size(doc), n + 1);
	assert_int_equal(json_string_length(json_array_get(doc, n)),
	    6 * 1024 * 1024 - 1);
	jdoc_free(doc);
	assert_int_equal(jdoc_live(), 0);
	free(big);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_reads_values),
		cmocka_unit_test(test_parse_fails_with_a_safe_message),
		cmocka_unit_test(test_parse_repairs_invalid_utf8),
		cmocka_unit_test(test_arenas_and_plain_values_mix),
		cmocka_unit_test(test_large_documents),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
