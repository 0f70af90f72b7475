/*
 * test-alert.c -- what heed tells the owner and when (src/alert.c), on a
 * real cache: the first look tells nothing, a new conversation is told
 * once, one nearing its target once (and one that passed it while nobody
 * looked), alert_every and quiet hours hold alerts back and then tell
 * what came meanwhile together, batches told together when one comes
 * while the last is on its way, and the words and variables of an alert.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "clock.h"
#include "config-alert.h"
#include "config.h"
#include "model.h"
#include "store.h"
#include "util.h"
#include "lib/tmpdir.h"

/* 2026-03-09 12:00 UTC, a Monday. */
#define T0	INT64_C(1773057600)
#define MIN	60
#define HOUR	3600
#define DAY	86400

struct fx {
	char			 dir[256];
	char			 path[512];
	struct store		*s;
	int64_t			 acct;
	struct clock		 clock;
	struct alert_conf	 conf;
	struct alert_batch	 b;
};

/* A fresh cache with one account; a 4h target, always open. */
static int
fx_setup(void **state)
{
	struct fx	*fx;
	char		*cause = NULL;

	fx = xcalloc(1, sizeof *fx);
	tmpdir_make(fx->dir, sizeof fx->dir, "alert");
	snprintf(fx->path, sizeof fx->path, "%s/cache.db", fx->dir);
	if ((fx->s = store_open(fx->path, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_account_ensure(fx->s, "shop", "bluesky",
	    "shop.example", "https://bsky.example", &fx->acct, &cause), 0);
	fx->clock.dflt.target = 4 * HOUR;
	assert_int_equal(hours_parse(&fx->clock.dflt.h, NULL, NULL, "UTC",
	    NULL), 0);
	fx->clock.simple = 1;
	fx->conf.before = 30 * MIN;
	*state = fx;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	alert_batch_free(&fx->b);
	alert_conf_free(&fx->conf);
	clock_close(&fx->clock);
	store_close(fx->s);
	tmpdir_remove(fx->dir);
	free(fx);
	return 0;
}

/* A customer's comment (or, author NULL, the shop's own) at a time. */
static void
comment(struct fx *fx, const char *rid, const char *author, int64_t created)
{
	struct item_list	 l;
	struct item		*it;
	char			*cause = NULL;

	memset(&l, 0, sizeof l);
	it = item_list_add(&l);
	it->remote_id = xstrdup(rid);
	it->post_remote_id = xstrdup("post-1");
	it->parent_remote_id = xstrdup("post-1");
	it->created = created;
	it->own = author == NULL;
	it->author_name = xstrdup(author != NULL ? author : "Shop");
	it->author_handle = xprintf("%s.example", author != NULL ? author :
	    "shop");
	it->text = xprintf("Where is my order?\n(%s)", rid);
	it->kind = ITEM_COMMENT;
	if (store_ingest(fx->s, fx->acct, NULL, 0, &l, NULL, 0, NULL, NULL,
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(&l);
}

/* Look at now; the number of conversations told (held: -1). */
static int
look(struct fx *fx, int64_t now)
{
	char	*cause = NULL;

	alert_batch_free(&fx->b);
	if (alert_collect(fx->s, &fx->clock, &fx->conf, now, &fx->b,
	    &cause) != 0)
		fail_msg("%s", cause);
	return fx->b.held != 0 ? -1 : (int)fx->b.n;
}

/* The first look notes what is there; a new conversation is told once. */
static void
test_new_conversations_are_told_once(void **state)
{
	struct fx	*fx = *state;
	char		*title, *body;

	comment(fx, "a", "Ana Pop", T0 - HOUR);
	assert_int_equal(look(fx, T0), 0);
	assert_int_equal(look(fx, T0 + MIN), 0);
	comment(fx, "b", "Bram Smit", T0 + 2 * MIN);
	comment(fx, "c", NULL, T0 + 2 * MIN);
	assert_int_equal(look(fx, T0 + 3 * MIN), 1);
	assert_int_equal(fx->b.v[0].what, ALERT_NEW);
	assert_int_equal(fx->b.count[ALERT_NEW], 1);
	assert_string_equal(fx->b.v[0].author, "Bram Smit");
	assert_string_equal(fx->b.v[0].account, "shop");
	/* The text on one line, whatever it had. */
	assert_string_equal(fx->b.v[0].text, "Where is my order? (b)");
	title = alert_title(&fx->b);
	assert_string_equal(title, "New message from Bram Smit");
	body = alert_body(&fx->b);
	assert_string_equal(body, "Where is my order? (b)");
	free(title);
	free(body);
	assert_int_equal(look(fx, T0 + 4 * MIN), 0);
	/* A follow-up joins the told conversation: nothing new. */
	comment(fx, "b2", "Bram Smit", T0 + 5 * MIN);
	assert_int_equal(look(fx, T0 + 6 * MIN), 0);
}

/* One nearing its target is told once; one that passed unseen, once. */
static void
test_due_and_late_are_told_once(void **state)
{
	struct fx	*fx = *state;

	comment(fx, "a", "Ana Pop", T0 - 3 * HOUR);	/* due at T0+1h */
	comment(fx, "b", "Bram Smit", T0 - 2 * HOUR);	/* due at T0+2h */
	assert_int_equal(look(fx, T0), 0);
	assert_int_equal(look(fx, T0 + 20 * MIN), 0);
	assert_int_equal(look(fx, T0 + 35 * MIN), 1);
	assert_int_equal(fx->b.v[0].what, ALERT_DUE);
	assert_string_equal(fx->b.v[0].author, "Ana Pop");
	assert_int_equal(fx->b.v[0].due, T0 + HOUR);
	assert_int_equal(look(fx, T0 + 40 * MIN), 0);
	assert_int_equal(look(fx, T0 + 70 * MIN), 0);
	/* Nobody looked for hours: b passed its target meanwhile. */
	assert_int_equal(look(fx, T0 + 5 * HOUR), 1);
	assert_int_equal(fx->b.v[0].what, ALERT_LATE);
	assert_string_equal(fx->b.v[0].author, "Bram Smit");
	assert_int_equal(look(fx, T0 + 6 * HOUR), 0);
}

/* alert_every holds alerts back; what came meanwhile is told together. */
static void
test_alert_every_gathers(void **state)
{
	struct fx	*fx = *state;
	char		*title, *body;

	fx->conf.every = 10 * MIN;
	assert_int_equal(look(fx, T0), 0);
	comment(fx, "a", "Ana Pop", T0 + MIN);
	assert_int_equal(look(fx, T0 + 2 * MIN), 1);
	comment(fx, "b", "Bram Smit", T0 + 3 * MIN);
	comment(fx, "c", "Chen Wei", T0 + 4 * MIN);
	assert_int_equal(look(fx, T0 + 5 * MIN), -1);
	assert_int_equal(fx->b.held, T0 + 12 * MIN);
	assert_int_equal(look(fx, T0 + 12 * MIN), 2);
	title = alert_title(&fx->b);
	assert_string_equal(title, "2 new conversations to answer");
	body = alert_body(&fx->b);
	assert_string_equal(body, "Bram Smit (message): Where is my order? "
	    "(b)\nChen Wei (message): Where is my order? (c)");
	free(title);
	free(body);
}

/* Quiet hours hold alerts until they end, over midnight. */
static void
test_quiet_hours_hold_until_morning(void **state)
{
	struct fx	*fx = *state;
	char		*cause = NULL;
	int64_t		 night = T0 + 11 * HOUR;	/* 23:00 UTC */

	assert_int_equal(config_quiet_parse("22:00-07:00", "UTC",
	    &fx->conf.quiet, &cause), 0);
	fx->conf.have_quiet = 1;
	assert_int_equal(look(fx, T0), 0);
	comment(fx, "a", "Ana Pop", night);
	assert_int_equal(look(fx, night + MIN), -1);
	assert_int_equal(fx->b.held, T0 + 19 * HOUR);	/* 07:00 */
	comment(fx, "b", "Bram Smit", night + 2 * HOUR);
	assert_int_equal(look(fx, T0 + 19 * HOUR + MIN), 2);
	/* Both told together in the morning, the one waiting longest first. */
	assert_int_equal(fx->b.v[0].what, ALERT_NEW);
	assert_string_equal(fx->b.v[0].author, "Ana Pop");
}

/*
 * What comes while the last alert is still on its way is told with the
 * next: a conversation in both as the later batch has it.
 */
static void
test_batches_merge(void **state)
{
	struct fx		*fx = *state;
	struct alert_batch	 pending;
	char			*title;

	memset(&pending, 0, sizeof pending);
	assert_int_equal(look(fx, T0), 0);
	comment(fx, "a", "Ana Pop", T0 + MIN);		/* due at T0+4h1m */
	assert_int_equal(look(fx, T0 + 2 * MIN), 1);
	alert_batch_merge(fx->s, &fx->clock, &pending, &fx->b);
	assert_int_equal(fx->b.n, 0);
	assert_int_equal(pending.n, 1);
	comment(fx, "b", "Bram Smit", T0 + 3 * HOUR);
	assert_int_equal(look(fx, T0 + 3 * HOUR + 35 * MIN), 2);
	alert_batch_merge(fx->s, &fx->clock, &pending, &fx->b);
	assert_int_equal(pending.n, 2);
	assert_int_equal(pending.now, T0 + 3 * HOUR + 35 * MIN);
	assert_int_equal(pending.count[ALERT_NEW], 1);
	assert_int_equal(pending.count[ALERT_DUE], 1);
	assert_int_equal(pending.v[0].what, ALERT_DUE);
	assert_string_equal(pending.v[0].author, "Ana Pop");
	assert_int_equal(pending.v[1].what, ALERT_NEW);
	assert_string_equal(pending.v[1].author, "Bram Smit");
	title = alert_title(&pending);
	assert_string_equal(title, "1 due soon, 1 new");
	free(title);
	alert_batch_free(&pending);
}

/* Fail unless every "NAME=value" of want is in env. */
static void
env_has(char **env, const char *const *want, size_t n)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; env[j] != NULL; j++) {
			if (strcmp(env[j], want[i]) == 0)
				break;
		}
		if (env[j] == NULL)
			fail_msg("%s is not in the environment", want[i]);
	}
}

/*
 * With opening hours, HEED_WAITING is the wait the response clock
 * counts; HEED_WAITING_WALL is the wait on the wall clock.
 */
static void
test_the_command_gets_business_time(void **state)
{
	struct fx		*fx = *state;
	char			**env, *cause = NULL;
	int64_t			  fri = T0 - 3 * DAY;	/* Friday 12:00 */
	const char *const	  want[] = {
		"HEED_WAITING=2h", "HEED_WAITING_SECONDS=7200",
		"HEED_WAITING_WALL=2d", "HEED_WAITING_WALL_SECONDS=237600",
	};

	hours_free(&fx->clock.dflt.h);
	if (hours_parse(&fx->clock.dflt.h, "mon-fri 09:00-17:00", NULL,
	    "UTC", &cause) != 0)
		fail_msg("%s", cause);
	fx->clock.simple = 0;
	assert_int_equal(look(fx, fri + 3 * HOUR), 0);
	comment(fx, "a", "Ana Pop", fri + 4 * HOUR);
	/* Monday 10:00: an hour on Friday and one on Monday. */
	assert_int_equal(look(fx, T0 - 2 * HOUR), 1);
	env = alert_env(&fx->b);
	env_has(env, want, nitems(want));
	alert_env_free(env);
}

/*
 * With opening hours, the title of one past its target says the wait the
 * response clock counts, not the weekend's.
 */
static void
test_the_title_says_business_time(void **state)
{
	struct fx	*fx = *state;
	char		*title, *cause = NULL;
	int64_t		 fri = T0 - 3 * DAY;	/* Friday 12:00 */

	hours_free(&fx->clock.dflt.h);
	if (hours_parse(&fx->clock.dflt.h, "mon-fri 09:00-17:00", NULL,
	    "UTC", &cause) != 0)
		fail_msg("%s", cause);
	fx->clock.simple = 0;
	assert_int_equal(look(fx, fri + HOUR), 0);
	comment(fx, "a", "Ana Pop", fri + 2 * HOUR);
	assert_int_equal(look(fx, fri + 2 * HOUR + 5 * MIN), 1);
	/* Monday 12:00: three hours on Friday, three on Monday. */
	assert_int_equal(look(fx, T0), 1);
	assert_int_equal(fx->b.v[0].what, ALERT_LATE);
	title = alert_title(&fx->b);
	assert_string_equal(title, "Ana Pop has waited 6h, past the target");
	free(title);
}

/* What notify_command is told, in variables of its environment. */
static void
test_the_command_gets_the_details(void **state)
{
	struct fx	*fx = *state;
	char		**env;
	const char	*want[] = {
		"HEED_TITLE=New message from Ana Pop", "HEED_COUNT=1",
		"HEED_NEW=1", "HEED_DUE=0", "HEED_LATE=0", "HEED_ALERT=new",
		"HEED_ACCOUNT=shop", "HEED_PLATFORM=bluesky",
		"HEED_AUTHOR=Ana Pop", "HEED_KIND=unsorted",
		"HEED_WAITING=10m", "HEED_WAITING_SECONDS=600",
		"HEED_WAITING_WALL=10m", "HEED_WAITING_WALL_SECONDS=600",
		"HEED_DUE_SECONDS=13800",
		"HEED_TEXT=Where is my order? (a)",
	};

	assert_int_equal(look(fx, T0), 0);
	comment(fx, "a", "Ana Pop", T0);
	assert_int_equal(look(fx, T0 + 10 * MIN), 1);
	env = alert_env(&fx->b);
	env_has(env, want, nitems(want));
	alert_env_free(env);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_new_conversations_are_told_once, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_due_and_late_are_told_once, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_alert_every_gathers,
		    fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_quiet_hours_hold_until_morning, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_batches_merge, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_the_command_gets_the_details, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_the_title_says_business_time, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_the_command_gets_business_time, fx_setup,
		    fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
