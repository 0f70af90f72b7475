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
#include "creds.h"
#include "http.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "store.h"
#include "sync.h"
#include "sync-private.h"
#include "text.h"
#include "transport.h"
#include "util.h"

#define SYNC_MAX_PAGES		200	/* per stream per sync */
#define SYNC_MAX_FETCHES	1000	/* threads filled in per sync */
#define SYNC_STREAM_TRIES	4	/* tries of one page before giving up */
#define SYNC_RATE_TRIES		30	/* ... when the platform says slow down */
#define SYNC_SESSION_TRIES	2	/* renewals in a row before giving up */
#define SYNC_SWEEP_MARGIN	300	/* seconds of items a sweep spares */
#define SYNC_RECHECK_ITEMS	500	/* items rechecked per run at most */
#define SYNC_PACE_MAX_MS	(15 * 60 * 1000)	/* from a header */
#define SYNC_PACE_OWN_MAX_MS	(24 * 60 * 60 * 1000LL) /* a platform's word */
#define SYNC_ONESHOT_WAIT_MS	(2 * 60 * 1000)	/* heed sync waits no more */

static void	sync_next(struct sync_account *);
static void	sync_outbox_schedule(struct sync *);
static void	sync_thread_lost(struct sync_account *, const char *);
static void	sync_run_clear(struct sync_account *);
static void	sync_run_rewind(struct sync_account *, int);
static int	sync_start_recheck(struct sync_account *);
static void	sync_recheck_drop(struct sync_account *);
static void	sync_recheck_done(struct sync_account *);
static void	sync_recheck_response(struct sync_account *,
		    const struct platform_response *);

/* Tell the UI that the store changed. */
void
sync_notify(struct sync *s)
{
	s->changes++;
	if (s->changed != NULL)
		s->changed(s->changed_arg);
}

/* Set an account's error message (NULL clears it). */
void
sync_set_error(struct sync_account *a, int state, const char *msg)
{
	free(a->error);
	a->error = msg != NULL ? xstrdup(msg) : NULL;
	a->status.last_error = a->error;
	a->status.state = state;
	a->sync->statuses[a - a->sync->accounts] = a->status;
}

/*
 * Keep something the user should know about this run (a stream the login
 * may not read, comments that came without ids); it is the account's
 * message when the run ends, and heed sync counts the run as partial.
 */
void
sync_note(struct sync_account *a, const char *msg)
{
	char	*joined;

	log_warn("%s: %s", a->pa.name, msg);
	if (a->notice == NULL)
		a->notice = xstrdup(msg);
	else if (strstr(a->notice, msg) == NULL && strlen(a->notice) < 1000) {
		joined = xprintf("%s; %s", a->notice, msg);
		free(a->notice);
		a->notice = joined;
	}
}

/* Start one account's periodic sync timer. */
static void
sync_interval_fire(void *arg)
{
	struct sync_account	*a = arg;
	int64_t			 secs;

	secs = config_int(a->sync->cfg, a->cfg, OPT_SYNC_INTERVAL);
	a->interval_timer = loop_timer_add(a->sync->loop, secs * 1000,
	    sync_interval_fire, a);
	a->want_sync = 1;
	if (a->job == JOB_NONE)
		sync_next(a);
}

/* The sync_state row that records the end of a complete sync. */
#define SYNC_DONE_STREAM	"@complete"

/* When the account last finished a whole sync (0: never). */
static int64_t
sync_last_complete(struct sync *s, int64_t account)
{
	struct store_sync_state	 st;
	int64_t			 t = 0;

	memset(&st, 0, sizeof st);
	if (store_sync_state_get(s->store, account, SYNC_DONE_STREAM, &st,
	    NULL) == 0)
		t = st.last_success;
	store_sync_state_clear(&st);
	return t;
}

/* Remember that the account finished a whole sync now. */
static void
sync_mark_complete(struct sync_account *a)
{
	struct store_sync_state	 st;
	char			*cause = NULL;

	memset(&st, 0, sizeof st);
	st.last_success = st.last_attempt = util_now();
	if (store_sync_state_set(a->sync->store, a->pa.id, SYNC_DONE_STREAM,
	    &st, &cause) != 0) {
		log_error("%s: %s", a->pa.name, cause);
		free(cause);
	}
	a->status.last_success = st.last_success;
}

/* Forget the threads queued and fetched. */
static void
sync_fetch_clear(struct sync_account *a)
{
	size_t	i;

	for (i = 0; i < a->nfetch; i++)
		free(a->fetch[i]);
	for (i = 0; i < a->nfetched; i++)
		free(a->fetched[i]);
	free(a->fetch);
	free(a->fetched);
	free(a->fetch_key);
	free(a->fetch_sweep);
	a->fetch = a->fetched = NULL;
	a->fetch_sweep = NULL;
	a->nfetch = a->nfetched = 0;
	a->fetch_key = NULL;
	a->fetch_key_sweep = SYNC_NO_SWEEP;
	sync_sweeps_clear(&a->sweeps);
}

/*
 * Count a fetch of a sweep as done, read whole (ok) or not (why); when it
 * was the sweep's last, mark what the platform no longer lists as gone,
 * or say why the sweep proves nothing.
 */
static void
sync_sweep_done(struct sync_account *a, size_t sweep, int ok,
    const char *why)
{
	struct sync_sweep	*w;
	char			*cause = NULL;
	size_t			 n;
	int			 rc;

	if (sweep >= a->sweeps.n)
		return;
	rc = sync_sweep_finish(&a->sweeps, sweep, ok, why);
	w = &a->sweeps.v[sweep];
	if (rc == -1)
		log_warn("%s: the full read of %s proves nothing, so nothing "
		    "of it is marked deleted: %s", a->pa.name, w->post,
		    w->why);
	if (rc != 1)
		return;
	if (store_sweep(a->sync->store, a->pa.id, w->post, w->seen, w->nseen,
	    w->started - SYNC_SWEEP_MARGIN, &n, &cause) != 0) {
		log_error("%s: %s", a->pa.name, cause);
		free(cause);
		return;
	}
	if (n > 0) {
		log_info("%s: %zu item%s deleted on the platform", a->pa.name,
		    n, n == 1 ? "" : "s");
		sync_notify(a->sync);
	}
}

/* Register one configured account. */
static int
sync_add_account(struct sync *s, const struct config_account *ca,
    char **cause)
{
	struct sync_account	*a = &s->accounts[s->naccounts];
	const char		*platform, *handle, *url;

	platform = config_str(s->cfg, ca, OPT_PLATFORM);
	handle = config_str(s->cfg, ca, OPT_HANDLE);
	url = config_str(s->cfg, ca, OPT_URL);
	memset(a, 0, sizeof *a);
	a->fetch_key_sweep = SYNC_NO_SWEEP;
	a->sync = s;
	a->cfg = ca;
	if ((a->ops = platform_find(platform)) == NULL)
		return util_fail(cause, "account %s: unknown platform %s",
		    ca->name, platform);
	if (store_account_ensure(s->store, ca->name, platform, handle, url,
	    &a->pa.id, cause) != 0)
		return -1;
	a->pa.name = ca->name;
	a->pa.handle = handle;
	a->pa.base_url = url;
	a->pa.version = config_str(s->cfg, ca, OPT_GRAPH_VERSION);
	a->pa.history_days = config_int(s->cfg, ca, OPT_HISTORY_DAYS);
	a->pa.recheck = config_int(s->cfg, ca, OPT_RECHECK_INTERVAL);
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
		s->accounts[i].interval_timer = loop_timer_add(loop,
		    config_int(cfg, s->accounts[i].cfg, OPT_SYNC_INTERVAL) *
		    1000, sync_interval_fire, &s->accounts[i]);
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

/* Return the status of every account. */
size_t
sync_status(const struct sync *s, const struct sync_account_status **out)
{
	size_t	i;

	for (i = 0; i < s->naccounts; i++)
		s->statuses[i] = s->accounts[i].status;
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
	    s->check_at <= util_now() + SYNC_ONESHOT_WAIT_MS / 1000;
}

/* Seconds to wait before attempt n+1: exponential, with jitter. */
int64_t
sync_backoff(int attempts)
{
	int64_t	d = SYNC_BACKOFF_BASE;

	while (attempts-- > 1 && d < SYNC_BACKOFF_MAX)
		d *= 2;
	if (d > SYNC_BACKOFF_MAX)
		d = SYNC_BACKOFF_MAX;
	return d / 2 + (int64_t)(random() % (d / 2 + 1));
}

/* Look at the outbox when a backoff or a check delay runs out. */
static void
sync_retry_fire(void *arg)
{
	struct sync	*s = arg;

	s->retry_timer = 0;
	s->retry_at = 0;
	if (s->check_at <= util_now())
		s->check_at = 0;
	sync_kick(s);
	sync_outbox_schedule(s);
}

/*
 * Arrange for the outbox to be looked at again after secs, unless it is
 * to be looked at sooner already.
 */
void
sync_retry_later(struct sync *s, int64_t secs)
{
	int64_t	at = util_mono_ms() + secs * 1000;

	if (s->retry_timer != 0 && s->retry_at <= at)
		return;
	if (s->retry_timer != 0)
		loop_timer_cancel(s->loop, s->retry_timer);
	s->retry_at = at;
	s->retry_timer = loop_timer_add(s->loop, secs * 1000,
	    sync_retry_fire, s);
}

/*
 * Find when the outbox next needs this process (a backoff, a look for a
 * lost outcome, a lease another heed may leave to run out) and set the
 * timer for it.
 */
static void
sync_outbox_schedule(struct sync *s)
{
	int64_t	 when = 0, now = util_now();
	char	*cause = NULL;

	if (store_outbox_next_event(s->store, now, &when, &cause) != 0) {
		log_error("outbox: %s", cause);
		free(cause);
		return;
	}
	if (when != 0)
		sync_retry_later(s, when > now ? when - now : 0);
}

/*
 * A look for a lost outcome is due at a time (a check delay, not a retry
 * after a failed look): a run of heed sync stays for it when it is soon.
 */
void
sync_look_at(struct sync *s, int64_t when)
{
	if (s->check_at == 0 || when < s->check_at)
		s->check_at = when;
}

static void	sync_response(struct sync_account *,
		    const struct platform_response *);
static void	sync_deliver(const struct platform_response *, void *);

/* Hand the account's built request to the transport. */
static void
sync_send_now(void *arg)
{
	struct sync_account	*a = arg;
	struct sync		*s = a->sync;

	a->pace_timer = 0;
	if ((a->job == JOB_ACTION || a->job == JOB_RECONCILE ||
	    a->job == JOB_TARGET) && sync_entry_renew(a) != 0) {
		/* Another heed has the entry now: not a word from this one. */
		a->job = JOB_NONE;
		platform_request_clear(&a->req);
		sync_next(a);
		return;
	}
	a->call = transport_send(s->transport, &a->req, config_int(s->cfg,
	    a->cfg, OPT_REQUEST_TIMEOUT) * 1000, sync_deliver, a);
}

/*
 * End the account's run before its end: no stream, page or thread is
 * pending. Threads it named and did not read (or could not) would be
 * missed by a next run that goes on from its cursors: they go back to
 * where this run found them.
 */
static void
sync_run_end(struct sync_account *a)
{
	if (a->lost_threads > 0 || a->nfetch > 0 || a->fetch_key != NULL)
		sync_run_rewind(a, 0);
	a->want_sync = 0;
	a->stream = 0;
	a->pages = 0;
	a->tries = 0;
	sync_fetch_clear(a);
	sync_run_clear(a);
	sync_notify(a->sync);
}

/* Say a wait of secs seconds in words: "40 s", "about 12 minutes". */
void
sync_format_wait(int64_t secs, char *out, size_t len)
{
	int64_t	min = (secs + 59) / 60;

	if (secs < 120)
		snprintf(out, len, "%llds", (long long)secs);
	else if (min < 120)
		snprintf(out, len, "about %lld minutes", (long long)min);
	else
		snprintf(out, len, "about %lld hours", (long long)(min + 30) /
		    60);
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

	a->job = JOB_NONE;
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
	a->held = 1;
	sync_run_end(a);
}

/*
 * Send the request now, or when the platform's limits allow: an account
 * told to slow down holds its next request back until then (a run of
 * heed sync stops instead when that is far off).
 */
void
sync_send(struct sync_account *a)
{
	int64_t	wait = a->not_before - util_mono_ms();

	if (wait > SYNC_ONESHOT_WAIT_MS && !a->sync->periodic) {
		sync_hold(a, wait);
		return;
	}
	if (wait > 0) {
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
	int64_t			now = util_now(), secs, ms = 0, own;
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
	a->not_before = util_mono_ms() + ms;
	sync_format_wait((ms + 999) / 1000, when, sizeof when);
	log_info("%s: %s asks heed to slow down: next request in %s",
	    a->pa.name, a->ops->label, when);
}

/*
 * Get the account's secret the first time it is needed: the demo's own,
 * the output of the account's credential_command, or the keyring's. On
 * failure the account stops with a message that says what to do.
 */
int
sync_secret(struct sync_account *a)
{
	const struct config_account	*owner;
	const char		*cmd, *owner_platform;
	char			*cause = NULL, *msg;
	enum creds_result	 r;

	if (a->ops->secret_kind == NULL || a->secret != NULL)
		return 0;
	owner = config_secret_owner(a->sync->cfg, a->cfg, &owner_platform);
	cmd = config_str(a->sync->cfg, owner, OPT_CREDENTIAL_COMMAND);
	if (a->cfg->builtin_secret != NULL) {
		a->secret = xstrdup(a->cfg->builtin_secret);
		r = CREDS_OK;
	} else if (*cmd != '\0')
		r = creds_command(cmd, &a->secret, &cause);
	else
		r = creds_lookup(owner->name, owner_platform,
		    a->ops->secret_kind, &a->secret, &cause);
	if (r == CREDS_OK) {
		a->pa.secret = a->secret;
		/* A command gives a password to log in with, not a session. */
		a->secret_is_password = *cmd != '\0' &&
		    a->cfg->builtin_secret == NULL;
		return 0;
	}
	if (r == CREDS_MISSING)
		msg = xprintf("not logged in; run: heed login %s",
		    owner->name);
	else
		msg = xprintf("no credential: %s",
		    cause != NULL ? cause : creds_result_name(r));
	sync_set_error(a, r == CREDS_MISSING ? SYNC_AUTH : SYNC_NO_KEYRING, msg);
	log_error("%s: %s", a->pa.name, msg);
	free(msg);
	free(cause);
	a->want_sync = 0;
	return -1;
}

/* Close the account's session; the next request opens a new one. */
static void
sync_session_close(struct sync_account *a)
{
	platform_session_clear(&a->session);
	a->pa.access = NULL;
	a->pa.user_id = NULL;
	a->pa.service = NULL;
}

/* Forget a secret the platform refused, so the next try reads it anew. */
static void
sync_forget_secret(struct sync_account *a)
{
	util_free_secret(a->secret);
	a->secret = NULL;
	a->pa.secret = NULL;
	sync_session_close(a);
}

/* Return 1 if the account must open a session before anything else. */
int
sync_needs_session(const struct sync_account *a)
{
	return a->ops->session_request != NULL && a->session.access == NULL;
}

/*
 * Open a session: log in with the password a credential command gave, or
 * renew the stored session. The answer is handled by sync_session_response.
 */
int
sync_start_session(struct sync_account *a)
{
	char	*cause = NULL;
	int	 rc;

	if (a->secret_is_password)
		rc = a->ops->login_request(&a->pa, a->secret, &a->req, &cause);
	else
		rc = a->ops->session_request(&a->pa, &a->req, &cause);
	if (rc != 0) {
		sync_set_error(a, SYNC_FAILED, cause);
		log_error("%s: %s", a->pa.name, cause);
		free(cause);
		a->want_sync = 0;
		return 0;
	}
	a->job = JOB_SESSION;
	a->status.state = SYNC_RUNNING;
	sync_send(a);
	return 1;
}

/* The platform refused the credential: stop and say how to fix it. */
void
sync_auth_failed(struct sync_account *a, const char *why)
{
	const struct config_account	*owner;
	const char			*platform;
	char				*msg;

	owner = config_secret_owner(a->sync->cfg, a->cfg, &platform);
	if (*config_str(a->sync->cfg, owner, OPT_CREDENTIAL_COMMAND) != '\0')
		msg = xprintf("%s; the token came from the "
		    "credential_command of %s: make it give a new one, or "
		    "remove that line and run: heed login %s", why != NULL ?
		    why : "the platform refused the login", owner->name,
		    owner->name);
	else
		msg = xprintf("%s; run: heed login %s", why != NULL ? why :
		    "the platform refused the login", owner->name);
	sync_set_error(a, SYNC_AUTH, msg);
	log_error("%s: %s", a->pa.name, msg);
	free(msg);
	sync_forget_secret(a);
	a->want_sync = 0;
	a->stream = 0;
	a->pages = 0;
	a->blocked = 1;
}




/*
 * A thread a page named could not be read (why). Its comments may be
 * missing from the cache: the run is partial, and its streams start
 * again from where this run found them, so that the next one reads it.
 */
static void
sync_thread_lost(struct sync_account *a, const char *why)
{
	a->lost_threads++;
	free(a->lost_why);
	a->lost_why = xstrdup(why != NULL ? why : "?");
	log_warn("%s: a thread could not be read: %s", a->pa.name,
	    a->lost_why);
}

/* Forget what a run kept: its streams' first cursors, its rechecks. */
static void
sync_run_clear(struct sync_account *a)
{
	size_t	i;

	for (i = 0; a->run_cursors != NULL && a->ops->streams[i] != NULL;
	    i++)
		free(a->run_cursors[i]);
	free(a->run_cursors);
	a->run_cursors = NULL;
	a->have_run_cursors = 0;
	for (i = 0; i < a->nrecheck; i++)
		free(a->recheck[i]);
	free(a->recheck);
	a->recheck = NULL;
	a->nrecheck = a->recheck_sent = 0;
	a->recheck_run = 0;
	a->lost_threads = 0;
	free(a->lost_why);
	a->lost_why = NULL;
}

/* Remember a stream's cursor as the run found it (its first page). */
static void
sync_run_cursor(struct sync_account *a, const char *cursor)
{
	size_t	n;

	if (a->run_cursors == NULL) {
		for (n = 0; a->ops->streams[n] != NULL; n++)
			continue;
		a->run_cursors = xcalloc(n + 1, sizeof *a->run_cursors);
	}
	if (a->pages == 0 && a->run_cursors[a->stream] == NULL) {
		a->run_cursors[a->stream] = xstrdup(cursor != NULL ? cursor :
		    "");
		a->have_run_cursors = 1;
	}
}

/*
 * Put every stream's cursor back where the run found it, so the next run
 * reads again what this one could not (a lost thread); say so if say.
 */
static void
sync_run_rewind(struct sync_account *a, int say)
{
	struct store_sync_state	 st;
	char			*cause = NULL, *msg;
	size_t			 i;

	for (i = 0; a->run_cursors != NULL && a->ops->streams[i] != NULL;
	    i++) {
		if (a->run_cursors[i] == NULL)
			continue;
		memset(&st, 0, sizeof st);
		if (store_sync_state_get(a->sync->store, a->pa.id,
		    a->ops->streams[i], &st, &cause) == 0) {
			free(st.cursor);
			st.cursor = *a->run_cursors[i] != '\0' ?
			    xstrdup(a->run_cursors[i]) : NULL;
			store_sync_state_set(a->sync->store, a->pa.id,
			    a->ops->streams[i], &st, &cause);
		}
		store_sync_state_clear(&st);
		if (cause != NULL) {
			log_error("%s: %s", a->pa.name, cause);
			free(cause);
			cause = NULL;
		}
	}
	if (!say || a->lost_threads == 0)
		return;
	msg = xprintf("%zu thread%s could not be read (%s); the next sync "
	    "reads %s again", a->lost_threads, a->lost_threads == 1 ? "" : "s",
	    a->lost_why, a->lost_threads == 1 ? "it" : "them");
	sync_note(a, msg);
	free(msg);
}

/* Fill in the next thread a page named, once per sync. */
static int
sync_start_fetch(struct sync_account *a)
{
	char	*key, *cause = NULL;
	size_t	 sweep;

	if (a->nfetch == 0 || a->ops->fetch_request == NULL)
		return 0;
	key = a->fetch[--a->nfetch];
	sweep = a->fetch_sweep[a->nfetch];
	if (a->nfetched >= SYNC_MAX_FETCHES) {
		sync_thread_lost(a, "too many threads to read in one sync");
		sync_sweep_done(a, sweep, 0, "the sync read too many threads");
		free(key);
		return sync_start_fetch(a);
	}
	a->fetched = xreallocarray(a->fetched, a->nfetched + 1,
	    sizeof *a->fetched);
	a->fetched[a->nfetched++] = xstrdup(key);
	if (a->ops->fetch_request(&a->pa, key, &a->req, &cause) != 0) {
		sync_thread_lost(a, cause);
		sync_sweep_done(a, sweep, 0, cause);
		free(cause);
		free(key);
		return sync_start_fetch(a);
	}
	a->fetch_key = key;
	a->fetch_key_sweep = sweep;
	a->job = JOB_FETCH;
	sync_send(a);
	return 1;
}

/*
 * Queue the threads a page named, unless queued or fetched already; they
 * belong to a sweep, or to none (SYNC_NO_SWEEP).
 */
static void
sync_fetch_add(struct sync_account *a, char *const *keys, size_t n,
    size_t sweep)
{
	size_t	i, j;
	int	seen;

	for (i = 0; i < n; i++) {
		seen = 0;
		for (j = 0; !seen && j < a->nfetch; j++)
			seen = strcmp(a->fetch[j], keys[i]) == 0;
		for (j = 0; !seen && j < a->nfetched; j++)
			seen = strcmp(a->fetched[j], keys[i]) == 0;
		if (seen && sweep != SYNC_NO_SWEEP)
			sync_sweep_spoil(&a->sweeps, sweep, "its paging came "
			    "back to a page it had read");
		if (seen)
			continue;
		if (a->nfetch + a->nfetched >= SYNC_MAX_FETCHES) {
			sync_thread_lost(a, "too many threads to read in one "
			    "sync");
			if (sweep != SYNC_NO_SWEEP)
				sync_sweep_spoil(&a->sweeps, sweep, "the sync "
				    "read too many threads");
			continue;
		}
		a->fetch = xreallocarray(a->fetch, a->nfetch + 1,
		    sizeof *a->fetch);
		a->fetch_sweep = xreallocarray(a->fetch_sweep, a->nfetch + 1,
		    sizeof *a->fetch_sweep);
		a->fetch_sweep[a->nfetch] = sweep;
		a->fetch[a->nfetch++] = xstrdup(keys[i]);
		if (sweep != SYNC_NO_SWEEP)
			sync_sweep_queued(&a->sweeps, sweep);
	}
}

/* Start fetching the next page of the account's current stream. */
static int
sync_start_stream(struct sync_account *a)
{
	struct store_sync_state	 st;
	const char		*stream;
	char			*cause = NULL;
	int			 rc;

	if (!a->want_sync || a->retry_timer != 0 || sync_secret(a) != 0)
		return 0;
	if (sync_needs_session(a))
		return sync_start_session(a);
	if ((stream = a->ops->streams[a->stream]) == NULL) {
		if (sync_start_recheck(a))
			return 1;
		if (a->lost_threads > 0)
			sync_run_rewind(a, 1);
		a->want_sync = 0;
		a->stream = 0;
		sync_fetch_clear(a);
		sync_run_clear(a);
		sync_mark_complete(a);
		sync_set_error(a, SYNC_IDLE, a->notice);
		free(a->notice);
		a->notice = NULL;
		sync_notify(a->sync);
		return 0;
	}
	memset(&st, 0, sizeof st);
	if (store_sync_state_get(a->sync->store, a->pa.id, stream, &st,
	    &cause) != 0) {
		sync_set_error(a, SYNC_FAILED, cause);
		free(cause);
		a->want_sync = 0;
		return 0;
	}
	a->pa.now = util_now();
	sync_run_cursor(a, st.cursor);
	free(a->cursor);
	a->cursor = st.cursor;
	st.cursor = NULL;
	a->pa.cursor = a->cursor;
	rc = a->ops->sync_request(&a->pa, stream, a->cursor, &a->req, &cause);
	store_sync_state_clear(&st);
	if (rc != 0) {
		sync_set_error(a, SYNC_FAILED, cause);
		free(cause);
		a->want_sync = 0;
		return 0;
	}
	a->job = JOB_STREAM;
	a->status.state = SYNC_RUNNING;
	sync_send(a);
	return 1;
}



/*
 * Give an idle account its next job, if it has one: what the user did
 * first, then the threads to fill in, then the streams.
 */
static void
sync_next(struct sync_account *a)
{
	if (a->job != JOB_NONE || a->pace_timer != 0 || a->blocked ||
	    a->held)
		return;
	if (sync_start_action(a) || a->job != JOB_NONE)
		return;
	if (!sync_needs_session(a) && a->retry_timer == 0 &&
	    sync_start_fetch(a))
		return;
	sync_start_stream(a);
}





/*
 * The short-lived token ran out: close the session so the next job
 * renews it. Renewals that are refused at once, again and again, mean
 * the credential itself is no longer good.
 */
int
sync_session_expired(struct sync_account *a, const char *why)
{
	sync_session_close(a);
	if (++a->session_tries > SYNC_SESSION_TRIES) {
		sync_auth_failed(a, why);
		return -1;
	}
	log_info("%s: session expired; renewing it", a->pa.name);
	return 0;
}



/* Try the current page again after a while. */
static void
sync_retry_page(void *arg)
{
	struct sync_account	*a = arg;

	a->retry_timer = 0;
	sync_next(a);
}

/* Arrange for sync_retry_page after secs, replacing an earlier plan. */
static void
sync_arm_retry(struct sync_account *a, int64_t secs)
{
	if (a->retry_timer != 0)
		loop_timer_cancel(a->sync->loop, a->retry_timer);
	a->retry_timer = loop_timer_add(a->sync->loop, secs * 1000,
	    sync_retry_page, a);
}

/*
 * A page (or a session) could not be had. A network failure or a busy
 * platform is tried again after a backoff, a few times (many times when
 * the platform only asks to slow down); then the sync stops until the
 * next one, saying why. The account shows as offline meanwhile.
 */
static void
sync_page_failed(struct sync_account *a, enum platform_error err,
    int offline, const char *why)
{
	int64_t	wait, held;
	char	*msg, when[48];
	int	 limit;

	/* heed sync, which should end within minutes, tries less. */
	limit = err != PLATFORM_ERR_RATE ? SYNC_STREAM_TRIES :
	    a->sync->periodic ? SYNC_RATE_TRIES : SYNC_STREAM_TRIES;
	if ((err == PLATFORM_ERR_TEMPORARY || err == PLATFORM_ERR_RATE) &&
	    ++a->tries < limit) {
		wait = sync_backoff(a->tries);
		/* The next request waits for the platform's word anyway. */
		held = (a->not_before - util_mono_ms() + 999) / 1000;
		sync_format_wait(held > wait ? held : wait, when, sizeof when);
		msg = xprintf("%s%s; trying again in %s",
		    offline ? "offline: " : "", why, when);
		sync_set_error(a, offline ? SYNC_OFFLINE : SYNC_RUNNING,
		    msg);
		log_warn("%s: %s", a->pa.name, msg);
		free(msg);
		sync_arm_retry(a, wait);
		return;
	}
	if (err == PLATFORM_ERR_RATE && !a->sync->periodic)
		msg = xprintf("%s; nothing is lost: run heed sync again in a "
		    "while", why);
	else
		msg = xprintf("%s%s", offline ? "offline: " : "", why);
	sync_set_error(a, offline ? SYNC_OFFLINE : SYNC_FAILED, msg);
	log_error("%s: sync failed: %s", a->pa.name, msg);
	free(msg);
	/* The outbox still waits: look again after a while. */
	sync_arm_retry(a, sync_backoff(a->tries));
	sync_run_end(a);
}

/* Handle the answer to a login or a session renewal. */
static void
sync_session_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct platform_session	 ps;
	enum platform_error	 err;
	enum creds_result	 r;
	char			*cause = NULL;

	memset(&ps, 0, sizeof ps);
	if (resp->status < 200 || resp->status >= 300) {
		err = a->ops->classify(resp, &cause);
		if (err == PLATFORM_ERR_TEMPORARY || err == PLATFORM_ERR_RATE ||
		    err == PLATFORM_ERR_PERMANENT)
			sync_page_failed(a, err, resp->error != TRANSPORT_OK,
			    cause);
		else if (!a->secret_is_password && !a->secret_reread) {
			/*
			 * Another heed may have renewed the session and
			 * kept the new one: read the keyring once more.
			 */
			a->secret_reread = 1;
			sync_forget_secret(a);
		} else
			sync_auth_failed(a, cause);
		free(cause);
		return;
	}
	if (a->ops->session_parse(&a->pa, resp, &ps, &cause) != 0) {
		sync_page_failed(a, PLATFORM_ERR_PERMANENT, 0, cause);
		free(cause);
		return;
	}
	a->secret_reread = 0;
	if (ps.refresh != NULL && !a->secret_is_password &&
	    strcmp(ps.refresh, a->secret) != 0) {
		/* The platform rotates the long-lived secret: keep the new. */
		r = creds_store(a->pa.name, a->ops->name, a->ops->secret_kind,
		    ps.refresh, &cause);
		if (r != CREDS_OK) {
			log_error("%s: the renewed session could not be kept "
			    "in the keyring (%s); the next start may ask for "
			    "heed login", a->pa.name, cause != NULL ? cause :
			    creds_result_name(r));
			free(cause);
		}
		util_free_secret(a->secret);
		a->secret = xstrdup(ps.refresh);
		a->pa.secret = a->secret;
	}
	platform_session_clear(&a->session);
	a->session = ps;
	a->pa.access = a->session.access;
	a->pa.user_id = a->session.user_id;
	a->pa.service = a->session.service;
	log_info("%s: session open", a->pa.name);
}

/*
 * Write a parsed page to the cache, and the stream's cursor with it if
 * stream is not NULL. Items the platform gave an id that another thread's
 * item holds are left out, and said (the run is partial).
 */
static int
sync_ingest(struct sync_account *a, const struct sync_page *page,
    const char *stream, char **cause)
{
	struct store_ingest_stats	 stats;
	char				*msg;

	if (store_ingest(a->sync->store, a->pa.id, page->posts, page->nposts,
	    &page->items, page->gone, page->ngone, stream, page->next_cursor,
	    &stats, cause) != 0)
		return -1;
	if (stats.refused > 0) {
		msg = xprintf("the platform gave %zu comment%s the id of a "
		    "comment elsewhere (%s); heed kept the first and left %s "
		    "out", stats.refused, stats.refused == 1 ? "" : "s",
		    stats.first_refused, stats.refused == 1 ? "it" : "them");
		sync_note(a, msg);
		free(msg);
	}
	free(stats.first_refused);
	return 0;
}

/* Handle one page of a stream. */
static void
sync_stream_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct sync_page	 page;
	enum platform_error	 err;
	const char		*stream = a->ops->streams[a->stream];
	char			*cause = NULL, *msg;

	memset(&page, 0, sizeof page);
	if (resp->status < 200 || resp->status >= 300) {
		err = a->ops->classify(resp, &cause);
		if (err == PLATFORM_ERR_SESSION)
			sync_session_expired(a, cause);
		else if (err == PLATFORM_ERR_AUTH)
			sync_auth_failed(a, cause);
		else if (err == PLATFORM_ERR_DENIED) {
			/* What the login may not read is skipped, and said. */
			msg = xprintf("%s not read: %s",
			    a->ops->stream_labels != NULL ?
			    a->ops->stream_labels[a->stream] : stream, cause);
			sync_note(a, msg);
			free(msg);
			a->tries = 0;
			a->pages = 0;
			a->stream++;
		} else
			sync_page_failed(a, err, resp->error != TRANSPORT_OK,
			    cause);
		free(cause);
		return;
	}
	a->tries = 0;
	a->session_tries = 0;
	if (a->ops->sync_parse(&a->pa, stream, resp, &page, &cause) != 0 ||
	    sync_ingest(a, &page, stream, &cause) != 0) {
		sync_page_failed(a, PLATFORM_ERR_PERMANENT, 0, cause);
		free(cause);
		sync_page_clear(&page);
		return;
	}
	if (a->status.state != SYNC_RUNNING || a->status.last_error != NULL)
		sync_set_error(a, SYNC_RUNNING, NULL);
	if (page.notice != NULL)
		sync_note(a, page.notice);
	sync_fetch_add(a, page.fetch, page.nfetch, SYNC_NO_SWEEP);
	if (page.items.n != 0 || page.ngone != 0)
		sync_notify(a->sync);
	if (page.more && ++a->pages < SYNC_MAX_PAGES) {
		sync_page_clear(&page);
		return;
	}
	a->pages = 0;
	a->stream++;
	sync_page_clear(&page);
	/* The stream is drained: index what is left of it for search. */
	if (store_fts_flush(a->sync->store, &cause) != 0) {
		log_error("%s: indexing: %s", a->pa.name, cause);
		free(cause);
	}
}

/*
 * Find the sweep a fetched page belongs to: the one its fetch was queued
 * for, or a new one that it starts. Return 1 if the page counts toward
 * it, 0 if it spoils it (*why says how) or there is none.
 */
static int
sync_fetch_sweep(struct sync_account *a, const struct sync_page *page,
    size_t *sweep, const char **why)
{
	*why = NULL;
	if (*sweep >= a->sweeps.n) {
		*sweep = SYNC_NO_SWEEP;
		if (page->sweep == NULL || !page->sweep_first)
			return 0;
		*sweep = sync_sweep_start(&a->sweeps, page->sweep,
		    util_now());
	} else if (page->sweep == NULL || page->sweep_first ||
	    strcmp(page->sweep, a->sweeps.v[*sweep].post) != 0) {
		*why = "a page of it could not be read whole";
		return 0;
	}
	sync_sweep_seen(&a->sweeps, *sweep, &page->items);
	if (page->incomplete != NULL) {
		*why = page->incomplete;
		return 0;
	}
	return 1;
}

/* Handle a thread a page named; a failure costs only that thread. */
static void
sync_fetch_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct sync_page	 page;
	enum platform_error	 err;
	char			*key = a->fetch_key, *cause = NULL;
	const char		*why = NULL;
	size_t			 sweep = a->fetch_key_sweep;
	int			 whole = 0;

	a->fetch_key = NULL;
	a->fetch_key_sweep = SYNC_NO_SWEEP;
	memset(&page, 0, sizeof page);
	if (resp->status < 200 || resp->status >= 300) {
		err = a->ops->classify(resp, &cause);
		if (err == PLATFORM_ERR_SESSION &&
		    sync_session_expired(a, cause) == 0) {
			/* Fetch it again with the new session. */
			a->fetch = xreallocarray(a->fetch, a->nfetch + 1,
			    sizeof *a->fetch);
			a->fetch_sweep = xreallocarray(a->fetch_sweep,
			    a->nfetch + 1, sizeof *a->fetch_sweep);
			a->fetch_sweep[a->nfetch] = sweep;
			a->fetch[a->nfetch++] = key;
			if (a->nfetched > 0)
				free(a->fetched[--a->nfetched]);
			key = NULL;
			sweep = SYNC_NO_SWEEP;	/* still counted */
		} else if (err == PLATFORM_ERR_AUTH)
			sync_auth_failed(a, cause);
		else if (err == PLATFORM_ERR_DENIED)
			sync_note(a, cause);
		else
			sync_thread_lost(a, cause);
		why = cause;
		goto out;
	}
	if (a->ops->fetch_parse(&a->pa, key, resp, &page, &cause) != 0 ||
	    sync_ingest(a, &page, NULL, &cause) != 0) {
		sync_thread_lost(a, cause);
		why = cause;
		goto out;
	}
	if (page.notice != NULL)
		sync_note(a, page.notice);
	whole = sync_fetch_sweep(a, &page, &sweep, &why);
	if (page.incomplete != NULL && page.nfetch == 0) {
		/* Its paging stopped short: what follows was not read. */
		sync_thread_lost(a, page.incomplete);
	}
	/* Its next pages go on with the sweep, even a spoiled one. */
	sync_fetch_add(a, page.fetch, page.nfetch, sweep);
	if (page.items.n != 0 || page.ngone != 0)
		sync_notify(a->sync);
out:
	sync_sweep_done(a, sweep, whole, why);
	free(cause);
	free(key);
	sync_page_clear(&page);
}

/* The sync_state row that records the last recheck of an account. */
#define SYNC_RECHECK_STREAM	"@recheck"

/*
 * At the end of a run, ask the platform about the items that still wait
 * for the business, every recheck_interval (platforms with recheck ops
 * only): the ones it no longer has leave the inbox. Return 1 if a request
 * was made.
 */
static int
sync_start_recheck(struct sync_account *a)
{
	struct store_sync_state	 st;
	char			*cause = NULL;
	size_t			 n;
	int			 rc;

	if (a->ops->recheck_request == NULL)
		return 0;
	if (!a->recheck_run) {
		a->recheck_run = 1;
		memset(&st, 0, sizeof st);
		if (store_sync_state_get(a->sync->store, a->pa.id,
		    SYNC_RECHECK_STREAM, &st, NULL) == 0 &&
		    st.last_success == 0) {
			/* A first run has just read everything: the clock
			 * starts now. */
			store_sync_state_clear(&st);
			sync_recheck_done(a);
			return 0;
		}
		if (st.last_success + a->pa.recheck > util_now() &&
		    st.last_success <= util_now()) {
			store_sync_state_clear(&st);
			return 0;
		}
		store_sync_state_clear(&st);
		if (store_items_waiting(a->sync->store, a->pa.id, util_now() -
		    a->pa.history_days * 86400, SYNC_RECHECK_ITEMS,
		    &a->recheck, &a->nrecheck, &cause) != 0) {
			log_error("%s: %s", a->pa.name, cause);
			free(cause);
			return 0;
		}
		if (a->nrecheck == 0)
			sync_recheck_done(a);
	}
	if (a->nrecheck == 0)
		return 0;
	n = a->nrecheck < a->ops->recheck_max ? a->nrecheck :
	    a->ops->recheck_max;
	a->pa.now = util_now();
	rc = a->ops->recheck_request(&a->pa, a->recheck + a->nrecheck - n, n,
	    &a->req, &cause);
	if (rc != 0) {
		log_error("%s: cannot recheck comments: %s", a->pa.name,
		    cause);
		free(cause);
		sync_recheck_drop(a);
		return 0;
	}
	a->recheck_sent = n;
	a->job = JOB_RECHECK;
	sync_send(a);
	return 1;
}

/* Forget the items left to recheck in this run. */
static void
sync_recheck_drop(struct sync_account *a)
{
	while (a->nrecheck > 0)
		free(a->recheck[--a->nrecheck]);
	a->recheck_sent = 0;
}

/* Record that every waiting item was rechecked now. */
static void
sync_recheck_done(struct sync_account *a)
{
	struct store_sync_state	 st;
	char			*cause = NULL;

	memset(&st, 0, sizeof st);
	st.last_success = st.last_attempt = util_now();
	if (store_sync_state_set(a->sync->store, a->pa.id,
	    SYNC_RECHECK_STREAM, &st, &cause) != 0) {
		log_error("%s: %s", a->pa.name, cause);
		free(cause);
	}
}

/*
 * Handle the answer about a batch of waiting items: what the platform no
 * longer has is marked deleted there (and leaves the inbox). An answer
 * that cannot be read whole marks nothing; the rest of the recheck waits
 * for the next run.
 */
static void
sync_recheck_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct sync_page	 page;
	enum platform_error	 err;
	char			*cause = NULL;
	size_t			 n = a->recheck_sent, i;

	memset(&page, 0, sizeof page);
	if (resp->status < 200 || resp->status >= 300) {
		err = a->ops->classify(resp, &cause);
		if (err == PLATFORM_ERR_SESSION &&
		    sync_session_expired(a, cause) == 0)
			goto out;	/* asked again with the new session */
		if (err == PLATFORM_ERR_AUTH)
			sync_auth_failed(a, cause);
		if (err == PLATFORM_ERR_SESSION || err == PLATFORM_ERR_AUTH ||
		    err == PLATFORM_ERR_RATE)
			goto fail;
		/* An error may be the answer ("no such record"): it decides. */
		free(cause);
		cause = NULL;
	}
	if (a->ops->recheck_parse(&a->pa, a->recheck + a->nrecheck - n, n,
	    resp, &page, &cause) != 0 || sync_ingest(a, &page, NULL,
	    &cause) != 0)
		goto fail;
	/* What the answer could not decide alone is looked up next. */
	sync_fetch_add(a, page.fetch, page.nfetch, SYNC_NO_SWEEP);
	if (page.ngone > 0) {
		log_info("%s: %zu comment%s deleted on the platform",
		    a->pa.name, page.ngone, page.ngone == 1 ? "" : "s");
		sync_notify(a->sync);
	}
	for (i = 0; i < n; i++)
		free(a->recheck[--a->nrecheck]);
	if (a->nrecheck == 0)
		sync_recheck_done(a);
	goto out;
fail:
	log_warn("%s: comments could not be rechecked for deletion (%s); "
	    "nothing was marked deleted", a->pa.name, cause != NULL ? cause :
	    "?");
	sync_recheck_drop(a);
out:
	a->recheck_sent = 0;
	free(cause);
	sync_page_clear(&page);
}

/* Hand a response to the job that waits for it, then go on. */
static void
sync_response(struct sync_account *a, const struct platform_response *resp)
{
	int	job = a->job;

	a->job = JOB_NONE;
	platform_request_clear(&a->req);
	switch (job) {
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
		sync_session_response(a, resp);
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
	}
	sync_next(a);
	if (a->job == JOB_NONE)
		sync_kick(a->sync);
	if (job == JOB_ACTION || job == JOB_RECONCILE || job == JOB_TARGET)
		sync_outbox_schedule(a->sync);
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
	if (resp->error == TRANSPORT_OK)
		sync_pace(a, resp);
	else
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
		a->blocked = 0;
		a->held = 0;
		a->tries = 0;
		if (a->retry_timer != 0) {
			loop_timer_cancel(s->loop, a->retry_timer);
			a->retry_timer = 0;
		}
		sync_next(a);
	}
}

/* Give every idle account a chance to send what the outbox holds. */
void
sync_kick(struct sync *s)
{
	size_t	i;

	for (i = 0; i < s->naccounts; i++) {
		if (s->accounts[i].job == JOB_NONE)
			sync_next(&s->accounts[i]);
	}
}
