/*
 * test-store-mark.c -- read markers in the store: where each item stands
 * in the platform's marker, which items another app has read, and how
 * far the marker may move once heed has read them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "store.h"
#include "util.h"
#include "lib/tmpdir.h"

struct fx {
	char		 dir[256];
	char		 path[512];
	struct store	*s;
	int64_t		 acct;
	int64_t		 acct2;
};

static int
fx_setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof *fx);
	char		*cause = NULL;

	tmpdir_make(fx->dir, sizeof fx->dir, "store-mark");
	snprintf(fx->path, sizeof fx->path, "%s/cache.db", fx->dir);
	if ((fx->s = store_open(fx->path, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_account_ensure(fx->s, "shop", "mastodon",
	    "@shop", "https://m.example", &fx->acct, &cause), 0);
	assert_int_equal(store_account_ensure(fx->s, "other", "mastodon",
	    "@other", "https://m.example", &fx->acct2, &cause), 0);
	*state = fx;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->s);
	tmpdir_remove(fx->dir);
	free(fx);
	return 0;
}

/* Store one customer's mention with its mark (NULL: none) for acct. */
static void
mention(struct fx *fx, int64_t acct, const char *rid, const char *mark,
    int64_t created)
{
	struct item_list	 l;
	struct item		*it;
	char			*cause = NULL;

	memset(&l, 0, sizeof l);
	it = item_list_add(&l);
	it->remote_id = xstrdup(rid);
	it->post_remote_id = xstrdup(rid);
	it->author_name = xstrdup("Ana");
	it->author_handle = xstrdup("@ana@m.example");
	it->text = xprintf("Do you ship to Ghent? (%s)", rid);
	it->kind = ITEM_MENTION;
	it->created = created;
	it->mark = mark != NULL ? xstrdup(mark) : NULL;
	if (store_ingest(fx->s, acct, NULL, 0, &l, NULL, 0, NULL, NULL, NULL,
	    &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(&l);
}

/* An item's status by remote id. */
static int
status_of(struct fx *fx, int64_t acct, const char *rid)
{
	struct item	 it;
	int64_t		 id = 0;
	int		 status;
	char		*cause = NULL;

	assert_int_equal(store_item_find(fx->s, acct, rid, &id, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id, &it, &cause), 0);
	status = it.status;
	item_clear(&it);
	return status;
}

/* Set an item's status by remote id. */
static void
set_status(struct fx *fx, const char *rid, int status)
{
	int64_t	 id = 0;
	char	*cause = NULL;

	assert_int_equal(store_item_find(fx->s, fx->acct, rid, &id, &cause),
	    0);
	if (store_set_status(fx->s, id, status, 0, &cause) != 0)
		fail_msg("%s", cause);
}

/* Where the marker may move to from after (NULL: none); "" nowhere. */
static char *
next_after(struct fx *fx, int64_t acct, const char *after)
{
	char	*mark = NULL, *cause = NULL;

	if (store_marks_next(fx->s, acct, after, &mark, &cause) != 0)
		fail_msg("%s", cause);
	return mark != NULL ? mark : xstrdup("");
}

/* Where the marker may move to now, wherever it is; "" for nowhere. */
static char *
next(struct fx *fx, int64_t acct)
{
	return next_after(fx, acct, NULL);
}

/*
 * Read in another app: every new item at or before the marker becomes
 * read, by the marker's order (a longer id is a later one: "99" comes
 * before "100"), and nothing of another account or after it changes.
 */
static void
test_marker_reads_what_came_before_it(void **state)
{
	struct fx	*fx = *state;
	size_t		 n = 0;
	char		*cause = NULL;

	mention(fx, fx->acct, "s1", "98", 1000);
	mention(fx, fx->acct, "s2", "99", 1001);
	mention(fx, fx->acct, "s3", "100", 1002);
	mention(fx, fx->acct, "s4", "101", 1003);
	mention(fx, fx->acct, "s5", NULL, 1004);	/* no notification */
	mention(fx, fx->acct2, "s6", "50", 1005);
	set_status(fx, "s1", STATUS_DONE);

	assert_int_equal(store_marks_read(fx->s, fx->acct, "100", &n,
	    &cause), 0);
	assert_int_equal(n, 2);				/* s2 and s3 */
	assert_int_equal(status_of(fx, fx->acct, "s1"), STATUS_DONE);
	assert_int_equal(status_of(fx, fx->acct, "s2"), STATUS_READ);
	assert_int_equal(status_of(fx, fx->acct, "s3"), STATUS_READ);
	assert_int_equal(status_of(fx, fx->acct, "s4"), STATUS_NEW);
	assert_int_equal(status_of(fx, fx->acct, "s5"), STATUS_NEW);
	assert_int_equal(status_of(fx, fx->acct2, "s6"), STATUS_NEW);

	/* Once more: nothing is left to read. */
	assert_int_equal(store_marks_read(fx->s, fx->acct, "100", &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	/* A marker before everything reads nothing. */
	assert_int_equal(store_marks_read(fx->s, fx->acct, "7", &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(status_of(fx, fx->acct, "s4"), STATUS_NEW);
}

/*
 * Read in heed: the marker may move to the last item before the first
 * one still new, never past one still new; an item snoozed or done was
 * read. Nothing read gives no mark.
 */
static void
test_marker_moves_up_to_the_first_still_new(void **state)
{
	struct fx	*fx = *state;
	char		*m;

	mention(fx, fx->acct, "s1", "98", 1000);
	mention(fx, fx->acct, "s2", "99", 1001);
	mention(fx, fx->acct, "s3", "100", 1002);
	mention(fx, fx->acct, "s4", "101", 1003);
	mention(fx, fx->acct2, "s6", "500", 1005);
	set_status(fx, "s2", STATUS_READ);
	assert_string_equal(m = next(fx, fx->acct), "");
	free(m);

	set_status(fx, "s1", STATUS_SNOOZED);
	assert_string_equal(m = next(fx, fx->acct), "99");
	free(m);

	set_status(fx, "s4", STATUS_DONE);
	assert_string_equal(m = next(fx, fx->acct), "99");
	free(m);

	set_status(fx, "s3", STATUS_READ);
	assert_string_equal(m = next(fx, fx->acct), "101");
	free(m);
	/* Never back, nor to where it is: only after the platform's. */
	assert_string_equal(m = next_after(fx, fx->acct, "99"), "101");
	free(m);
	assert_string_equal(m = next_after(fx, fx->acct, "101"), "");
	free(m);
	assert_string_equal(m = next_after(fx, fx->acct, "1000"), "");
	free(m);

	/* The other account's own marker is its own. */
	assert_string_equal(m = next(fx, fx->acct2), "");
	free(m);
}

/*
 * Spam that waits in its own view, never opened, holds nothing back: the
 * marker moves past it, and a marker read elsewhere reads it too.
 */
static void
test_spam_holds_the_marker_back_not(void **state)
{
	struct fx	*fx = *state;
	int64_t		 id = 0;
	size_t		 n = 0;
	char		*m, *cause = NULL;

	mention(fx, fx->acct, "s1", "10", 1000);
	mention(fx, fx->acct, "spam", "11", 1001);
	mention(fx, fx->acct, "s3", "12", 1002);
	assert_int_equal(store_item_find(fx->s, fx->acct, "spam", &id,
	    &cause), 0);
	assert_int_equal(store_item_sort(fx->s, id, 4 /* spam */, 0, 0, 0,
	    &cause), 0);
	set_status(fx, "s1", STATUS_READ);
	set_status(fx, "s3", STATUS_READ);
	assert_string_equal(m = next(fx, fx->acct), "12");
	free(m);
	assert_int_equal(store_marks_read(fx->s, fx->acct, "12", &n, &cause),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(status_of(fx, fx->acct, "spam"), STATUS_READ);
}

/*
 * A mark is kept when the item comes again without one (its thread read
 * later), and moves when it comes with another; an item deleted on the
 * platform is no longer waiting to be read.
 */
static void
test_mark_kept_through_later_reads(void **state)
{
	struct fx	*fx = *state;
	char		*m, *cause = NULL;
	char		 s1[] = "s1", *gone[] = { s1 };

	mention(fx, fx->acct, "s1", "200", 1000);
	mention(fx, fx->acct, "s2", "300", 1001);
	mention(fx, fx->acct, "s2", NULL, 1001);
	set_status(fx, "s2", STATUS_READ);
	assert_string_equal(m = next(fx, fx->acct), "");
	free(m);
	if (store_ingest(fx->s, fx->acct, NULL, 0, NULL, gone, 1, NULL, NULL,
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(m = next(fx, fx->acct), "300");
	free(m);
	mention(fx, fx->acct, "s2", "301", 1001);
	assert_string_equal(m = next(fx, fx->acct), "301");
	free(m);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_marker_reads_what_came_before_it),
		T(test_marker_moves_up_to_the_first_still_new),
		T(test_mark_kept_through_later_reads),
		T(test_spam_holds_the_marker_back_not),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
