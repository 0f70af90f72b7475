/*
 * test-sync.c -- the sync engine on the demo platform with a real cache:
 * the first sync fills the store, the outbox sends replies and actions
 * exactly once, and an entry left "sending" by a killed process is sent
 * after a restart.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "loop.h"
#include "store.h"
#include "sync.h"
#include "util.h"

struct fixture {
	char		 dir[64];
	char		*path;
	struct config	 cfg;
	struct store	*store;
	struct loop	*loop;
	struct sync	*sync;
};

static const char demo_config[] =
    "[account page]\nplatform = demo-page\nhandle = tulipandtea\n"
    "url = demo://page\n"
    "[account social]\nplatform = demo-social\n"
    "handle = tulipandtea.example\nurl = demo://social\n";

/* Stop the loop when sync is idle, or after the deadline. */
static void
idle_check(void *arg)
{
	struct fixture	*f = arg;

	if (!sync_busy(f->sync))
		loop_stop(f->loop, 0);
	else
		loop_timer_add(f->loop, 10, idle_check, f);
}

/* Return to the test for a look. */
static void
stop_loop(void *arg)
{
	struct fixture	*f = arg;

	loop_stop(f->loop, 0);
}

/* Give up on a test that hangs. */
static void
deadline(void *arg)
{
	struct fixture	*f = arg;

	loop_stop(f->loop, 1);
}

/* Run the loop until sync has nothing left to do. */
static void
run_idle(struct fixture *f)
{
	uint64_t	t;

	loop_timer_add(f->loop, 10, idle_check, f);
	t = loop_timer_add(f->loop, 20000, deadline, f);
	assert_int_equal(loop_run(f->loop), 0);
	loop_timer_cancel(f->loop, t);
}

/* Run the loop until pred(f) holds (or the deadline fails the test). */
static void
run_until(struct fixture *f, int (*pred)(struct fixture *))
{
	uint64_t	t;

	t = loop_timer_add(f->loop, 20000, deadline, f);
	while (!pred(f)) {
		loop_timer_add(f->loop, 10, stop_loop, f);
		assert_int_equal(loop_run(f->loop), 0);
	}
	loop_timer_cancel(f->loop, t);
}

/* Open the store and start sync (again, after a "restart"). */
static void
start(struct fixture *f)
{
	char	*cause = NULL;

	f->store = store_open(f->path, 0, &cause);
	if (f->store == NULL)
		fail_msg("%s", cause);
	f->loop = loop_new();
	f->sync = sync_new(f->loop, f->store, &f->cfg, 0, &cause);
	if (f->sync == NULL)
		fail_msg("%s", cause);
}

/* Stop sync and close the store, as a process exit does. */
static void
stop(struct fixture *f)
{
	sync_free(f->sync);
	loop_free(f->loop);
	store_close(f->store);
	f->sync = NULL;
	f->loop = NULL;
	f->store = NULL;
}

static int
setup(void **state)
{
	struct fixture	*f = xcalloc(1, sizeof *f);
	char		*cause = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/heed-test-sync-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = xprintf("%s/cache.db", f->dir);
	config_init(&f->cfg);
	if (config_parse(&f->cfg, "test", demo_config, &cause) != 0)
		fail_msg("%s", cause);
	f->cfg.accounts[0].builtin_secret = "test-token";
	f->cfg.accounts[1].builtin_secret = "test-token";
	start(f);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		*cmd;

	if (f->store != NULL)
		stop(f);
	config_free(&f->cfg);
	cmd = xprintf("rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(cmd);
	free(f->path);
	free(f);
	return 0;
}

/* Count the items in a view. */
static int64_t
count(struct fixture *f, enum store_view v)
{
	struct store_counts	c;

	assert_int_equal(store_counts(f->store, &c, NULL), 0);
	return c.view[v];
}

/* Find the local id of an item by account name and remote id. */
static int64_t
find_on(struct fixture *f, const char *name, const char *remote)
{
	struct store_account	*acc;
	size_t			 n, i;
	int64_t			 id = 0, account = 0;

	assert_int_equal(store_account_list(f->store, &acc, &n, NULL), 0);
	for (i = 0; i < n; i++) {
		if (strcmp(acc[i].name, name) == 0)
			account = acc[i].id;
	}
	store_account_list_free(acc, n);
	assert_int_equal(store_item_find(f->store, account, remote, &id,
	    NULL), 0);
	return id;
}

/* Find the local id of an item by its remote id on the page account. */
static int64_t
find(struct fixture *f, const char *remote)
{
	struct store_account	*acc;
	size_t			 n, i;
	int64_t			 id = 0, account = 0;

	assert_int_equal(store_account_list(f->store, &acc, &n, NULL), 0);
	for (i = 0; i < n; i++) {
		if (strcmp(acc[i].name, "page") == 0)
			account = acc[i].id;
	}
	store_account_list_free(acc, n);
	assert_int_equal(store_item_find(f->store, account, remote, &id,
	    NULL), 0);
	return id;
}

/* Queue a reply to an item, as the composer does. */
static int64_t
queue_reply(struct fixture *f, int64_t item, const char *text,
    const char *key)
{
	struct outbox_entry	e;
	struct item		it;
	int64_t			id;

	assert_int_equal(store_item_get(f->store, item, &it, NULL), 0);
	memset(&e, 0, sizeof e);
	e.account_id = it.account_id;
	e.item_id = item;
	e.kind = ACTION_REPLY;
	e.target_remote_id = xstrdup(it.remote_id);
	e.body = xstrdup(text);
	e.idem_key = xstrdup(key);
	assert_int_equal(store_outbox_add(f->store, &e, NULL), 0);
	id = e.id;
	item_clear(&it);
	outbox_entry_clear(&e);
	return id;
}

/* Count the business's replies under an item that carry a text. */
static int
replies_with(struct fixture *f, int64_t item, const char *text)
{
	struct store_thread	th;
	struct item		it;
	size_t			i;
	int			n = 0;

	assert_int_equal(store_item_get(f->store, item, &it, NULL), 0);
	assert_int_equal(store_thread_get(f->store, item, &th, NULL), 0);
	for (i = 0; i < th.items.n; i++) {
		if (th.items.v[i].own && th.items.v[i].parent_remote_id &&
		    strcmp(th.items.v[i].parent_remote_id, it.remote_id) == 0 &&
		    strcmp(th.items.v[i].text, text) == 0)
			n++;
	}
	store_thread_free(&th);
	item_clear(&it);
	return n;
}

static void
test_first_sync_fills_the_cache_from_both_accounts(void **state)
{
	struct fixture				*f = *state;
	const struct sync_account_status	*st;
	size_t					 n;

	sync_now(f->sync);
	run_idle(f);
	assert_true(count(f, VIEW_ALL) >= 80);
	assert_true(count(f, VIEW_INBOX) > 10);
	n = sync_status(f->sync, &st);
	assert_int_equal(n, 2);
	assert_int_equal(st[0].state, SYNC_IDLE);
	assert_true(st[0].last_success > 0);
	assert_null(st[1].last_error);
	/* A second sync changes nothing. */
	n = (size_t)count(f, VIEW_ALL);
	sync_now(f->sync);
	run_idle(f);
	assert_int_equal(count(f, VIEW_ALL), (int64_t)n);
}

static void
test_reply_is_sent_once_and_shows_in_the_thread(void **state)
{
	struct fixture		*f = *state;
	struct outbox_entry	 e;
	int64_t			 item, id;

	sync_now(f->sync);
	run_idle(f);
	item = find(f, "c-001");
	id = queue_reply(f, item, "Yes, we ship to Romania! 🇷🇴", "k-1");
	sync_kick(f->sync);
	run_idle(f);
	assert_int_equal(store_outbox_get(f->store, id, &e, NULL), 0);
	assert_int_equal(e.state, OUTBOX_SENT);
	assert_non_null(e.remote_id);
	outbox_entry_clear(&e);
	assert_int_equal(replies_with(f, item, "Yes, we ship to Romania! 🇷🇴"),
	    1);
	/* A later sync brings the same reply back: still one. */
	sync_now(f->sync);
	run_idle(f);
	assert_int_equal(replies_with(f, item, "Yes, we ship to Romania! 🇷🇴"),
	    1);
}

/* The status of an item of the page account, by remote id. */
static int
status_of(struct fixture *f, const char *remote)
{
	struct item	it;
	int		status;

	assert_int_equal(store_item_get(f->store, find(f, remote), &it, NULL),
	    0);
	status = it.status;
	item_clear(&it);
	return status;
}

/*
 * A reply sent to a customer's follow-up answers their whole
 * conversation: Pieter's first comment under the apology (c-046) leaves
 * the inbox with the follow-up answered (c-053); his comment under
 * another post is another conversation and still waits.
 */
static void
test_reply_to_a_follow_up_answers_the_conversation(void **state)
{
	struct fixture	*f = *state;
	int64_t		 id;

	sync_now(f->sync);
	run_idle(f);
	assert_int_not_equal(status_of(f, "c-046"), STATUS_DONE);
	assert_int_not_equal(status_of(f, "c-053"), STATUS_DONE);
	id = queue_reply(f, find(f, "c-053"), "Pieter, I've looked it up: "
	    "it leaves the sorting centre today.", "k-conv");
	sync_kick(f->sync);
	run_idle(f);
	assert_int_equal(replies_with(f, find(f, "c-053"), "Pieter, I've "
	    "looked it up: it leaves the sorting centre today."), 1);
	assert_true(id > 0);
	assert_int_equal(status_of(f, "c-053"), STATUS_DONE);
	assert_int_equal(status_of(f, "c-046"), STATUS_DONE);
	assert_int_not_equal(status_of(f, "c-096"), STATUS_DONE);
}

static void
test_entry_left_sending_by_a_kill_is_sent_after_restart(void **state)
{
	struct fixture		*f = *state;
	struct outbox_entry	 e;
	int64_t			 item, id;

	sync_now(f->sync);
	run_idle(f);
	item = find(f, "c-002");
	id = queue_reply(f, item, "Glazed inside, promised.", "k-2");
	/* The process dies right after marking the entry sending. */
	assert_int_equal(store_outbox_get(f->store, id, &e, NULL), 0);
	e.state = OUTBOX_SENDING;
	e.attempts = 1;
	assert_int_equal(store_outbox_update(f->store, &e, NULL), 0);
	outbox_entry_clear(&e);
	stop(f);
	start(f);
	sync_kick(f->sync);
	run_idle(f);
	assert_int_equal(store_outbox_get(f->store, id, &e, NULL), 0);
	assert_int_equal(e.state, OUTBOX_SENT);
	outbox_entry_clear(&e);
	assert_int_equal(replies_with(f, item, "Glazed inside, promised."), 1);
}

/*
 * Thirty runs of heed on one cache, each replying to another comment: the
 * demo platform starts afresh in every process, and ids it gave in one
 * run must never move a reply of another: every reply stays under the
 * comment it answers, once.
 */
static void
test_replies_of_many_runs_stay_in_their_threads(void **state)
{
	struct fixture		*f = *state;
	struct item_list	 l = { NULL, 0, 0 };
	int64_t			 items[30];
	char			*text, *key;
	size_t			 i, n = 0;

	sync_now(f->sync);
	run_idle(f);
	assert_int_equal(store_queue_page(f->store, VIEW_ALL, NULL, NULL, 1,
	    200, &l, NULL), 0);
	for (i = 0; i < l.n && n < 30; i++) {
		if (!l.v[i].own && l.v[i].kind != ITEM_MENTION &&
		    strcmp(l.v[i].remote_id, "c-hostile") != 0)
			items[n++] = l.v[i].id;
	}
	item_list_free(&l);
	assert_int_equal(n, 30);
	for (i = 0; i < n; i++) {
		stop(f);
		start(f);
		text = xprintf("Reply number %zu", i);
		key = xprintf("k-run-%zu", i);
		queue_reply(f, items[i], text, key);
		sync_now(f->sync);
		run_idle(f);
		free(text);
		free(key);
	}
	for (i = 0; i < n; i++) {
		text = xprintf("Reply number %zu", i);
		assert_int_equal(replies_with(f, items[i], text), 1);
		free(text);
	}
}

static void
test_platform_refusal_fails_the_entry_with_the_reason(void **state)
{
	struct fixture		*f = *state;
	struct store_activity	*act;
	size_t			 nact;
	struct outbox_entry	 e;
	struct item		 it;
	int64_t			 item, id;

	sync_now(f->sync);
	run_idle(f);
	item = find(f, "c-003");
	assert_int_equal(store_item_get(f->store, item, &it, NULL), 0);
	memset(&e, 0, sizeof e);
	e.account_id = it.account_id;
	e.item_id = item;
	e.kind = ACTION_REPLY;
	e.target_remote_id = xstrdup("no-such-comment");
	e.body = xstrdup("hello");
	e.idem_key = xstrdup("k-3");
	assert_int_equal(store_outbox_add(f->store, &e, NULL), 0);
	id = e.id;
	outbox_entry_clear(&e);
	sync_kick(f->sync);
	run_idle(f);
	assert_int_equal(store_outbox_get(f->store, id, &e, NULL), 0);
	assert_int_equal(e.state, OUTBOX_FAILED);
	assert_non_null(e.last_error);
	/* The activity log says what became of it, and why. */
	assert_int_equal(store_activity_recent(f->store, 1, &act, &nact,
	    NULL), 0);
	assert_int_equal(nact, 1);
	assert_int_equal(act[0].item_id, item);
	assert_string_equal(act[0].action, "reply");
	assert_non_null(strstr(act[0].detail, "failed: "));
	assert_non_null(strstr(act[0].detail, e.last_error));
	store_activity_free(act, nact);
	outbox_entry_clear(&e);
	item_clear(&it);
}

static void
test_like_and_hide_reach_the_item(void **state)
{
	struct fixture		*f = *state;
	struct outbox_entry	 e;
	struct item		 it;
	int64_t			 item;
	int			 kinds[] = { ACTION_LIKE, ACTION_HIDE };
	size_t			 i;

	sync_now(f->sync);
	run_idle(f);
	item = find(f, "c-004");
	for (i = 0; i < nitems(kinds); i++) {
		assert_int_equal(store_item_get(f->store, item, &it, NULL), 0);
		memset(&e, 0, sizeof e);
		e.account_id = it.account_id;
		e.item_id = item;
		e.kind = kinds[i];
		e.target_remote_id = xstrdup(it.remote_id);
		e.idem_key = xprintf("k-act-%zu", i);
		assert_int_equal(store_outbox_add(f->store, &e, NULL), 0);
		outbox_entry_clear(&e);
		item_clear(&it);
	}
	sync_kick(f->sync);
	run_idle(f);
	assert_int_equal(store_item_get(f->store, item, &it, NULL), 0);
	assert_int_equal(it.liked, 1);
	assert_int_equal(it.hidden, 1);
	item_clear(&it);
	/* And the next sync agrees with what the platform now says. */
	sync_now(f->sync);
	run_idle(f);
	assert_int_equal(store_item_get(f->store, item, &it, NULL), 0);
	assert_int_equal(it.liked, 1);
	assert_int_equal(it.hidden, 1);
	item_clear(&it);
}

/* A loopback port nobody listens on. */
static int
closed_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof sin;
	int			fd, port;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sin, sizeof sin), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	port = ntohs(sin.sin_port);
	close(fd);
	return port;
}

/* The page account has been found unreachable. */
static int
page_offline(struct fixture *f)
{
	const struct sync_account_status	*st;

	sync_status(f->sync, &st);
	return st[0].state == SYNC_OFFLINE;
}

/* The social account has finished its sync. */
static int
social_idle(struct fixture *f)
{
	const struct sync_account_status	*st;

	sync_status(f->sync, &st);
	return st[1].state == SYNC_IDLE && st[1].last_success > 0;
}

static int64_t net_entry;

/* The reply queued offline has been tried once. */
static int
entry_tried(struct fixture *f)
{
	struct outbox_entry	e;
	int			done;

	if (store_outbox_get(f->store, net_entry, &e, NULL) != 0)
		return 0;
	done = e.attempts == 1 && e.state == OUTBOX_QUEUED;
	outbox_entry_clear(&e);
	return done;
}

static void
test_dead_network_fails_the_sync_and_keeps_the_reply(void **state)
{
	struct fixture				*f = *state;
	const struct sync_account_status	*st;
	struct outbox_entry			 e;
	int64_t					 item, id;
	char					*url;

	/* A first sync over the demo fills the cache... */
	sync_now(f->sync);
	run_idle(f);
	item = find(f, "c-001");
	/* ...then the page account's platform can no longer be reached. */
	stop(f);
	url = xprintf("http://127.0.0.1:%d", closed_port());
	config_account_set(&f->cfg.accounts[0], OPT_URL, url);
	free(url);
	start(f);
	sync_now(f->sync);
	run_until(f, page_offline);
	assert_int_equal(sync_status(f->sync, &st), 2);
	assert_int_equal(st[0].state, SYNC_OFFLINE);
	assert_non_null(st[0].last_error);
	assert_non_null(strstr(st[0].last_error, "127.0.0.1"));
	assert_non_null(strstr(st[0].last_error, "trying again in"));
	/* It still knows when it last synced, for the status bar. */
	assert_true(st[0].last_success > 0);
	/* A reply typed now waits in the outbox with the reason. */
	id = queue_reply(f, item, "Sent when the network is back", "k-net");
	net_entry = id;
	sync_kick(f->sync);
	run_until(f, entry_tried);
	/* The other account is not held up by this one. */
	run_until(f, social_idle);
	assert_int_equal(sync_status(f->sync, &st), 2);
	assert_int_equal(st[1].state, SYNC_IDLE);
	assert_int_equal(store_outbox_get(f->store, id, &e, NULL), 0);
	assert_int_equal(e.state, OUTBOX_QUEUED);
	assert_int_equal(e.attempts, 1);
	assert_true(e.next_attempt > util_now());
	assert_non_null(e.last_error);
	outbox_entry_clear(&e);
	assert_true(count(f, VIEW_ALL) >= 80);
}

static void
test_an_account_that_cannot_send_holds_up_no_other(void **state)
{
	struct fixture		*f = *state;
	struct outbox_entry	 e;
	int64_t			 page_item, social_item, page_id, social_id;

	sync_now(f->sync);
	run_idle(f);
	page_item = find_on(f, "page", "c-001");
	social_item = find_on(f, "social", "c-006");
	/* The page account loses its credential (no keyring here). */
	stop(f);
	f->cfg.accounts[0].builtin_secret = NULL;
	start(f);
	page_id = queue_reply(f, page_item, "First in line", "k-hol-1");
	social_id = queue_reply(f, social_item, "Second in line", "k-hol-2");
	sync_kick(f->sync);
	run_idle(f);
	assert_int_equal(store_outbox_get(f->store, social_id, &e, NULL), 0);
	assert_int_equal(e.state, OUTBOX_SENT);
	outbox_entry_clear(&e);
	assert_int_equal(store_outbox_get(f->store, page_id, &e, NULL), 0);
	assert_int_equal(e.state, OUTBOX_QUEUED);
	assert_int_equal(e.attempts, 0);
	outbox_entry_clear(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_first_sync_fills_the_cache_from_both_accounts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_reply_is_sent_once_and_shows_in_the_thread, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_reply_to_a_follow_up_answers_the_conversation, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_entry_left_sending_by_a_kill_is_sent_after_restart,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_replies_of_many_runs_stay_in_their_threads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_platform_refusal_fails_the_entry_with_the_reason,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_like_and_hide_reach_the_item,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_dead_network_fails_the_sync_and_keeps_the_reply, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_an_account_that_cannot_send_holds_up_no_other, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
