/*
 * sync.c -- the sync engine.
 *
 * Each account has at most one request in flight. When it answers, the
 * engine picks the account's next job: a due outbox entry first (what the
 * user did is more urgent than what others wrote), then the next page of a
 * stream. A request goes to the transport (transport.h), which says how
 * it failed when no answer came.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "http.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "platform-account.h"
#include "store.h"
#include "sync.h"
#include "sync-private.h"
#include "text.h"
#include "transport.h"
#include "util.h"

#define SYNC_PACE_MAX_MS	(15 * 60 * 1000)	/* from a header */
#define SYNC_PACE_OWN_MAX_MS	(24 * 60 * 60 * 1000LL) /* a platform's word */
#define SYNC_ONESHOT_WAIT_MS	(2 * 60 * 1000)	/* heed sync waits no more */

static void	sync_next(struct sync_account *);
static void	sync_kick_idle(struct sync *);

/* An account's periodic sync is due; return the delay to the next. */
static int64_t
sync_interval_fire(void *arg)
{
	struct sync_account	*a = arg;

	a->want_sync = 1;
	if (a->job == JOB_NONE)
		sync_next(a);
	return config_int(a->sync->cfg, a->cfg, OPT_SYNC_INTERVAL) * 1000;
}

/* A timer woke an account (a backoff ran out), or the outbox (NULL). */
static void
sync_wake(struct sync *s, struct sync_account *a)
{
	if (a != NULL)
		sync_next(a);
	else
		sync_kick_idle(s);
}

/* Register one configured account. */
static int
sync_add_account(struct sync *s, const struct config_account *ca,
    char **cause)
{
	struct sync_account	*a = &s->accounts[s->naccounts];
	const char		*platform;

	platform = config_str(s->cfg, ca, OPT_PLATFORM);
	memset(a, 0, sizeof *a);
	a->fetch_key_sweep = SYNC_NO_SWEEP;
	a->sync = s;
	a->cfg = ca;
	if ((a->ops = platform_find(platform)) == NULL)
		return util_fail(cause, "account %s: unknown platform %s",
		    ca->name, platform);
	/* The engine sets the time before each request it builds. */
	platform_account_from_config(&a->pa, s->cfg, ca, 0);
	if (store_account_ensure(s->store, ca->name, platform, a->pa.handle,
	    a->pa.base_url, &a->pa.id, cause) != 0)
		return -1;
	a->status.name = ca->name;
	a->status.tag = a->ops->tag;
	a->status.last_success = sync_last_complete(s, a->pa.id);
	s->statuses[s->naccounts] = a->status;
	s->naccounts++;
	return 0;
}

/* Create the engine, with heed's transport. */
struct sync *
sync_new(struct loop *loop, struct store *store, const struct config *cfg,
    int periodic, char **cause)
{
	return sync_new_on(loop, store, cfg, periodic, NULL, cause);
}

/* Create the engine on a transport (NULL: heed's own). */
struct sync *
sync_new_on(struct loop *loop, struct store *store, const struct config *cfg,
    int periodic, struct transport *t, char **cause)
{
	struct sync	*s;
	size_t		 i;

	s = xcalloc(1, sizeof *s);
	s->own_transport = t == NULL;
	s->transport = t != NULL ? t : transport_new(loop, cfg, periodic);
	s->loop = loop;
	s->wake = sync_wake;
	s->store = store;
	s->cfg = cfg;
	s->periodic = periodic;
	s->accounts = xcalloc(cfg->naccounts + 1, sizeof *s->accounts);
	s->statuses = xcalloc(cfg->naccounts + 1, sizeof *s->statuses);
	for (i = 0; i < cfg->naccounts; i++) {
		if (sync_add_account(s, &cfg->accounts[i], cause) != 0) {
			sync_free(s);
			return NULL;
		}
	}
	for (i = 0; periodic && i < s->naccounts; i++)
		s->accounts[i].interval_timer = loop_every(loop,
		    config_int(cfg, s->accounts[i].cfg, OPT_SYNC_INTERVAL) *
		    1000, sync_interval_fire, &s->accounts[i]);
	/*
	 * What the outbox holds for later (a reply waiting out its send
	 * delay when another heed was killed, a backoff) leaves on time.
	 */
	if (periodic)
		sync_outbox_schedule(s);
	return s;
}

/* Stop the engine; what is in flight is abandoned (the outbox keeps it). */
void
sync_free(struct sync *s)
{
	struct sync_account	*a;
	size_t			 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->naccounts; i++) {
		a = &s->accounts[i];
		transport_cancel(s->transport, a->call);
		if (a->interval_timer != 0)
			loop_timer_cancel(s->loop, a->interval_timer);
		if (a->pace_timer != 0)
			loop_timer_cancel(s->loop, a->pace_timer);
		if (a->retry_timer != 0)
			loop_timer_cancel(s->loop, a->retry_timer);
		platform_request_clear(&a->req);
		/* An entry in flight is left SENDING, free for another heed
		 * to take at once, and to look for before resending. */
		sync_entry_drop(a);
		platform_session_clear(&a->session);
		sync_fetch_clear(a);
		sync_run_clear(a);
		free(a->cursor);
		free(a->reconcile_page);
		util_free_secret(a->secret);
		free(a->error);
		free(a->notice);
	}
	if (s->retry_timer != 0)
		loop_timer_cancel(s->loop, s->retry_timer);
	if (s->own_transport)
		transport_free(s->transport);
	free(s->accounts);
	free(s->statuses);
	free(s);
}

/* Set the function told about changes to the store. */
void
sync_set_changed(struct sync *s, sync_changed_cb fn, void *arg)
{
	s->changed = fn;
	s->changed_arg = arg;
}

/* Find the account with a local id. */
static struct sync_account *
sync_account_by_id(const struct sync *s, int64_t id)
{
	size_t	i;

	for (i = 0; i < s->naccounts; i++) {
		if (s->accounts[i].pa.id == id)
			return &s->accounts[i];
	}
	return NULL;
}

/* The capabilities of an account's platform. */
const struct platform_ops *
sync_platform_of(const struct sync *s, int64_t account_id)
{
	struct sync_account	*a = sync_account_by_id(s, account_id);

	return a != NULL ? a->ops : NULL;
}

/*
 * Return the status of every account, with what its request in flight
 * does for the outbox: a send (or the look before it at its target) is
 * sending until its answer comes; a look for a send whose answer was lost
 * is checking.
 */
size_t
sync_status(const struct sync *s, const struct sync_account_status **out)
{
	const struct sync_account	*a;
	struct sync_account_status	*st;
	size_t				 i;

	for (i = 0; i < s->naccounts; i++) {
		a = &s->accounts[i];
		st = &s->statuses[i];
		*st = a->status;
		st->outbox = SYNC_OUTBOX_NONE;
		st->outbox_ms = 0;
		if (a->state != SYNC_ST_SENT)
			continue;
		if (a->job == JOB_ACTION || a->job == JOB_TARGET)
			st->outbox = SYNC_OUTBOX_SENDING;
		else if (a->job == JOB_RECONCILE)
			st->outbox = SYNC_OUTBOX_CHECKING;
		if (st->outbox != SYNC_OUTBOX_NONE)
			st->outbox_ms = loop_mono_ms(s->loop) - a->sent_ms;
	}
	*out = s->statuses;
	return s->naccounts;
}

/* How many times sync has changed the store. */
int64_t
sync_changes(const struct sync *s)
{
	return s->changes;
}

/* Return 1 while anything is in flight or a sync is wanted. */
int
sync_busy(const struct sync *s)
{
	size_t	i;

	for (i = 0; i < s->naccounts; i++) {
		if (s->accounts[i].job != JOB_NONE ||
		    s->accounts[i].want_sync)
			return 1;
	}
	/*
	 * heed sync stays for a look at a lost reply that is due soon, until
	 * the timer set for it has fired (sync_retry_fire).
	 */
	return !s->periodic && s->check_at != 0 &&
	    s->check_at <= loop_now(s->loop) + SYNC_ONESHOT_WAIT_MS / 1000;
}

static void	sync_response(struct sync_account *,
		    const struct platform_response *);
static void	sync_deliver(const struct platform_response *, void *);

/*
 * Renew the lease on the entry the account's job is for (if it is for
 * one) to last wait seconds more than a request; 0, or -1 when another
 * heed has the entry now: the job is dropped, not a word is sent for it,
 * and the account goes on with its next job.
 */
static int
sync_keep_entry(struct sync_account *a, int64_t wait)
{
	if ((a->job != JOB_ACTION && a->job != JOB_RECONCILE &&
	    a->job != JOB_TARGET) || sync_entry_renew(a, wait) == 0)
		return 0;
	sync_set_state(a, SYNC_ST_IDLE, "another heed took the entry");
	platform_request_clear(&a->req);
	sync_next(a);
	return -1;
}

/* Hand the account's built request to the transport. */
static void
sync_send_now(void *arg)
{
	struct sync_account	*a = arg;
	struct sync		*s = a->sync;

	a->pace_timer = 0;
	if (sync_keep_entry(a, 0) != 0)
		return;
	sync_set_state(a, SYNC_ST_SENT, NULL);
	a->sent_ms = sync_mono(a);
	a->call = transport_send(s->transport, &a->req, config_int(s->cfg,
	    a->cfg, OPT_REQUEST_TIMEOUT) * 1000, sync_deliver, a);
}

/*
 * A run of heed sync told to wait longer than it should last: put back
 * what the account was doing, stop its run and say when to come back.
 * Nothing is lost: the outbox keeps its entries as they were.
 */
static void
sync_hold(struct sync_account *a, int64_t wait)
{
	int	 job = a->job;
	char	*msg, when[48];

	sync_set_state(a, SYNC_ST_HELD, "the platform asks for a long wait");
	platform_request_clear(&a->req);
	sync_format_wait((wait + 999) / 1000, when, sizeof when);
	msg = xprintf("%s asks heed to wait %s before its next request (its "
	    "request limit); nothing is lost: run heed sync again then",
	    a->ops->label, when);
	/* A send not made counts as not tried; a look not made keeps the
	 * entry as it was, still to be looked for first. */
	if (job == JOB_ACTION || job == JOB_RECONCILE || job == JOB_TARGET)
		sync_action_hold(a, job, msg);
	sync_set_error(a, SYNC_FAILED, msg);
	log_warn("%s: %s", a->pa.name, msg);
	free(msg);
	sync_run_end(a);
}

/*
 * Send the request now, or when the platform's limits allow: an account
 * told to slow down holds its next request back until then (a run of
 * heed sync stops instead when that is far off).
 */
static void
sync_send(struct sync_account *a)
{
	int64_t	wait = a->not_before - sync_mono(a);

	if (wait > SYNC_ONESHOT_WAIT_MS && !a->sync->periodic) {
		sync_hold(a, wait);
		return;
	}
	if (wait > 0) {
		/* The entry stays this heed's while it waits (see above). */
		if (sync_keep_entry(a, (wait + 999) / 1000) != 0)
			return;
		sync_set_state(a, SYNC_ST_PACED, "the platform's limits");
		a->pace_timer = loop_timer_add(a->sync->loop, wait,
		    sync_send_now, a);
		return;
	}
	sync_send_now(a);
}

/*
 * Read what the platform says of its limits and hold the account's next
 * request back accordingly: as long as Retry-After asks, or, when less
 * than a tenth of the window's requests are left, spread the rest evenly
 * over what remains of the window, so the limit is never reached.
 */
static void
sync_pace(struct sync_account *a, const struct platform_response *resp)
{
	struct http_ratelimit	rl;
	int64_t			now = sync_time(a), secs, ms = 0;
	int64_t			own;
	char			when[48];

	if ((secs = http_retry_after(resp, now)) >= 0 &&
	    (resp->status == 429 || resp->status == 503))
		ms = secs * 1000;
	else if (http_ratelimit(resp, now, &rl) == 0 && rl.limit > 0 &&
	    rl.remaining >= 0 && rl.reset > 0) {
		if (rl.remaining == 0)
			ms = rl.reset * 1000;
		else if (rl.remaining * 10 < rl.limit)
			ms = rl.reset * 1000 / (rl.remaining + 1);
	}
	if (ms > SYNC_PACE_MAX_MS)
		ms = SYNC_PACE_MAX_MS;
	/*
	 * The platform's own headers (the Graph API's usage percentages and
	 * the time it names until access comes back, held to a day).
	 */
	if (a->ops->pace != NULL && (own = a->ops->pace(resp, now)) > ms)
		ms = own > SYNC_PACE_OWN_MAX_MS ? SYNC_PACE_OWN_MAX_MS : own;
	if (ms <= 0)
		return;
	a->not_before = sync_mono(a) + ms;
	sync_format_wait((ms + 999) / 1000, when, sizeof when);
	log_info("%s: %s asks heed to slow down: next request in %s",
	    a->pa.name, a->ops->label, when);
}

/*
 * Give an idle account its next job, if it has one: what the user did
 * first, then the threads to fill in, then the streams.
 */
static void
sync_next(struct sync_account *a)
{
	a->pa.now = sync_time(a);	/* the adapter's clock */
	if (a->state == SYNC_ST_IDLE && !sync_start_action(a) &&
	    a->state == SYNC_ST_IDLE && (sync_needs_session(a) ||
	    a->retry_timer != 0 || !sync_start_fetch(a)))
		sync_start_stream(a);
	if (a->state == SYNC_ST_READY)
		sync_send(a);
}

/* Hand a response to the job that waits for it, then go on. */
static void
sync_response(struct sync_account *a, const struct platform_response *resp)
{
	enum sync_job		 job = a->job;
	enum platform_error	 err;
	char			*cause;

	sync_set_state(a, SYNC_ST_IDLE, "answered");
	platform_request_clear(&a->req);
	a->pa.now = sync_time(a);	/* the adapter's clock */
	switch (job) {
	case JOB_NONE:
		break;
	case JOB_ACTION:
		sync_action_response(a, resp);
		break;
	case JOB_RECONCILE:
		sync_reconcile_response(a, resp);
		break;
	case JOB_STREAM:
		sync_stream_response(a, resp);
		break;
	case JOB_SESSION:
		err = sync_session_response(a, resp, &cause);
		if (err != PLATFORM_OK)
			sync_page_failed(a, err, resp->error != TRANSPORT_OK,
			    cause);
		free(cause);
		break;
	case JOB_FETCH:
		sync_fetch_response(a, resp);
		break;
	case JOB_TARGET:
		sync_target_response(a, resp);
		break;
	case JOB_RECHECK:
		sync_recheck_response(a, resp);
		break;
	case JOB_MARKER:
		sync_marker_response(a, resp);
		break;
	}
	sync_next(a);
	if (a->job == JOB_NONE)
		sync_kick_idle(a->sync);
	if (job == JOB_ACTION || job == JOB_RECONCILE || job == JOB_TARGET)
		sync_outbox_schedule(a->sync);
}

/*
 * Log, once per account, that the platform marks what heed asks for as
 * deprecated (the Deprecation header, with the Sunset date if it names
 * one): heed keeps working, and the log says where it will stop to.
 */
static void
sync_deprecation(struct sync_account *a, const struct platform_response *resp)
{
	const char	*dep, *sunset;
	char		*d, *s = NULL;

	if (a->deprecation_told ||
	    (dep = platform_header(resp, "Deprecation")) == NULL)
		return;
	a->deprecation_told = 1;
	d = text_sanitize_line(dep, strnlen(dep, 200));
	if ((sunset = platform_header(resp, "Sunset")) != NULL)
		s = text_sanitize_line(sunset, strnlen(sunset, 200));
	log_warn("%s: %s marks a part of its API heed uses as deprecated "
	    "(Deprecation: %s%s%s); heed still works, but an update of heed "
	    "may be needed", a->pa.name, a->ops->label, d, s != NULL ?
	    "; Sunset: " : "", s != NULL ? s : "");
	free(d);
	free(s);
}

/*
 * Deliver an answer. A failure to reach the platform at all is a
 * transport error, which the adapters classify as temporary: the outbox
 * keeps the entry and tries again, and the account shows as offline with
 * the reason.
 */
static void
sync_deliver(const struct platform_response *resp, void *arg)
{
	struct sync_account	*a = arg;

	a->call = 0;
	if (resp->error == TRANSPORT_OK) {
		sync_pace(a, resp);
		sync_deprecation(a, resp);
	} else
		log_warn("%s: %s", a->pa.name, resp->message);
	sync_response(a, resp);
}

/* Sync every account now. */
void
sync_now(struct sync *s)
{
	struct sync_account	*a;
	size_t			 i;

	for (i = 0; i < s->naccounts; i++) {
		a = &s->accounts[i];
		a->want_sync = 1;
		if (a->state == SYNC_ST_BLOCKED || a->state == SYNC_ST_HELD)
			sync_set_state(a, SYNC_ST_IDLE, "a sync was asked");
		a->tries = 0;
		if (a->retry_timer != 0) {
			loop_timer_cancel(s->loop, a->retry_timer);
			a->retry_timer = 0;
		}
		sync_next(a);
	}
}

/* Give every idle account a chance to send what the outbox holds. */
static void
sync_kick_idle(struct sync *s)
{
	size_t	i;

	for (i = 0; i < s->naccounts; i++) {
		if (s->accounts[i].job == JOB_NONE)
			sync_next(&s->accounts[i]);
	}
}

/*
 * Something was queued: send what is due, and set the timer for what is
 * not due yet (a reply waiting out its send delay), so that it leaves on
 * time with no other nudge.
 */
void
sync_kick(struct sync *s)
{
	sync_kick_idle(s);
	sync_outbox_schedule(s);
}
