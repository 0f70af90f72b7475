/*
 * test-engine.c -- the sync engine's timing, in milliseconds: a fake
 * transport (the demo server behind it, with faults the test injects)
 * and a fake clock that jumps to the next timer instead of waiting.
 * Each test names the behaviour it checks.
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

#include "config.h"
#include "loop.h"
#include "platform.h"
#include "platform/platforms.h"
#include "store.h"
#include "sync.h"
#include "transport.h"
#include "util.h"

#define FAKE_LATENCY_MS	100
#define FAKE_MAX_SENT	256
#define FAKE_MAX_FAULTS	8

/*
 * An answer the fake gives instead of the platform's, to the next request
 * whose "METHOD URL" contains match (NULL: any request). A fault with
 * request_sent and an error still reaches the platform: only its answer
 * is lost.
 */
struct fault {
	const char		*match;
	long			 status;
	const char		*body;		/* or NULL: a stock one */
	const char		*retry_after;	/* header; or NULL */
	const char		*header;	/* its name, if not Retry-After */
	enum transport_error	 error;
	int			 request_sent;
};

struct fake;

/*
 * A scripted platform for the URLs that are not demo:// (a real adapter
 * talking to recorded answers): the status and a new body for a request.
 */
typedef void (*fake_script_fn)(struct fake *, const struct platform_request *,
    long *, char **);

struct fake_call {
	struct fake		*f;
	uint64_t		 id;
	uint64_t		 timer;
	int			 timed_out;	/* answered at its timeout */
	struct platform_request	 req;
	transport_done_cb	 cb;
	void			*arg;
};

struct fake {
	struct transport	 base;
	struct loop		*loop;
	struct demo_server	*srv;
	int64_t			 clock;		/* ms */
	struct fake_call	*pending[16];
	size_t			 npending;
	uint64_t		 next_id;
	int64_t			 latency;	/* ms before an answer */
	fake_script_fn		 script;
	int			 found;		/* the scripted platform
						   has the reply */
	int			 expired;	/* ... says the session ran
						   out, that many times */
	int			 refuse;	/* ... refuses renewals
						   after the first */
	int			 sessions;	/* ... sessions it opened */
	char			*urls[FAKE_MAX_SENT];	/* "METHOD URL" */
	int64_t			 sent_at[FAKE_MAX_SENT];
	size_t			 nsent;
	struct fault		 faults[FAKE_MAX_FAULTS];
	size_t			 nfaults;
	char			 dir[64];
	char			*path;
	char			*marker;	/* the scripted Mastodon's
						   read marker; or NULL */
	size_t			 marker_moves;	/* ... POSTs of it */
	struct config		 cfg;
	struct store		*store;
	struct sync		*sync;
};

static const char config_text[] =
    "[account page]\nplatform = demo-page\nhandle = tulipandtea\n"
    "url = demo://page\n";

/* The fake clock. */
static int64_t
fake_clock(void *arg)
{
	return ((struct fake *)arg)->clock;
}

/* Forget a pending call. */
static void
fake_drop(struct fake *f, struct fake_call *c)
{
	size_t	i;

	for (i = 0; i < f->npending; i++) {
		if (f->pending[i] == c) {
			f->pending[i] = f->pending[--f->npending];
			break;
		}
	}
	free(c->req.method);
	free(c->req.url);
	free(c->req.body);
	free(c->req.content_type);
	free(c->req.idempotency_key);
	free(c->req.authorization);
	free(c);
}

/* Take the first queued fault meant for a request; 0, or -1 if none. */
static int
fake_fault_for(struct fake *f, const char *what, struct fault *out)
{
	size_t	i;

	for (i = 0; i < f->nfaults; i++) {
		if (f->faults[i].match != NULL &&
		    strstr(what, f->faults[i].match) == NULL)
			continue;
		*out = f->faults[i];
		memmove(f->faults + i, f->faults + i + 1, (--f->nfaults - i) *
		    sizeof *f->faults);
		return 0;
	}
	return -1;
}

/* The platform's own answer: the demo server's, or the script's. */
static void
fake_platform(struct fake *f, const struct platform_request *req,
    long *status, char **body)
{
	if (strncmp(req->url, "demo://", 7) == 0)
		demo_server_handle(f->srv, req, loop_now(f->loop), status,
		    body);
	else if (f->script != NULL)
		f->script(f, req, status, body);
	else
		fail_msg("nothing answers %s", req->url);
}

/* Answer a call: the next fault meant for it, or the platform. */
static void
fake_answer(void *arg)
{
	struct fake_call		*c = arg;
	struct fake			*f = c->f;
	struct platform_response	 resp;
	struct platform_header		 h = { "Retry-After", NULL };
	struct fault			 fault;
	transport_done_cb		 cb = c->cb;
	void				*cbarg = c->arg;
	char				*body = NULL, *what;
	long				 status = 0;

	memset(&resp, 0, sizeof resp);
	resp.id = c->id;
	resp.message = "";
	what = xprintf("%s %s", c->req.method, c->req.url);
	if (fake_fault_for(f, what, &fault) == 0) {
		/* A lost or garbled answer: the platform did the work. */
		if ((fault.error != TRANSPORT_OK && fault.request_sent) ||
		    (fault.status >= 200 && fault.status < 300)) {
			fake_platform(f, &c->req, &status, &body);
			free(body);
		}
		resp.status = fault.status;
		resp.error = fault.error;
		resp.request_sent = fault.request_sent;
		resp.message = fault.error != TRANSPORT_OK ? "fake failure" :
		    "";
		if ((h.value = fault.retry_after) != NULL) {
			if (fault.header != NULL)
				h.name = fault.header;
			resp.headers = &h;
			resp.nheaders = 1;
		}
		body = xstrdup(fault.body != NULL ? fault.body :
		    fault.status >= 400 ? "{\"error\":{\"message\":"
		    "\"slow down\"}}" : "");
	} else if (c->timed_out) {
		/* The platform did it; its answer came too late. */
		fake_platform(f, &c->req, &status, &body);
		free(body);
		body = xstrdup("");
		resp.error = TRANSPORT_ERR_TIMEOUT;
		resp.request_sent = 1;
		resp.message = "fake timeout";
	} else {
		fake_platform(f, &c->req, &status, &body);
		resp.status = status;
		resp.request_sent = 1;
	}
	free(what);
	resp.body = body;
	resp.len = strlen(body);
	fake_drop(f, c);
	cb(&resp, cbarg);
	free(body);
}

/*
 * Record a request and answer it a moment later; a request that would
 * take longer than its timeout is answered then, as HTTP does, with a
 * timeout.
 */
static uint64_t
fake_send(struct transport *t, const struct platform_request *req,
    int64_t timeout_ms, transport_done_cb cb, void *arg)
{
	struct fake		*f = (struct fake *)t;
	struct fake_call	*c = xcalloc(1, sizeof *c);
	int64_t			 delay = f->latency;

	assert_true(f->nsent < FAKE_MAX_SENT);
	f->urls[f->nsent] = xprintf("%s %s", req->method, req->url);
	f->sent_at[f->nsent++] = f->clock;
	c->f = f;
	c->id = ++f->next_id;
	c->cb = cb;
	c->arg = arg;
	c->req.method = xstrdup(req->method);
	c->req.url = xstrdup(req->url);
	c->req.body = req->body != NULL ? xstrdup(req->body) : NULL;
	c->req.authorization = req->authorization != NULL ?
	    xstrdup(req->authorization) : NULL;
	if (delay > timeout_ms) {
		delay = timeout_ms;
		c->timed_out = 1;
	}
	c->timer = loop_timer_add(f->loop, delay, fake_answer, c);
	f->pending[f->npending++] = c;
	return c->id;
}

/* Abandon a call. */
static void
fake_cancel(struct transport *t, uint64_t id)
{
	struct fake	*f = (struct fake *)t;
	size_t		 i;

	for (i = 0; i < f->npending; i++) {
		if (f->pending[i]->id == id) {
			loop_timer_cancel(f->loop, f->pending[i]->timer);
			fake_drop(f, f->pending[i]);
			return;
		}
	}
}

/* The fake belongs to the test: nothing to free here. */
static void
fake_free(struct transport *t)
{
	(void)t;
}

static const struct transport_ops fake_ops = {
	.send = fake_send,
	.cancel = fake_cancel,
	.free = fake_free
};

/* Queue a fault for the next request whose "METHOD URL" has match. */
static void
fault_on(struct fake *f, const char *match, long status, const char *body,
    enum transport_error error, int request_sent)
{
	assert_true(f->nfaults < FAKE_MAX_FAULTS);
	memset(&f->faults[f->nfaults], 0, sizeof f->faults[f->nfaults]);
	f->faults[f->nfaults].match = match;
	f->faults[f->nfaults].status = status;
	f->faults[f->nfaults].body = body;
	f->faults[f->nfaults].error = error;
	f->faults[f->nfaults].request_sent = request_sent;
	f->nfaults++;
}

/* Queue a fault for the next answer. */
static void
fault(struct fake *f, long status, const char *retry_after,
    enum transport_error error, int request_sent)
{
	fault_on(f, NULL, status, NULL, error, request_sent);
	f->faults[f->nfaults - 1].retry_after = retry_after;
}

/* Start the engine, periodic (as in the TUI) or not (heed sync). */
static void
start(struct fake *f, int periodic)
{
	char	*cause = NULL;

	f->sync = sync_new_on(f->loop, f->store, &f->cfg, periodic, &f->base,
	    &cause);
	if (f->sync == NULL)
		fail_msg("%s", cause);
}

/*
 * Run the loop on the fake clock until the engine is idle or until
 * limit_ms of fake time have passed, jumping to each next timer.
 */
static void
run(struct fake *f, int64_t limit_ms)
{
	int64_t	next, end = f->clock + limit_ms;
	int	i;

	for (i = 0; i < 100000 && f->clock <= end; i++) {
		next = loop_run_due(f->loop);
		if (!sync_busy(f->sync) && f->npending == 0)
			return;
		if (next < 0)
			return;
		f->clock += next > 0 ? next : 0;
	}
}

/* The account's status message; "" if none. */
static const char *
message(struct fake *f)
{
	const struct sync_account_status	*st;

	assert_int_equal(sync_status(f->sync, &st), 1);
	return st[0].last_error != NULL ? st[0].last_error : "";
}

/* Set up the fake, the store and the engine's config for config text. */
/*
 * Run the timers until the fake clock reaches ms from now, jumping from
 * one to the next; a timer that fires again and again without the clock
 * moving (a busy loop) fails the test.
 */
static void
run_to(struct fake *f, int64_t ms)
{
	int64_t	next, end = f->clock + ms;
	int	i;

	for (i = 0; i < 1000; i++) {
		next = loop_run_due(f->loop);
		if (next < 0 || f->clock + next > end) {
			f->clock = end;
			loop_run_due(f->loop);
			return;
		}
		f->clock += next;
	}
	fail_msg("the loop keeps firing timers at %lld ms", (long long)f->clock);
}

/* How many requests were made whose "METHOD URL" contains what. */
static int
count(struct fake *f, const char *what)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < f->nsent; i++)
		n += strstr(f->urls[i], what) != NULL;
	return n;
}

/* When the k-th request (from 0) whose "METHOD URL" contains what went. */
static int64_t
sent_at(struct fake *f, const char *what, int k)
{
	size_t	i;

	for (i = 0; i < f->nsent; i++) {
		if (strstr(f->urls[i], what) != NULL && k-- == 0)
			return f->sent_at[i];
	}
	fail_msg("no request %d with %s", k, what);
	return -1;
}

/* The store's id of a configured account. */
static int64_t
account_id(struct fake *f, const char *name)
{
	struct store_account	*v;
	size_t			 n, i;
	int64_t			 id = 0;

	assert_int_equal(store_account_list(f->store, &v, &n, NULL), 0);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].name, name) == 0)
			id = v[i].id;
	}
	store_account_list_free(v, n);
	assert_true(id != 0);
	return id;
}

/*
 * Queue an action of the user's in the outbox, due now by the engine's
 * clock; its id.
 */
static int64_t
queue(struct fake *f, const char *account, int kind, const char *target,
    const char *body)
{
	struct outbox_entry	e;
	int64_t			id;

	memset(&e, 0, sizeof e);
	e.account_id = account_id(f, account);
	e.kind = kind;
	e.target_remote_id = xstrdup(target);
	e.body = body != NULL ? xstrdup(body) : NULL;
	e.idem_key = xprintf("k-%s-%d", target, kind);
	assert_int_equal(store_outbox_add(f->store, &e, NULL), 0);
	e.next_attempt = loop_now(f->loop);
	assert_int_equal(store_outbox_update(f->store, &e, NULL), 0);
	id = e.id;
	outbox_entry_clear(&e);
	return id;
}

/* Read an outbox entry (cleared by the caller). */
static void
entry(struct fake *f, int64_t id, struct outbox_entry *e)
{
	assert_int_equal(store_outbox_get(f->store, id, e, NULL), 0);
}

/* The remote id of a comment the demo page has, once a sync read it. */
static char *
demo_comment(struct fake *f)
{
	struct item	it;
	char		*id;

	assert_int_equal(store_item_get(f->store, 1, &it, NULL), 0);
	id = xstrdup(it.remote_id);
	item_clear(&it);
	return id;
}

static int
setup_config(void **state, const char *text)
{
	struct fake	*f = xcalloc(1, sizeof *f);
	char		*cause = NULL;
	size_t		 i;

	snprintf(f->dir, sizeof f->dir, "/tmp/heed-test-engine-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = xprintf("%s/cache.db", f->dir);
	config_init(&f->cfg);
	if (config_parse(&f->cfg, "test", text, &cause) != 0)
		fail_msg("%s", cause);
	for (i = 0; i < f->cfg.naccounts; i++)
		f->cfg.accounts[i].builtin_secret = "test-token";
	if ((f->store = store_open(f->path, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	f->base.ops = &fake_ops;
	f->latency = FAKE_LATENCY_MS;
	f->loop = loop_new();
	f->clock = 1000;
	loop_set_clock(f->loop, fake_clock, f);
	f->srv = demo_server_new(loop_now(f->loop));
	*state = f;
	return 0;
}

static int
setup(void **state)
{
	return setup_config(state, config_text);
}

static int
teardown(void **state)
{
	struct fake	*f = *state;
	char		*cmd;
	size_t		 i;

	sync_free(f->sync);
	while (f->npending > 0)
		fake_cancel(&f->base, f->pending[0]->id);
	loop_free(f->loop);
	demo_server_free(f->srv);
	store_close(f->store);
	config_free(&f->cfg);
	for (i = 0; i < f->nsent; i++)
		free(f->urls[i]);
	cmd = xprintf("rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(cmd);
	free(f->path);
	free(f->marker);
	free(f);
	return 0;
}

/* A sync reads every stream, each request after the last one's answer. */
static void
test_engine_sends_one_request_at_a_time(void **state)
{
	struct fake	*f = *state;
	size_t		 i;

	start(f, 1);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_false(sync_busy(f->sync));
	assert_true(f->nsent >= 1);
	for (i = 1; i < f->nsent; i++)
		assert_true(f->sent_at[i] - f->sent_at[i - 1] >=
		    FAKE_LATENCY_MS);
	assert_string_equal(message(f), "");
}

/* A Retry-After on a 429 holds the account's next request that long. */
static void
test_engine_paces_the_next_request_as_retry_after_asks(void **state)
{
	struct fake	*f = *state;

	start(f, 1);
	fault(f, 429, "30", TRANSPORT_OK, 1);
	sync_now(f->sync);
	run(f, 10 * 60 * 1000);
	assert_true(f->nsent >= 2);
	assert_true(f->sent_at[1] - f->sent_at[0] >= 30 * 1000 +
	    FAKE_LATENCY_MS);
	assert_false(sync_busy(f->sync));
}

/* heed sync, told to wait longer than it lasts, stops and says when. */
static void
test_engine_holds_a_oneshot_run_told_to_wait_long(void **state)
{
	struct fake	*f = *state;

	start(f, 0);
	fault(f, 429, "3600", TRANSPORT_OK, 1);
	sync_now(f->sync);
	run(f, 10 * 60 * 1000);
	assert_int_equal(f->nsent, 1);
	assert_false(sync_busy(f->sync));
	assert_non_null(strstr(message(f), "asks heed to wait"));
	/* A new sync asked for goes on, once the wait is over. */
	f->clock += 3600 * 1000;
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_true(f->nsent > 1);
	assert_false(sync_busy(f->sync));
}

/* No answer at all: the account shows offline, and tries again later. */
static void
test_engine_retries_a_page_after_a_transport_failure(void **state)
{
	struct fake	*f = *state;

	start(f, 1);
	fault(f, 0, NULL, TRANSPORT_ERR_CONNECT, 0);
	sync_now(f->sync);
	f->clock += 0;
	loop_run_due(f->loop);
	f->clock += FAKE_LATENCY_MS;
	loop_run_due(f->loop);
	assert_int_equal(f->nsent, 1);
	assert_non_null(strstr(message(f), "offline: "));
	run(f, 10 * 60 * 1000);
	assert_true(f->nsent >= 2);
	/* The backoff: at least half of the first delay (5 s), cut. */
	assert_true(f->sent_at[1] - f->sent_at[0] >= 2000);
	assert_false(sync_busy(f->sync));
	assert_string_equal(message(f), "");
}

/* Forget the requests sent so far: count from here. */
static void
forget_sent(struct fake *f)
{
	while (f->nsent > 0)
		free(f->urls[--f->nsent]);
}

#define LEASE_S		(60 + 60)	/* request_timeout and the margin */

/* Sync the demo page once, so that the store has its comments. */
static char *
synced(struct fake *f, int periodic)
{
	start(f, periodic);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_false(sync_busy(f->sync));
	forget_sent(f);
	return demo_comment(f);
}

/* An entry goes out SENDING under this process's lease, released once sent. */
static void
test_engine_sends_an_entry_under_its_own_lease(void **state)
{
	struct fake		*f = *state;
	struct outbox_entry	 e;
	char			*target = synced(f, 1);
	int64_t			 id;

	id = queue(f, "page", ACTION_LIKE, target, NULL);
	sync_kick(f->sync);
	assert_int_equal(count(f, "/like"), 1);	/* in flight */
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENDING);
	assert_string_equal(e.lease_owner, store_owner(f->store));
	assert_true(e.lease_until >= loop_now(f->loop) + 60);
	outbox_entry_clear(&e);
	run(f, 60 * 1000);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENT);
	assert_null(e.lease_owner);
	assert_int_equal(count(f, "/like"), 1);
	outbox_entry_clear(&e);
	free(target);
}

/*
 * A reply queued with a send delay leaves when the delay has passed, not
 * at the kick that queued it, and the engine needs no other nudge.
 */
static void
test_engine_sends_a_delayed_reply_when_its_delay_ends(void **state)
{
	struct fake		*f = *state;
	struct outbox_entry	 e;
	char			*target = synced(f, 1);
	int64_t			 id, t0;

	id = queue(f, "page", ACTION_REPLY, target, "Thank you!");
	entry(f, id, &e);
	t0 = f->clock;
	e.next_attempt = loop_now(f->loop) + 10;
	assert_int_equal(store_outbox_update(f->store, &e, NULL), 0);
	outbox_entry_clear(&e);
	sync_kick(f->sync);
	run_to(f, 8 * 1000);
	assert_int_equal(f->nsent, 0);
	run_to(f, 3 * 1000);
	run(f, 60 * 1000);
	assert_int_equal(f->nsent, 1);
	/* Whole seconds: it left in the tenth second at the earliest. */
	assert_true(f->sent_at[0] - t0 >= 9 * 1000);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENT);
	outbox_entry_clear(&e);
	free(target);
}

/*
 * A reply another heed queued with a send delay before it was killed is
 * sent by the next one when its time comes, with no kick and no sync.
 */
static void
test_engine_sends_a_delayed_reply_queued_before_it_started(void **state)
{
	struct fake		*f = *state;
	struct outbox_entry	 e;
	char			*target = synced(f, 1);
	int64_t			 id, t0;

	sync_free(f->sync);
	id = queue(f, "page", ACTION_REPLY, target, "Thank you!");
	entry(f, id, &e);
	t0 = f->clock;
	e.next_attempt = loop_now(f->loop) + 20;
	assert_int_equal(store_outbox_update(f->store, &e, NULL), 0);
	outbox_entry_clear(&e);
	start(f, 1);
	run_to(f, 18 * 1000);
	assert_int_equal(f->nsent, 0);
	run_to(f, 3 * 1000);
	run(f, 60 * 1000);
	assert_int_equal(f->nsent, 1);
	assert_true(f->sent_at[0] - t0 >= 19 * 1000);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENT);
	outbox_entry_clear(&e);
	free(target);
}

/*
 * An entry taken while the platform asks for a wait stays this process's
 * for the whole wait (no other heed sends it meanwhile, and this one does
 * not spin on it), is renewed when it goes out, and is sent once.
 */
static void
test_engine_holds_the_lease_while_a_paced_send_waits(void **state)
{
	struct fake		*f = *state;
	struct outbox_entry	 e;
	char			*target = synced(f, 1);
	int64_t			 id, t0;

	fault(f, 429, "600", TRANSPORT_OK, 1);
	sync_now(f->sync);			/* a page, in flight */
	id = queue(f, "page", ACTION_LIKE, target, NULL);
	sync_kick(f->sync);			/* busy: it waits */
	run_to(f, FAKE_LATENCY_MS);		/* 429: the entry waits */
	t0 = f->clock;
	run_to(f, (LEASE_S + 60) * 1000);	/* past a plain lease */
	assert_int_equal(count(f, "/like"), 0);
	entry(f, id, &e);
	assert_string_equal(e.lease_owner, store_owner(f->store));
	assert_true(e.lease_until >= loop_now(f->loop));
	assert_true(store_outbox_leased(&e, loop_now(f->loop)));
	outbox_entry_clear(&e);
	run_to(f, 600 * 1000 - (f->clock - t0) + 10);
	assert_int_equal(count(f, "/like"), 1);	/* in flight */
	assert_true(sent_at(f, "/like", 0) - t0 >= 600 * 1000);
	entry(f, id, &e);
	assert_true(e.lease_until >= loop_now(f->loop) + 60);
	outbox_entry_clear(&e);
	run(f, 60 * 1000);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENT);
	assert_int_equal(count(f, "/like"), 1);
	outbox_entry_clear(&e);
	free(target);
}

/* Another heed's live lease is respected: the entry is not sent. */
static void
test_engine_leaves_an_entry_another_heed_holds(void **state)
{
	struct fake		*f = *state;
	struct store		*other;
	struct outbox_entry	 e;
	char			*target = synced(f, 1);
	int64_t			 id;

	/* Another heed on the same cache: a connection of its own. */
	assert_non_null(other = store_open(f->path, 0, NULL));
	id = queue(f, "page", ACTION_LIKE, target, NULL);
	assert_int_equal(store_outbox_take(other, account_id(f, "page"),
	    loop_now(f->loop), 3600, &e, NULL), 0);
	assert_int_equal(e.id, id);
	outbox_entry_clear(&e);
	sync_kick(f->sync);
	run_to(f, 30 * 60 * 1000);
	assert_int_equal(count(f, "/like"), 0);
	/* Let go (its send did not happen): this heed sends it, once. */
	assert_int_equal(store_outbox_release(other, id, NULL), 0);
	run_to(f, 31 * 60 * 1000);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENT);
	assert_int_equal(count(f, "/like"), 1);
	outbox_entry_clear(&e);
	store_close(other);
	free(target);
}

/*
 * heed sync put an entry back when the platform asked for a long wait
 * before it went: it is queued again, untried, unleased, and the next run
 * sends it once.
 */
static void
test_engine_sends_a_requeued_action_once(void **state)
{
	struct fake		*f = *state;
	struct outbox_entry	 e;
	char			*target = synced(f, 0);
	int64_t			 id;

	fault(f, 429, "3600", TRANSPORT_OK, 1);
	sync_now(f->sync);
	id = queue(f, "page", ACTION_LIKE, target, NULL);
	run(f, 10 * 60 * 1000);
	assert_false(sync_busy(f->sync));
	assert_int_equal(count(f, "/like"), 0);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_QUEUED);
	assert_int_equal(e.attempts, 0);
	assert_null(e.lease_owner);
	outbox_entry_clear(&e);
	f->clock += 3600 * 1000;
	sync_now(f->sync);
	run(f, 10 * 60 * 1000);
	entry(f, id, &e);
	assert_int_equal(e.state, OUTBOX_SENT);
	assert_int_equal(e.attempts, 1);
	assert_int_equal(count(f, "/like"), 1);
	outbox_entry_clear(&e);
	free(target);
}

/*
 * A Facebook Page with one comment, 111_222, as the Graph API answers
 * (see tests/data/facebook): who the token is, an empty feed, a reply
 * posted under the comment, and the comments of its thread, which list
 * the Page's reply once the platform has it (f->found).
 */
static const char fb_config[] =
    "[account shop]\nplatform = facebook\nurl = https://graph.test\n";

#define FB_REPLY	"POST https://graph.test/v"
/* A check delay of s seconds: the outbox counts in whole seconds. */
#define DELAY_MS(s)	(((s) - 1) * 1000)
#define FB_POST		"/111_222/comments"
#define FB_TEXT		"Thank you, see you soon!"

static void
fb_script(struct fake *f, const struct platform_request *req, long *status,
    char **body)
{
	*status = 200;
	if (strstr(req->url, "/me?") != NULL)
		*body = xstrdup("{\"id\":\"1000\",\"name\":\"Shop\"}");
	else if (strstr(req->url, "/1000/feed") != NULL)
		*body = xstrdup("{\"data\":[]}");
	else if (strcmp(req->method, "POST") == 0 &&
	    strstr(req->url, FB_POST) != NULL) {
		f->found = 1;
		*body = xstrdup("{\"id\":\"111_333\"}");
	} else if (strstr(req->url, FB_POST) != NULL && f->found)
		*body = xstrdup("{\"data\":[{\"id\":\"111_333\",\"message\":"
		    "\"" FB_TEXT "\",\"from\":{\"id\":\"1000\"},"
		    "\"parent\":{\"id\":\"111_222\"}}]}");
	else if (strstr(req->url, FB_POST) != NULL)
		*body = xstrdup("{\"data\":[]}");
	else
		fail_msg("the Page does not answer %s %s", req->method,
		    req->url);
}

static int
setup_facebook(void **state)
{
	struct fake	*f;

	if (setup_config(state, fb_config) != 0)
		return -1;
	f = *state;
	f->script = fb_script;
	return 0;
}

/* Start the engine on the Page, synced once, and queue a reply. */
static int64_t
fb_reply(struct fake *f)
{
	start(f, 1);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_false(sync_busy(f->sync));
	return queue(f, "shop", ACTION_REPLY, "111_222", FB_TEXT);
}

/* Check that this heed holds an entry's lease, within the longest. */
static void
held_by_me(struct fake *f, int64_t id)
{
	struct outbox_entry	e;

	entry(f, id, &e);
	assert_non_null(e.lease_owner);
	assert_string_equal(e.lease_owner, store_owner(f->store));
	assert_true(e.lease_until <= loop_now(f->loop) + STORE_LEASE_MOST);
	assert_true(store_outbox_leased(&e, loop_now(f->loop)));
	outbox_entry_clear(&e);
}

/*
 * A wait of a whole day (the Graph API may name one in its usage
 * headers) keeps the reply this heed's all along: its lease stays within
 * what any lease may be, so no other heed takes it for damaged and free.
 */
static void
test_engine_holds_the_lease_through_a_wait_of_a_day(void **state)
{
	struct fake		*f = *state;
	struct outbox_entry	 e;
	int64_t			 id;

	start(f, 1);
	/* The session's answer says the app may call again in a day. */
	fault_on(f, "/me?", 200, "{\"id\":\"1000\",\"name\":\"Shop\"}",
	    TRANSPORT_OK, 1);
	f->faults[f->nfaults - 1].header = "X-App-Usage";
	f->faults[f->nfaults - 1].retry_after = "{\"call_count\":100,"
	    "\"estimated_time_to_regain_access\":1440}";
	sync_now(f->sync);			/* the session, in flight */
	id = queue(f, "shop", ACTION_REPLY, "111_222", FB_TEXT);
	sync_kick(f->sync);			/* busy: it waits */
	run_to(f, f->clock + 30 * 1000);	/* then a day to wait */
	held_by_me(f, id);
	run_to(f, f->clock + 3600 * 1000);	/* an hour into it */
	held_by_me(f, id);
	assert_int_equal(count(f, "POST"), 0);
	entry(f, id, &e);
	assert_int_not_equal(e.state, OUTBOX_SENT);
	outbox_entry_clear(&e);
}

/* Count the looks for the reply (GETs of the thread's comments). */
static int
fb_looks(struct fake *f)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < f->nsent; i++)
		n += strncmp(f->urls[i], "GET ", 4) == 0 &&
		    strstr(f->urls[i], FB_POST) != NULL;
	return n;
}

/* Count the posts of the reply. */
static int
fb_posts(struct fake *f)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < f->nsent; i++)
		n += strncmp(f->urls[i], "POST ", 5) == 0 &&
		    strstr(f->urls[i], FB_POST) != NULL;
	return n;
}

/* When the k-th look went (from 0). */
static int64_t
fb_look_at(struct fake *f, int k)
{
	size_t	i;

	for (i = 0; i < f->nsent; i++) {
		if (strncmp(f->urls[i], "GET ", 4) == 0 &&
		    strstr(f->urls[i], FB_POST) != NULL && k-- == 0)
			return f->sent_at[i];
	}
	fail_msg("no such look");
	return -1;
}

/* The state of an entry. */
static int
entry_state(struct fake *f, int64_t id)
{
	struct outbox_entry	e;
	int			st;

	entry(f, id, &e);
	st = e.state;
	outbox_entry_clear(&e);
	return st;
}

/*
 * The reply went, but the answer was lost (the request timed out after
 * it was sent): CHECKING, looked for at the first check delay (1m), found
 * there: sent, never posted twice.
 */
static void
test_engine_finds_a_reply_whose_answer_timed_out(void **state)
{
	struct fake	*f = *state;
	int64_t		 id = fb_reply(f), lost;

	f->latency = 61 * 1000;			/* past request_timeout */
	sync_kick(f->sync);
	f->latency = FAKE_LATENCY_MS;
	run_to(f, 60 * 1000 + 1);
	lost = f->clock - 1;
	assert_int_equal(entry_state(f, id), OUTBOX_CHECKING);
	assert_int_equal(fb_looks(f), 0);
	run_to(f, 60 * 1000 + 2 * FAKE_LATENCY_MS);
	assert_int_equal(fb_looks(f), 1);
	assert_true(fb_look_at(f, 0) - lost >= DELAY_MS(60));
	run_to(f, 60 * 60 * 1000);
	assert_int_equal(entry_state(f, id), OUTBOX_SENT);
	assert_int_equal(fb_posts(f), 1);
	assert_int_equal(fb_looks(f), 1);
}

/* What the account's request in flight does for the outbox, and since. */
static int
doing(struct fake *f, int64_t *ms)
{
	const struct sync_account_status	*st;

	assert_int_equal(sync_status(f->sync, &st), 1);
	*ms = st[0].outbox_ms;
	return st[0].outbox;
}

/*
 * While a reply is on its way the account says it is sending, and how
 * long it has waited for the answer; once the answer is lost nothing is
 * in flight until the look for it, which says it is checking.
 */
static void
test_engine_says_sending_then_checking_while_answers_wait(void **state)
{
	struct fake	*f = *state;
	int64_t		 ms;
	int		 i;

	fb_reply(f);
	assert_int_equal(doing(f, &ms), SYNC_OUTBOX_NONE);
	f->latency = 61 * 1000;			/* past request_timeout */
	sync_kick(f->sync);
	f->latency = FAKE_LATENCY_MS;
	assert_int_equal(doing(f, &ms), SYNC_OUTBOX_SENDING);
	assert_int_equal(ms, 0);
	run_to(f, 30 * 1000);
	assert_int_equal(doing(f, &ms), SYNC_OUTBOX_SENDING);
	assert_int_equal(ms, 30 * 1000);
	run_to(f, 30 * 1000 + 1);		/* the answer is lost */
	assert_int_equal(doing(f, &ms), SYNC_OUTBOX_NONE);
	for (i = 0; i < 20000 && fb_looks(f) == 0; i++)
		run_to(f, 10);
	assert_int_equal(fb_looks(f), 1);
	assert_int_equal(doing(f, &ms), SYNC_OUTBOX_CHECKING);
	run_to(f, 60 * 60 * 1000);
	assert_int_equal(doing(f, &ms), SYNC_OUTBOX_NONE);
	assert_int_equal(fb_posts(f), 1);
}

/*
 * A 5xx may come after the work was done: the reply is looked for at
 * each of check_delays (1m 3m 10m after the answer), and posted again
 * only when the last look misses it; then it is sent, once more only.
 */
static void
test_engine_resends_a_reply_only_when_the_last_look_misses(void **state)
{
	struct fake	*f = *state;
	int64_t		 id = fb_reply(f), lost;

	fault_on(f, "POST", 500, "{\"error\":{\"code\":2,\"message\":"
	    "\"Service temporarily unavailable\"}}", TRANSPORT_OK, 1);
	sync_kick(f->sync);
	run_to(f, FAKE_LATENCY_MS);
	lost = f->clock;
	assert_int_equal(entry_state(f, id), OUTBOX_CHECKING);
	run_to(f, 9 * 60 * 1000);		/* two looks, both miss */
	assert_int_equal(fb_looks(f), 2);
	assert_true(fb_look_at(f, 0) - lost >= DELAY_MS(60));
	assert_true(fb_look_at(f, 1) - lost >= DELAY_MS(3 * 60));
	assert_int_equal(fb_posts(f), 1);
	assert_int_equal(entry_state(f, id), OUTBOX_CHECKING);
	run_to(f, 60 * 60 * 1000);		/* the last look misses */
	assert_int_equal(fb_looks(f), 3);
	assert_true(fb_look_at(f, 2) - lost >= DELAY_MS(10 * 60));
	assert_int_equal(fb_posts(f), 2);
	assert_true(sent_at(f, FB_REPLY, fb_posts(f) - 1) >=
	    fb_look_at(f, 2));
	assert_int_equal(entry_state(f, id), OUTBOX_SENT);
}

/*
 * A 2xx whose body cannot be read: the platform took it, so the reply is
 * looked for at once and found, never posted again.
 */
static void
test_engine_looks_at_once_for_a_reply_taken_with_an_unreadable_answer(
    void **state)
{
	struct fake	*f = *state;
	int64_t		 id = fb_reply(f);

	fault_on(f, "POST", 200, "{\"id\":", TRANSPORT_OK, 1);
	sync_kick(f->sync);
	run_to(f, 60 * 60 * 1000);
	assert_int_equal(fb_posts(f), 1);
	assert_int_equal(fb_looks(f), 1);
	assert_true(fb_look_at(f, 0) - sent_at(f, FB_REPLY, 0) <
	    60 * 1000);
	assert_int_equal(entry_state(f, id), OUTBOX_SENT);
}

/*
 * A heed died while sending the reply (SENDING, its lease run out): the
 * entry is looked for on the platform, not sent blindly; found, it counts
 * as sent.
 */
static void
test_engine_looks_for_an_entry_whose_sender_died(void **state)
{
	struct fake		*f = *state;
	struct store		*other;
	struct outbox_entry	 e;
	int64_t			 id = fb_reply(f);

	assert_non_null(other = store_open(f->path, 0, NULL));
	assert_int_equal(store_outbox_take(other, account_id(f, "shop"),
	    loop_now(f->loop), 30, &e, NULL), 0);
	e.state = OUTBOX_SENDING;
	e.attempts = 1;
	e.lease_until = loop_now(f->loop) + 30;
	assert_int_equal(store_outbox_update(other, &e, NULL), 0);
	outbox_entry_clear(&e);
	store_close(other);		/* it died mid-send */
	f->found = 1;			/* its request went through */
	sync_kick(f->sync);
	run_to(f, 20 * 1000);
	assert_int_equal(fb_looks(f) + fb_posts(f), 0);	/* its lease */
	run_to(f, 60 * 60 * 1000);
	assert_int_equal(fb_posts(f), 0);
	assert_int_equal(fb_looks(f), 1);
	assert_int_equal(entry_state(f, id), OUTBOX_SENT);
}

/* Read a recorded answer under tests/data/PLATFORM; a new string. */
static char *
data_sample(const char *platform, const char *name)
{
	const char	*dir = getenv("SRCDIR");
	char		*path, *text;
	size_t		 len = 0, n;
	FILE		*fp;

	path = xprintf("%s/tests/data/%s/%s", dir != NULL && *dir != '\0' ?
	    dir : ".", platform, name);
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	text = xcalloc(1, 65536);
	while ((n = fread(text + len, 1, 65535 - len, fp)) > 0)
		len += n;
	fclose(fp);
	free(path);
	return text;
}

/*
 * A Bluesky account that answers from recorded payloads: sessions renewed
 * from the refresh token (whose answer keeps the same refresh token, as
 * the account's secret, so nothing goes to a keyring), empty feeds, and
 * the expired-token answer f->expired times to a read of the posts, or
 * to every renewal after the first when f->refuse is set.
 */
static const char bs_config[] =
    "[account sky]\nplatform = bluesky\nhandle = shop.test\n"
    "url = https://pds.test\n\n"
    "[account page]\nplatform = demo-page\nhandle = tulipandtea\n"
    "url = demo://page\n";

#define BS_RENEW	"com.atproto.server.refreshSession"
#define BS_POSTS	"app.bsky.feed.getAuthorFeed"

static void
bs_script(struct fake *f, const struct platform_request *req, long *status,
    char **body)
{
	*status = 200;
	if (strstr(req->url, BS_RENEW) != NULL) {
		if (f->refuse && f->sessions > 0) {
			*status = 400;
			*body = data_sample("bluesky", "error_400_expired_token.json");
			return;
		}
		f->sessions++;
		*body = data_sample("bluesky",
		    "refreshSession_response_tokens_redacted.json");
	} else if (strstr(req->url, BS_POSTS) != NULL && f->expired > 0) {
		f->expired--;
		*status = 400;
		*body = data_sample("bluesky", "error_400_expired_token.json");
	} else if (strstr(req->url, BS_POSTS) != NULL)
		*body = xstrdup("{\"feed\":[]}");
	else if (strstr(req->url, "listNotifications") != NULL)
		*body = xstrdup("{\"notifications\":[]}");
	else
		fail_msg("the PDS does not answer %s %s", req->method,
		    req->url);
}

static int
setup_bluesky(void **state)
{
	struct fake	*f;

	if (setup_config(state, bs_config) != 0)
		return -1;
	f = *state;
	/* The recorded session's refresh token. */
	f->cfg.accounts[0].builtin_secret = "uuuuuuuuuuuuuuuu";
	f->script = bs_script;
	return 0;
}

/* An account's status by name. */
static const struct sync_account_status *
status_of(struct fake *f, const char *name)
{
	const struct sync_account_status	*st;
	size_t					 n, i;

	n = sync_status(f->sync, &st);
	for (i = 0; i < n; i++) {
		if (strcmp(st[i].name, name) == 0)
			return &st[i];
	}
	fail_msg("no account %s", name);
	return NULL;
}

/* The platform says the session ran out: renewed once, the read goes on. */
static void
test_engine_renews_an_expired_session_once_and_goes_on(void **state)
{
	struct fake	*f = *state;

	f->expired = 1;
	start(f, 1);
	sync_now(f->sync);
	run(f, 10 * 60 * 1000);
	assert_false(sync_busy(f->sync));
	assert_int_equal(count(f, BS_RENEW), 2);	/* opened, renewed */
	assert_int_equal(count(f, BS_POSTS), 2);	/* refused, read */
	assert_true(sent_at(f, BS_RENEW, 1) > sent_at(f, BS_POSTS, 0));
	assert_true(sent_at(f, BS_POSTS, 1) > sent_at(f, BS_RENEW, 1));
	assert_int_equal(status_of(f, "sky")->state, SYNC_IDLE);
	assert_null(status_of(f, "sky")->last_error);
}

/*
 * A renewal the platform refuses stops that account until heed login
 * (LOGIN NEEDED); the other account syncs on.
 */
static void
test_engine_stops_only_the_account_whose_renewal_is_refused(void **state)
{
	struct fake			*f = *state;
	const struct sync_account_status *st;
	int				 posts;

	f->expired = 1;
	f->refuse = 1;
	start(f, 1);
	sync_now(f->sync);
	run(f, 10 * 60 * 1000);
	st = status_of(f, "sky");
	assert_int_equal(st->state, SYNC_AUTH);
	assert_non_null(st->last_error);
	assert_non_null(strstr(st->last_error, "heed login sky"));
	assert_int_equal(count(f, BS_POSTS), 1);
	assert_true(count(f, "demo://page/v1/inbox") >= 1);
	st = status_of(f, "page");
	assert_int_not_equal(st->state, SYNC_AUTH);
	assert_null(st->last_error);
	/* Blocked: the periodic syncs leave it alone, the page goes on. */
	posts = count(f, "demo://page/v1/inbox");
	run_to(f, 60 * 60 * 1000);
	assert_int_equal(count(f, BS_POSTS), 1);
	assert_true(count(f, BS_RENEW) <= 3);
	assert_true(count(f, "demo://page/v1/inbox") > posts);
	assert_int_equal(status_of(f, "sky")->state, SYNC_AUTH);
}

/*
 * A Mastodon account (the recorded mastodon.social one) that shares its
 * read marker: three mentions on the first page of notifications (ids
 * 10 to 12), nothing else anywhere, and a marker the script keeps in
 * f->marker and moves on a POST.
 */
static const char md_config[] =
    "[account md]\nplatform = mastodon\nhandle = @halcy@mastodon.social\n"
    "url = https://mastodon.social\nread_markers = yes\n";

#define MD_MENTION(n) \
	"{\"id\":\"" #n "\",\"type\":\"mention\",\"created_at\":" \
	"\"2026-12-07T10:00:" #n ".000Z\",\"status\":{\"id\":\"90" #n "\"," \
	"\"created_at\":\"2026-12-07T10:00:" #n ".000Z\",\"content\":" \
	"\"<p>Do you ship to Ghent?</p>\",\"visibility\":\"public\"," \
	"\"account\":{\"id\":\"7\",\"acct\":\"ana@m.example\"}}}"

/* The marker as Mastodon gives it, or none. */
static char *
md_marker(const struct fake *f)
{
	if (f->marker == NULL)
		return xstrdup("{}");
	return xprintf("{\"notifications\":{\"last_read_id\":\"%s\","
	    "\"version\":1,\"updated_at\":\"2026-12-07T10:00:00.000Z\"}}",
	    f->marker);
}

static void
md_script(struct fake *f, const struct platform_request *req, long *status,
    char **body)
{
	const char	*at;

	*status = 200;
	if (strstr(req->url, "/accounts/verify_credentials") != NULL)
		*body = data_sample("mastodon",
		    "accounts_verify_credentials_mastodon_social.json");
	else if (strstr(req->url, "/api/v1/notifications?") != NULL)
		*body = xstrdup(strstr(req->url, "_id=") != NULL ? "[]" :
		    "[" MD_MENTION(12) "," MD_MENTION(11) "," MD_MENTION(10)
		    "]");
	else if (strstr(req->url, "/statuses?") != NULL)
		*body = xstrdup("[]");
	else if (strstr(req->url, "/api/v2/instance") != NULL)
		*body = xstrdup("{\"configuration\":{\"statuses\":"
		    "{\"max_characters\":500}}}");
	else if (strstr(req->url, "/api/v1/markers") != NULL &&
	    strcmp(req->method, "GET") == 0)
		*body = md_marker(f);
	else if (strstr(req->url, "/api/v1/markers") != NULL) {
		at = req->body != NULL ? strstr(req->body,
		    "\"last_read_id\":\"") : NULL;
		assert_non_null(at);
		at += strlen("\"last_read_id\":\"");
		free(f->marker);
		f->marker = xstrndup(at, strcspn(at, "\""));
		f->marker_moves++;
		*body = md_marker(f);
	} else
		fail_msg("the instance does not answer %s %s", req->method,
		    req->url);
}

static int
setup_mastodon(void **state)
{
	struct fake	*f;

	if (setup_config(state, md_config) != 0)
		return -1;
	f = *state;
	f->script = md_script;
	return 0;
}

/* A mention's status by its status id. */
static int
md_status(struct fake *f, const char *rid)
{
	struct item	 it;
	int64_t		 id = 0;
	int		 st;

	assert_int_equal(store_item_find(f->store, 1, rid, &id, NULL), 0);
	assert_int_equal(store_item_get(f->store, id, &it, NULL), 0);
	st = it.status;
	item_clear(&it);
	return st;
}

/* How many requests went to the read marker. */
static size_t
md_marker_calls(const struct fake *f)
{
	size_t	i, n = 0;

	for (i = 0; i < f->nsent; i++)
		n += strstr(f->urls[i], "/api/v1/markers") != NULL;
	return n;
}

/*
 * What another app read is read in heed; what heed read since moves the
 * marker, but never past a mention still new, and never back.
 */
static void
test_engine_shares_the_read_marker(void **state)
{
	struct fake	*f = *state;
	int64_t		 id = 0;

	f->marker = xstrdup("10");
	start(f, 1);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_false(sync_busy(f->sync));
	assert_string_equal(message(f), "");
	assert_int_equal(md_status(f, "9010"), STATUS_READ);
	assert_int_equal(md_status(f, "9011"), STATUS_NEW);
	assert_int_equal(md_status(f, "9012"), STATUS_NEW);
	assert_int_equal(md_marker_calls(f), 1);	/* read, not moved */

	/* The owner reads the newest only: the marker cannot pass 11. */
	assert_int_equal(store_item_find(f->store, 1, "9012", &id, NULL), 0);
	assert_int_equal(store_set_status(f->store, id, STATUS_READ, 0,
	    NULL), 0);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_int_equal(f->marker_moves, 0);
	assert_string_equal(f->marker, "10");

	/* Then 11: the marker moves to 12, once. */
	assert_int_equal(store_item_find(f->store, 1, "9011", &id, NULL), 0);
	assert_int_equal(store_set_status(f->store, id, STATUS_DONE, 0,
	    NULL), 0);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_int_equal(f->marker_moves, 1);
	assert_string_equal(f->marker, "12");
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_int_equal(f->marker_moves, 1);

	/* A marker moved back elsewhere reads nothing and is moved on. */
	free(f->marker);
	f->marker = xstrdup("9");
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_int_equal(f->marker_moves, 2);
	assert_string_equal(f->marker, "12");
	assert_string_equal(message(f), "");
}

/*
 * A marker that cannot be read or moved costs nothing but the sharing:
 * the run ends well, and the next one tries again.
 */
static void
test_engine_goes_on_when_the_marker_fails(void **state)
{
	struct fake	*f = *state;

	f->marker = xstrdup("12");
	fault_on(f, "GET https://mastodon.social/api/v1/markers", 500,
	    "{\"error\":\"oops\"}", TRANSPORT_OK, 1);
	start(f, 1);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_false(sync_busy(f->sync));
	assert_string_equal(message(f), "");
	assert_int_equal(md_status(f, "9012"), STATUS_NEW);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_int_equal(md_status(f, "9010"), STATUS_READ);
	assert_int_equal(md_status(f, "9012"), STATUS_READ);
	assert_int_equal(f->marker_moves, 0);
}

/* Without read_markers, heed never asks for the marker. */
static void
test_engine_keeps_the_marker_unless_asked(void **state)
{
	struct fake	*f = *state;

	config_free(&f->cfg);
	config_init(&f->cfg);
	assert_int_equal(config_parse(&f->cfg, "test", "[account md]\n"
	    "platform = mastodon\nhandle = @halcy@mastodon.social\n"
	    "url = https://mastodon.social\n", NULL), 0);
	f->cfg.accounts[0].builtin_secret = "test-token";
	f->marker = xstrdup("12");
	start(f, 1);
	sync_now(f->sync);
	run(f, 60 * 1000);
	assert_false(sync_busy(f->sync));
	assert_true(f->nsent >= 3);
	assert_int_equal(md_marker_calls(f), 0);
	assert_int_equal(md_status(f, "9012"), STATUS_NEW);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_engine_sends_one_request_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_paces_the_next_request_as_retry_after_asks,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_holds_a_oneshot_run_told_to_wait_long, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_retries_a_page_after_a_transport_failure,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_sends_an_entry_under_its_own_lease, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_sends_a_delayed_reply_when_its_delay_ends, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_sends_a_delayed_reply_queued_before_it_started,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_holds_the_lease_while_a_paced_send_waits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_leaves_an_entry_another_heed_holds, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_sends_a_requeued_action_once, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_finds_a_reply_whose_answer_timed_out,
		    setup_facebook, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_says_sending_then_checking_while_answers_wait,
		    setup_facebook, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_holds_the_lease_through_a_wait_of_a_day,
		    setup_facebook, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_resends_a_reply_only_when_the_last_look_misses,
		    setup_facebook, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_looks_at_once_for_a_reply_taken_with_an_unreadable_answer,
		    setup_facebook, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_looks_for_an_entry_whose_sender_died,
		    setup_facebook, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_renews_an_expired_session_once_and_goes_on,
		    setup_bluesky, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_stops_only_the_account_whose_renewal_is_refused,
		    setup_bluesky, teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_shares_the_read_marker, setup_mastodon,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_goes_on_when_the_marker_fails, setup_mastodon,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_engine_keeps_the_marker_unless_asked, setup_mastodon,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
