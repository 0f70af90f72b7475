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
	int			 refuse;	/* ... refuses renewals */
	char			*urls[FAKE_MAX_SENT];	/* "METHOD URL" */
	int64_t			 sent_at[FAKE_MAX_SENT];
	size_t			 nsent;
	struct fault		 faults[FAKE_MAX_FAULTS];
	size_t			 nfaults;
	char			 dir[64];
	char			*path;
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
		if (fault.error != TRANSPORT_OK && fault.request_sent) {
			fake_platform(f, &c->req, &status, &body);
			free(body);
		}
		resp.status = fault.status;
		resp.error = fault.error;
		resp.request_sent = fault.request_sent;
		resp.message = fault.error != TRANSPORT_OK ? "fake failure" :
		    "";
		if ((h.value = fault.retry_after) != NULL) {
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

static int
setup(void **state)
{
	struct fake	*f = xcalloc(1, sizeof *f);
	char		*cause = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/heed-test-engine-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = xprintf("%s/cache.db", f->dir);
	config_init(&f->cfg);
	if (config_parse(&f->cfg, "test", config_text, &cause) != 0)
		fail_msg("%s", cause);
	f->cfg.accounts[0].builtin_secret = "test-token";
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
