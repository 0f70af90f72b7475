/*
 * test-sorting.c -- what heed makes of the messages that come in: the
 * classifier's kind and lane, the owner's rules at ingest (and what they
 * may not do), the owner's own word, and the order of the inbox. Real
 * SQLite files in a temp dir.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "model.h"
#include "sorting.h"
#include "store.h"
#include "util.h"
#include "lib/tmpdir.h"

struct fx {
	char		 dir[256];
	char		 path[512];
	struct store	*s;
	struct config	 cfg;
	int64_t		 acct;
};

/* The owner's rules of these tests. */
static const char fx_rules[] =
"[rule thanks]\n"
"words = thank you\n"
"done = yes\n"
"[rule refunds]\n"
"words = refund\n"
"priority = high\n"
"flag = yes\n"
"tag = refunds\n"
"tag = money\n";

/* Make a fresh cache with one account, and a config with the rules. */
static int
fx_setup(void **state)
{
	struct fx	*fx;
	char		*cause = NULL;

	fx = xcalloc(1, sizeof *fx);
	tmpdir_make(fx->dir, sizeof fx->dir, "sorting");
	snprintf(fx->path, sizeof fx->path, "%s/cache.db", fx->dir);
	if ((fx->s = store_open(fx->path, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_account_ensure(fx->s, "social", "bluesky",
	    "shop.example", "https://bsky.example", &fx->acct, &cause), 0);
	config_init(&fx->cfg);
	if (config_parse(&fx->cfg, "rules", fx_rules, &cause) != 0)
		fail_msg("%s", cause);
	*state = fx;
	return 0;
}

/* Close the cache and remove the temp dir. */
static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->s);
	config_free(&fx->cfg);
	tmpdir_remove(fx->dir);
	free(fx);
	return 0;
}

/* Store a customer's comment (each author in a thread of their own). */
static void
comment(struct fx *fx, const char *rid, int64_t created, const char *text)
{
	struct item_list	 l = { NULL, 0, 0 };
	struct item		*it = item_list_add(&l);
	char			*cause = NULL;

	it->remote_id = xstrdup(rid);
	it->post_remote_id = xprintf("post-%s", rid);
	it->author_name = xprintf("author %s", rid);
	it->author_handle = xprintf("%s.example", rid);
	it->text = xstrdup(text);
	it->lang = xstrdup("en");
	it->created = created;
	if (store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0, NULL, NULL,
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(&l);
}

/*
 * Store a customer's comment by an author (handle, or NULL for an author
 * known by name alone) in a thread.
 */
static void
comment_in(struct fx *fx, const char *rid, const char *thread,
    const char *handle, const char *name, int64_t created, const char *text)
{
	struct item_list	 l = { NULL, 0, 0 };
	struct item		*it = item_list_add(&l);
	char			*cause = NULL;

	it->remote_id = xstrdup(rid);
	it->post_remote_id = xstrdup(thread);
	it->author_name = xstrdup(name);
	it->author_handle = handle != NULL ? xstrdup(handle) : NULL;
	it->text = xstrdup(text);
	it->lang = xstrdup("en");
	it->created = created;
	if (store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0, NULL, NULL,
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(&l);
}

/* An item by remote id. */
static void
get(struct fx *fx, const char *rid, struct item *it)
{
	int64_t	 id = 0;
	char	*cause = NULL;

	if (store_item_find(fx->s, fx->acct, rid, &id, &cause) != 0 ||
	    store_item_get(fx->s, id, it, &cause) != 0)
		fail_msg("%s: %s", rid, cause);
}

/* The remote ids of a view, space-separated, in order. */
static char *
view(struct fx *fx, enum store_view v)
{
	struct item_list	 l = { NULL, 0, 0 };
	struct buf		 b;
	char			*cause = NULL;
	size_t			 i;

	if (store_queue_page(fx->s, v, NULL, NULL, 1, 100, &l, &cause) != 0)
		fail_msg("%s", cause);
	buf_init(&b, 0);
	buf_addstr(&b, "");
	for (i = 0; i < l.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", l.v[i].remote_id);
	item_list_free(&l);
	return buf_steal(&b);
}

/* Check a view's order. */
static void
assert_view(struct fx *fx, enum store_view v, const char *want)
{
	char	*got = view(fx, v);

	assert_string_equal(got, want);
	free(got);
}

/* Sort what waits unsorted; n is how many were. */
static void
sort_now(struct fx *fx, size_t want)
{
	char	*cause = NULL;
	size_t	 n = 0;

	if (sorting_run(fx->s, &fx->cfg, 5000, &n, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(n, want);
}

/*
 * What came in is read: a complaint and a question wait first, oldest
 * first; praise goes to the last lane; spam to its own view; the
 * classifier's kind and reply are kept.
 */
static void
test_new_messages_go_to_their_lanes(void **state)
{
	struct fx	*fx = *state;
	struct item	 it;

	comment(fx, "praise", 100, "Love this shop, the tea is wonderful");
	comment(fx, "question", 200, "Do you ship to Germany?");
	comment(fx, "spam", 250, "Congratulations! You won a free iPhone, "
	    "claim your prize at http://prize.example now");
	comment(fx, "complaint", 300, "My order arrived broken and nobody "
	    "answers my emails");
	/* Unsorted, they wait at the end in the order they came. */
	assert_view(fx, VIEW_INBOX, "praise question spam complaint");
	sort_now(fx, 4);
	assert_view(fx, VIEW_INBOX, "question complaint praise");
	assert_view(fx, VIEW_SPAM, "spam");
	get(fx, "complaint", &it);
	assert_int_equal(it.ckind, CLASSIFY_COMPLAINT);
	assert_int_equal(it.creply, CLASSIFY_REPLY_YES);
	assert_int_equal(it.lane, LANE_ANSWER);
	assert_int_equal(it.kind_by, KIND_BY_CLASSIFIER);
	item_clear(&it);
	/* Nothing is left to sort. */
	sort_now(fx, 0);
}

/* Whether an item's activity holds action with detail. */
static int
logged(struct fx *fx, int64_t id, const char *action, const char *detail)
{
	struct store_activity	*a;
	size_t			 n, i;
	int			 found = 0;

	assert_int_equal(store_activity_recent(fx->s, 100, &a, &n, NULL), 0);
	for (i = 0; i < n; i++) {
		if (a[i].item_id == id && strcmp(a[i].action, action) == 0 &&
		    a[i].detail != NULL && strcmp(a[i].detail, detail) == 0)
			found = 1;
	}
	store_activity_free(a, n);
	return found;
}

/*
 * The rules run at ingest: "thank you" marks done, "refund" raises the
 * priority and flags; the rule's word beats the classifier's.
 */
static void
test_rules_run_on_what_comes_in(void **state)
{
	struct fx	*fx = *state;
	struct item	 it;

	comment(fx, "thanks", 100, "thank you so much!");
	comment(fx, "refund", 200, "Could I get a refund, the mug is lovely "
	    "but too small");
	comment(fx, "other", 150, "what time do you open on sunday?");
	sort_now(fx, 3);
	get(fx, "thanks", &it);
	assert_int_equal(it.status, STATUS_DONE);
	/* Logged as the rule's doing, not the owner's. */
	assert_true(logged(fx, it.id, "done", "rule thanks"));
	item_clear(&it);
	get(fx, "refund", &it);
	assert_int_equal(it.lane, LANE_ANSWER);
	assert_int_equal(it.urgency, 3);
	assert_int_equal(it.kind_by, KIND_BY_RULE);
	assert_int_not_equal(it.flags, 0);
	assert_non_null(it.note);
	assert_string_equal(it.note, "rule refunds");
	assert_non_null(it.tags);
	assert_string_equal(it.tags, "money refunds");
	item_clear(&it);
	get(fx, "other", &it);
	assert_null(it.tags);
	item_clear(&it);
	assert_view(fx, VIEW_INBOX, "other refund");
}

/*
 * A rule never undoes what the owner did: a message the owner has opened
 * and put back is not marked done again when it is sorted again, and
 * the owner's word on what a message is stands against the rules and the
 * classifier.
 */
static void
test_owner_word_stands(void **state)
{
	struct fx	*fx = *state;
	struct item	 it;
	char		*cause = NULL;

	comment(fx, "a", 100, "thank you for the quick answer, but where is "
	    "my order?");
	comment(fx, "b", 200, "My order arrived broken");
	get(fx, "a", &it);
	assert_int_equal(store_set_status(fx->s, it.id, STATUS_READ, 0,
	    &cause), 0);
	item_clear(&it);
	get(fx, "b", &it);
	assert_int_equal(store_item_sort(fx->s, it.id, CLASSIFY_PRAISE,
	    CLASSIFY_REPLY_NO, 0, KIND_BY_OWNER, &cause), 0);
	item_clear(&it);
	sort_now(fx, 1);
	get(fx, "a", &it);
	assert_int_equal(it.status, STATUS_READ);
	item_clear(&it);
	/* heed rules --run: sorted again, the owner's word kept. */
	assert_int_equal(store_sort_reset(fx->s, &cause), 0);
	sort_now(fx, 1);
	get(fx, "b", &it);
	assert_int_equal(it.ckind, CLASSIFY_PRAISE);
	assert_int_equal(it.lane, LANE_NO_REPLY);
	assert_int_equal(it.kind_by, KIND_BY_OWNER);
	item_clear(&it);
	get(fx, "a", &it);
	assert_int_equal(it.status, STATUS_READ);
	item_clear(&it);
}

/* inbox_order = age: the longest waiting first, spam still apart. */
static void
test_age_order(void **state)
{
	struct fx	*fx = *state;
	char		*cause = NULL;

	if (config_parse(&fx->cfg, "age", "inbox_order = age\n",
	    &cause) != 0)
		fail_msg("%s", cause);
	comment(fx, "praise", 100, "Love this shop, the tea is wonderful");
	comment(fx, "question", 200, "Do you ship to Germany?");
	comment(fx, "spam", 250, "Congratulations! You won a free iPhone, "
	    "claim your prize at http://prize.example now");
	sort_now(fx, 3);
	assert_view(fx, VIEW_INBOX, "praise question");
	assert_view(fx, VIEW_SPAM, "spam");
}

/* The kind a message was sorted as. */
static int
kind_of(struct fx *fx, const char *rid)
{
	struct item	it;
	int		kind;

	get(fx, rid, &it);
	kind = it.ckind;
	item_clear(&it);
	return kind;
}

/*
 * A link from an author who writes in many threads is spam: one account
 * posting the same link under five posts within a day goes to the spam
 * lane, every copy of it. The same words with a link in one thread, a
 * link from an author known by name alone in one thread (another of the
 * same name and no handle in five is), and an author
 * who writes in many threads without a link are not spam; nor is the
 * same link by authors who each write in one thread, or the link of an
 * author whose other threads are weeks away.
 */
static void
test_links_across_threads(void **state)
{
	struct fx	*fx = *state;
	static const char link[] = "have a look at this "
	    "https://bit.ly/3kQz9";
	char		 rid[32], thread[32], name[32];
	int		 i;

	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "blast%d", i);
		snprintf(thread, sizeof thread, "post-%d", i);
		comment_in(fx, rid, thread, "blaster.example", "Blaster",
		    1000000 + i * 3600, link);
	}
	comment_in(fx, "once", "post-0", "once.example", "Once", 1000100,
	    link);
	comment_in(fx, "named", "post-1", NULL, "Named", 1000200, link);
	/* An author known by name alone, five threads. */
	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "noname%d", i);
		snprintf(thread, sizeof thread, "post-%d", i + 10);
		comment_in(fx, rid, thread, NULL, "Blaster", 1000000 + i * 3600 +
		    1, link);
	}
	for (i = 0; i < 6; i++) {
		snprintf(rid, sizeof rid, "chatty%d", i);
		snprintf(thread, sizeof thread, "post-%d", i);
		comment_in(fx, rid, thread, "chatty.example", "Chatty",
		    1000000 + i * 600, "have a look at this, lovely colours");
	}
	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "crowd%d", i);
		snprintf(thread, sizeof thread, "post-%d", i);
		snprintf(name, sizeof name, "crowd%d.example", i);
		comment_in(fx, rid, thread, name, "Crowd", 1000000 + i, link);
	}
	/* One link now, the other threads a month before and after. */
	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "slow%d", i);
		snprintf(thread, sizeof thread, "post-%d", i);
		comment_in(fx, rid, thread, "slow.example", "Slow",
		    1000000 + (i - 2) * 30 * 86400, i == 2 ? link :
		    "have a look at this, lovely colours");
	}
	sort_now(fx, 5 + 2 + 5 + 6 + 5 + 5);
	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "blast%d", i);
		assert_int_equal(kind_of(fx, rid), CLASSIFY_SPAM);
		snprintf(rid, sizeof rid, "noname%d", i);
		assert_int_equal(kind_of(fx, rid), CLASSIFY_SPAM);
	}
	assert_int_not_equal(kind_of(fx, "once"), CLASSIFY_SPAM);
	assert_int_not_equal(kind_of(fx, "named"), CLASSIFY_SPAM);
	for (i = 0; i < 6; i++) {
		snprintf(rid, sizeof rid, "chatty%d", i);
		assert_int_not_equal(kind_of(fx, rid), CLASSIFY_SPAM);
	}
	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "crowd%d", i);
		assert_int_not_equal(kind_of(fx, rid), CLASSIFY_SPAM);
	}
	assert_int_not_equal(kind_of(fx, "slow2"), CLASSIFY_SPAM);
	assert_view(fx, VIEW_SPAM, "blast0 noname0 blast1 noname1 blast2 "
	    "noname2 blast3 noname3 blast4 noname4");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
		T(test_new_messages_go_to_their_lanes),
		T(test_rules_run_on_what_comes_in),
		T(test_owner_word_stands),
		T(test_age_order),
		T(test_links_across_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
