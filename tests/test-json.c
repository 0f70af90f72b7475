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

#include <dirent.h>

#include "json.h"
#include "json-private.h"
#include "util.h"
#include "lib/data.h"

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

/* One input for the fast reader, and whether it reads it (1) or not. */
struct read_case {
	const char	*text;
	size_t		 len;
	int		 reads;
};

#define READS(s)	{ (s), sizeof (s) - 1, 1 }
#define DECLINES(s)	{ (s), sizeof (s) - 1, 0 }

/*
 * Check the fast reader against jansson on one input: what it reads,
 * jansson reads into the same tree (the same dump, members in the same
 * order); what jansson refuses, it refuses. Return whether it read it.
 */
static int
read_like_jansson(const char *text, size_t len, const char *what)
{
	json_t	*fast, *ref;
	char	*a, *b;
	int	 read;

	fast = jdoc_read(text, len);
	ref = json_loadb(text, len, JSON_ALLOW_NUL, NULL);
	read = fast != NULL;
	if (fast != NULL && ref == NULL)
		fail_msg("%s: read what jansson refuses", what);
	if (fast != NULL) {
		a = json_dumps(fast, JSON_COMPACT | JSON_ENCODE_ANY);
		b = json_dumps(ref, JSON_COMPACT | JSON_ENCODE_ANY);
		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b) != 0)
			fail_msg("%s: read\n%s\njansson reads\n%s", what, a, b);
		free(a);
		free(b);
	}
	json_decref(fast);
	json_decref(ref);
	return read;
}

/* The fast reader builds jansson's tree, or declines; a table of cases. */
static void
test_read_is_jansson_or_declines(void **state)
{
	static const struct read_case cases[] = {
		READS("{}"),
		READS("[]"),
		READS(" \t\r\n{ \t\r\n} \t\r\n"),
		READS("{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}"),
		READS("[ 1 , [ ] , { } , \"\" , { \"\" : \"\" } ]"),
		/* A repeated key keeps its place and takes the last value. */
		READS("{\"a\":1,\"b\":2,\"a\":{\"x\":3},\"c\":4,\"b\":5}"),
		READS("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"]"),
		READS("[\"caf\\u00e9 \\u20AC \\ud83d\\ude00 \\u0041\"]"),
		READS("[\"nul \\u0000 inside\", \"\\u0000\"]"),
		READS("[\"Zo\xc3\xab \xf0\x9f\x8c\xb8 \xe2\x89\xa0 \xc2\x80 "
		    "\xef\xbf\xbf \xf4\x8f\xbf\xbf\"]"),
		READS("{\"k\\u00e9y\":1,\"k\\\\ey\":{\"x\\\"\":[\"\\n\"]}}"),
		READS("{\"\\u00e9\":{\"\\u00e9\":\"\\u00e8\"}}"),
		READS("[0,-0,1,-1,123456789012345678,-123456789012345678]"),
		READS("[9223372036854775807,-9223372036854775808]"),
		READS("[1234567890123456789,-1234567890123456789,"
		    "100000000000000000,999999999999999999]"),
		READS("[1.5,-0.25,1e3,1E+3,2e-3,0.0,-0e0,1.7976931348623157e308]"),
		READS("{\"a\":[[[[[[[[[[{\"b\":[[[[[[[[[[]]]]]]]]]]}]]]]]]]]]]}"),
		/* What jansson refuses. */
		DECLINES(""),
		DECLINES("   "),
		DECLINES("1"),
		DECLINES("\"s\""),
		DECLINES("null"),
		DECLINES("{\"a\":1}x"),
		DECLINES("{\"a\":1}{}"),
		DECLINES("{\"a\":1,}"),
		DECLINES("[1,]"),
		DECLINES("[,1]"),
		DECLINES("[1 2]"),
		DECLINES("{\"a\" 1}"),
		DECLINES("{\"a\":}"),
		DECLINES("{1:2}"),
		DECLINES("{'a':1}"),
		DECLINES("[01]"),
		DECLINES("[-01]"),
		DECLINES("[1.]"),
		DECLINES("[.5]"),
		DECLINES("[1e]"),
		DECLINES("[1e+]"),
		DECLINES("[-]"),
		DECLINES("[+1]"),
		DECLINES("[0x10]"),
		DECLINES("[9223372036854775808]"),
		DECLINES("[-9223372036854775809]"),
		DECLINES("[123456789012345678901234567890]"),
		DECLINES("[1e999]"),
		DECLINES("[truex]"),
		DECLINES("[nul]"),
		DECLINES("[True]"),
		DECLINES("[\"a\x01" "b\"]"),
		DECLINES("[\"a\nb\"]"),
		DECLINES("[\"\\q\"]"),
		DECLINES("[\"\\u12\"]"),
		DECLINES("[\"\\u12g4\"]"),
		DECLINES("[\"\\ud800\"]"),
		DECLINES("[\"\\udc00\"]"),
		DECLINES("[\"\\ud800\\u0041\"]"),
		DECLINES("[\"\\ud800\\ud800\"]"),
		DECLINES("[\"\\ud800x\"]"),
		DECLINES("[\"\xff\"]"),
		DECLINES("[\"\x80\"]"),
		DECLINES("[\"\xc0\x80\"]"),
		DECLINES("[\"\xc1\xbf\"]"),
		DECLINES("[\"\xe0\x9f\xbf\"]"),
		DECLINES("[\"\xed\xa0\x80\"]"),
		DECLINES("[\"\xf0\x8f\xbf\xbf\"]"),
		DECLINES("[\"\xf4\x90\x80\x80\"]"),
		DECLINES("[\"\xf5\x80\x80\x80\"]"),
		DECLINES("[\"\xe2\x82\"]"),
		DECLINES("[\"\xe2\x82"),
		DECLINES("[\"\xc3\"]"),
		DECLINES("[\"\xe9t\xe9\"]"),
		DECLINES("{\"a\\u0000b\":1}"),
		DECLINES("{\"\\u0000\":1}"),
		DECLINES("[\"abc"),
		DECLINES("[\"abc\\"),
		DECLINES("[\"abc\\u00"),
		DECLINES("["),
		DECLINES("{"),
		DECLINES("{\"a\""),
		DECLINES("{\"a\":"),
		DECLINES("[1"),
		DECLINES("[1,"),
		DECLINES("]"),
		DECLINES("\xef\xbb\xbf{}"),
		DECLINES("{}\0"),
		DECLINES("[\0]"),
		DECLINES("[\"\0\"]"),
	};
	char	 what[32];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(what, sizeof what, "case %zu", i);
		if (read_like_jansson(cases[i].text, cases[i].len, what) !=
		    cases[i].reads)
			fail_msg("case %zu: %s", i, cases[i].reads ?
			    "not read" : "read");
	}
}

/* Make a document of n arrays, one inside the other. */
static char *
nested(size_t n, size_t *len)
{
	char	*s = xmalloc(2 * n + 1);

	memset(s, '[', n);
	memset(s + n, ']', n);
	s[2 * n] = '\0';
	*len = 2 * n;
	return s;
}

/*
 * Deep nesting is left to jansson, which reads it to its own limit; the
 * parse gives its tree all the same.
 */
static void
test_read_leaves_deep_documents_to_jansson(void **state)
{
	json_t	*doc;
	char	*s;
	size_t	 len;

	(void)state;
	s = nested(512, &len);
	assert_int_equal(read_like_jansson(s, len, "512 deep"), 1);
	free(s);
	s = nested(513, &len);
	assert_int_equal(read_like_jansson(s, len, "513 deep"), 0);
	doc = jdoc_parse(s, len, NULL);
	assert_non_null(doc);
	assert_int_equal(json_array_size(doc), 1);
	jdoc_free(doc);
	free(s);
	s = nested(5000, &len);
	assert_int_equal(read_like_jansson(s, len, "5000 deep"), 0);
	assert_null(jdoc_parse(s, len, NULL));
	free(s);
	assert_int_equal(jdoc_live(), 0);
}

/* Check the reader on every JSON file under tests/data/DIR. */
static size_t
read_data_dir(const char *dir)
{
	const char	*src = getenv("SRCDIR");
	struct dirent	*e;
	DIR		*d;
	json_t		*ref;
	char		 path[4096], name[512], *text;
	size_t		 n = 0, len, nlen;

	snprintf(path, sizeof path, "%s/tests/data/%s",
	    src != NULL && *src != '\0' ? src : ".", dir);
	if ((d = opendir(path)) == NULL)
		fail_msg("cannot open %s", path);
	while ((e = readdir(d)) != NULL) {
		nlen = strlen(e->d_name);
		if (nlen < 6 || strcmp(e->d_name + nlen - 5, ".json") != 0)
			continue;
		snprintf(name, sizeof name, "%s/%s", dir, e->d_name);
		text = data_read(name, &len);
		/* What jansson reads here, the reader reads too. */
		ref = json_loadb(text, len, JSON_ALLOW_NUL, NULL);
		if (read_like_jansson(text, len, name) != (ref != NULL))
			fail_msg("%s: not read", name);
		json_decref(ref);
		free(text);
		n++;
	}
	closedir(d);
	return n;
}

/* The recorded answers of every platform read as jansson reads them. */
static void
test_read_recorded_answers(void **state)
{
	(void)state;
	assert_true(read_data_dir("bluesky") > 10);
	assert_true(read_data_dir("facebook") > 10);
	assert_true(read_data_dir("instagram") > 5);
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
		cmocka_unit_test(test_read_is_jansson_or_declines),
		cmocka_unit_test(test_read_leaves_deep_documents_to_jansson),
		cmocka_unit_test(test_read_recorded_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
