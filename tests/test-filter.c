/*
 * test-filter.c -- the queue's filter expressions (filter_parse), as
 * tables of cases, on a real cache that knows one account ("shop").
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "store.h"
#include "util.h"

struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*store;
	int64_t		 shop;
};

static int
setup(void **state)
{
	struct fixture	*f = xcalloc(1, sizeof *f);
	const char	*tmp = getenv("TMPDIR");
	char		*cause = NULL;

	snprintf(f->dir, sizeof f->dir, "%s/heed-test-filter.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	assert_non_null(mkdtemp(f->dir));
	f->path = xprintf("%s/cache.db", f->dir);
	f->store = store_open(f->path, 0, &cause);
	assert_non_null(f->store);
	assert_int_equal(store_account_ensure(f->store, "shop", "bluesky",
	    "acmeshop.test", "https://bsky.social", &f->shop, &cause), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		*p;

	store_close(f->store);
	p = xprintf("%s-wal", f->path);
	unlink(p);
	free(p);
	p = xprintf("%s-shm", f->path);
	unlink(p);
	free(p);
	unlink(f->path);
	rmdir(f->dir);
	free(f->path);
	free(f);
	return 0;
}

/* Compare a string field with what a case expects (NULL: unset). */
static void
check_field(const char *expr, const char *name, const char *got,
    const char *want)
{
	if (want == NULL && got == NULL)
		return;
	if (want == NULL || got == NULL || strcmp(want, got) != 0)
		fail_msg("\"%s\": %s is \"%s\", expected \"%s\"", expr, name,
		    got != NULL ? got : "(unset)", want != NULL ? want :
		    "(unset)");
}

/*
 * Expressions that are taken, and the filter each gives. A term given
 * twice keeps the last (found by fuzzing: the first value leaked, which
 * the sanitizer build's leak checker catches here).
 */
static void
test_filter_taken_fill_the_filter(void **state)
{
	static const struct {
		const char	*expr;
		const char	*author, *lang, *platform, *text;
		int		 kind, account;
		int64_t		 older, newer;
	} cases[] = {
		{ "", NULL, NULL, NULL, NULL, 0, 0, 0, 0 },
		{ "  \t ", NULL, NULL, NULL, NULL, 0, 0, 0, 0 },
		{ "teapot", NULL, NULL, NULL, "teapot", 0, 0, 0, 0 },
		{ "author:marloes  lang:en teapot\tkind:reply older:2h "
		    "account:shop platform:bluesky cup", "marloes", "en",
		    "bluesky", "teapot cup", 2, 1, 7200, 0 },
		{ "author:a author:bb lang:x lang:y platform:p platform:q",
		    "bb", "y", "q", NULL, 0, 0, 0, 0 },
		{ "kind:comment", NULL, NULL, NULL, NULL, 1, 0, 0, 0 },
		{ "kind:mention", NULL, NULL, NULL, NULL, 3, 0, 0, 0 },
		{ "kind:quote kind:reply", NULL, NULL, NULL, NULL, 2, 0, 0, 0 },
		{ "newer:1d", NULL, NULL, NULL, NULL, 0, 0, 0, 86400 },
		/* A colon at the start is part of a word, not a term. */
		{ ":tea pot", NULL, NULL, NULL, ":tea pot", 0, 0, 0, 0 },
		/* Only the first colon splits: the value keeps the rest. */
		{ "author:a:b", "a:b", NULL, NULL, NULL, 0, 0, 0, 0 },
		{ "author:", "", NULL, NULL, NULL, 0, 0, 0, 0 },
	};
	struct fixture		*f = *state;
	struct store_filter	 sf;
	char			*cause;
	size_t			 i;

	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		if (filter_parse(f->store, cases[i].expr, &sf, &cause) != 0)
			fail_msg("\"%s\" refused: %s", cases[i].expr, cause);
		check_field(cases[i].expr, "author", sf.author,
		    cases[i].author);
		check_field(cases[i].expr, "lang", sf.lang, cases[i].lang);
		check_field(cases[i].expr, "platform", sf.platform,
		    cases[i].platform);
		check_field(cases[i].expr, "text", sf.text, cases[i].text);
		assert_int_equal(sf.kind, cases[i].kind);
		assert_int_equal(sf.account_id, cases[i].account ? f->shop :
		    0);
		assert_int_equal(sf.older_than, cases[i].older);
		assert_int_equal(sf.newer_than, cases[i].newer);
		filter_clear(&sf);
		assert_null(sf.author);
		assert_null(sf.text);
	}
}

/* Expressions that are refused, and the one line that says why. */
static void
test_filter_refused_say_why(void **state)
{
	static const struct {
		const char	*expr;
		const char	*cause;
	} cases[] = {
		{ "kind:questions", "kind: complaint, question, praise, spam, "
		    "other, comment, reply, mention or quote" },
		{ "kind:reply kind:Spam", "kind: complaint, question, praise, "
		    "spam, other, comment, reply, mention or quote" },
		{ "tag:", "tag: is not a tag (one word of letters, digits, - "
		    "and _)" },
		{ "tag:a/b", "tag:a/b is not a tag (one word of letters, "
		    "digits, - and _)" },
		{ "tag:\xe2\x80\xae" "evil", "tag:evil is not a tag (one word of "
		    "letters, digits, - and _)" },
		{ "tag:\xff", "tag:\xef\xbf\xbd is not a tag (one word of "
		    "letters, digits, - and _)" },
		{ "older:soon", "older: expected a duration such as 4h or 2d" },
		{ "newer:", "newer: expected a duration such as 4h or 2d" },
		{ "account:nobody", "no account named nobody" },
		{ "author:anna account:nobody", "no account named nobody" },
		{ "colour:red", "unknown filter term colour: (author, lang, "
		    "account, platform, kind, tag, older, newer)" },
		/* Found by fuzzing: what was typed went back unsanitized. */
		{ "un\xe2\x80\xaeimit:x", "unknown filter term unimit: "
		    "(author, lang, account, platform, kind, tag, older, "
		    "newer)" },
		{ "account:\xe2\x80\xaepohs", "no account named pohs" },
	};
	struct fixture		*f = *state;
	struct store_filter	 sf;
	char			*cause;
	size_t			 i;

	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		if (filter_parse(f->store, cases[i].expr, &sf, &cause) != -1)
			fail_msg("\"%s\" was taken", cases[i].expr);
		assert_string_equal(cause, cases[i].cause);
		free(cause);
		/* Nothing is left to free in a refused filter. */
		assert_null(sf.author);
		assert_null(sf.text);
	}
}

/*
 * kind: names what a message says as well as what it is on the
 * platform, the two apart; tag: takes one tag, in any script.
 */
static void
test_filter_kind_of_message_and_tag(void **state)
{
	static const struct {
		const char	*expr;
		int		 kind, class;
		const char	*tag;
	} cases[] = {
		{ "kind:complaint", 0, 3, NULL },
		{ "kind:question kind:reply", 2, 2, NULL },
		{ "kind:spam", 0, 5, NULL },
		{ "kind:other", 0, 1, NULL },
		{ "kind:praise tag:refunds", 0, 4, "refunds" },
		{ "tag:a tag:b-2_c", 0, 0, "b-2_c" },
		{ "tag:\xe9\x80\x80\xe6\xac\xbe", 0, 0, "\xe9\x80\x80\xe6\xac\xbe" },
	};
	struct fixture		*f = *state;
	struct store_filter	 sf;
	char			*cause;
	size_t			 i;

	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		if (filter_parse(f->store, cases[i].expr, &sf, &cause) != 0)
			fail_msg("\"%s\" refused: %s", cases[i].expr, cause);
		assert_int_equal(sf.kind, cases[i].kind);
		assert_int_equal(sf.class, cases[i].class);
		check_field(cases[i].expr, "tag", sf.tag, cases[i].tag);
		filter_clear(&sf);
		assert_null(sf.tag);
	}
}

/* filter_clear on a zeroed filter does nothing. */
static void
test_filter_clear_of_nothing_is_harmless(void **state)
{
	struct store_filter	sf;

	(void)state;
	memset(&sf, 0, sizeof sf);
	filter_clear(&sf);
	assert_null(sf.lang);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_filter_taken_fill_the_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_refused_say_why, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_kind_of_message_and_tag, setup, teardown),
		cmocka_unit_test(test_filter_clear_of_nothing_is_harmless),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
