/*
 * test-ui-queue.c -- the queue's filter expressions (ui_filter_parse), on
 * a real cache for the account: term.
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

#include "store.h"
#include "ui-private.h"
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

	snprintf(f->dir, sizeof f->dir, "%s/heed-test-ui-queue.XXXXXX",
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

static void
test_filter_terms_fill_the_filter(void **state)
{
	struct fixture		*f = *state;
	struct store_filter	 sf;
	char			*cause = NULL;

	assert_int_equal(ui_filter_parse(f->store, "author:marloes  lang:en "
	    "teapot\tkind:reply older:2h account:shop platform:bluesky cup",
	    &sf, &cause), 0);
	assert_string_equal(sf.author, "marloes");
	assert_string_equal(sf.lang, "en");
	assert_string_equal(sf.platform, "bluesky");
	assert_string_equal(sf.text, "teapot cup");
	assert_int_equal(sf.kind, 2);
	assert_int_equal(sf.older_than, 7200);
	assert_int_equal(sf.account_id, f->shop);
	ui_filter_clear(&sf);
	assert_null(sf.author);
}

/*
 * Found by fuzzing: a term given twice leaked its first value (the
 * sanitizer build's leak checker fails this test without the fix).
 */
static void
test_filter_repeated_term_keeps_the_last(void **state)
{
	struct fixture		*f = *state;
	struct store_filter	 sf;
	char			*cause = NULL;

	assert_int_equal(ui_filter_parse(f->store, "author:a author:bb lang:x "
	    "lang:y platform:p platform:q", &sf, &cause), 0);
	assert_string_equal(sf.author, "bb");
	assert_string_equal(sf.lang, "y");
	assert_string_equal(sf.platform, "q");
	ui_filter_clear(&sf);
}

static void
test_filter_bad_terms_say_why(void **state)
{
	static const struct {
		const char	*expr;
		const char	*cause;
	} cases[] = {
		{ "kind:question", "kind: comment, reply, mention or quote" },
		{ "kind:reply kind:question", "kind: comment, reply, mention "
		    "or quote" },
		{ "older:soon", "older: expected a duration such as 4h or 2d" },
		{ "account:nobody", "no account named nobody" },
		{ "colour:red", "unknown filter term colour: (author, lang, "
		    "account, platform, kind, older, newer)" },
		/* Found by fuzzing: what was typed went back unsanitized. */
		{ "un\xe2\x80\xaeimit:x", "unknown filter term unimit: "
		    "(author, lang, account, platform, kind, older, newer)" },
		{ "account:\xe2\x80\xaepohs", "no account named pohs" },
	};
	struct fixture		*f = *state;
	struct store_filter	 sf;
	char			*cause;
	size_t			 i;

	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		assert_int_equal(ui_filter_parse(f->store, cases[i].expr, &sf,
		    &cause), -1);
		assert_string_equal(cause, cases[i].cause);
		free(cause);
		assert_null(sf.author);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_filter_terms_fill_the_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_repeated_term_keeps_the_last, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_bad_terms_say_why, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
