/*
 * sync.c -- the sync engine.
 *
 * Each account has at most one request in flight. When it answers, the
 * engine picks the account's next job: a due outbox entry first (what the
 * user did is more urgent than what others wrote), then the next page of a
 * stream. A request goes to a transport: the demo server for demo://
 * URLs; the HTTP transport joins here for the real platforms.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "creds.h"
#include "http.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "platform/platforms.h"
#include "store.h"
#include "sync.h"
#include "text.h"
#include "util.h"

#define SYNC_BACKOFF_BASE	5	/* seconds before the first retry */
#define SYNC_BACKOFF_MAX	3600
#define SYNC_MAX_ATTEMPTS	8	/* then the entry is failed */
#define SYNC_MAX_PAGES		200	/* per stream per sync */
#define DEMO_RELEASE_MS		(90 * 1000)

enum sync_job {
	JOB_NONE,
	JOB_STREAM,
	JOB_ACTION
};

struct sync_account {
	struct sync			*sync;
	const struct platform_ops	*ops;
	const struct config_account	*cfg;
	struct platform_account		 pa;
	struct sync_account_status	 status;
	char				*error;
	int				 want_sync;	/* a sync was asked */
	size_t				 stream;	/* next stream index */
	int				 pages;
	int				 job;		/* in flight */
	struct outbox_entry		 entry;		/* JOB_ACTION */
	char				*secret;	/* wiped on free */
	uint64_t			 timer;
	uint64_t			 http_id;	/* in flight over HTTP */
	struct platform_request		 req;
	uint64_t			 interval_timer;
};

struct sync {
	struct loop		*loop;
	struct store		*store;
	const struct config	*cfg;
	struct sync_account	*accounts;
	struct sync_account_status *statuses;
	size_t			 naccounts;
	struct demo_server	*demo;
	struct http		*http;
	uint64_t		 demo_timer;
	uint64_t		 retry_timer;
	int			 periodic;
	int64_t			 changes;
	sync_changed_cb		 changed;
	void			*changed_arg;
};

static void	sync_next(struct sync_account *);

/* Tell the UI that the store changed. */
static void
sync_notify(struct sync *s)
{
	s->changes++;
	if (s->changed != NULL)
		s->changed(s->changed_arg);
}

/* Set an account's error message (NULL clears it). */
static void
sync_set_error(struct sync_account *a, int state, const char *msg)
{
	free(a->error);
	a->error = msg != NULL ? xstrdup(msg) : NULL;
	a->status.last_error = a->error;
	a->status.state = state;
	a->sync->statuses[a - a->sync->accounts] = a->status;
}

/* Let the demo server's next held-back comment arrive. */
static void
sync_demo_release(void *arg)
{
	struct sync	*s = arg;

	s->demo_timer = 0;
	if (demo_server_release(s->demo, util_now()))
		s->demo_timer = loop_timer_add(s->loop, DEMO_RELEASE_MS,
		    sync_demo_release, s);
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
	a->pa.history_days = config_int(s->cfg, ca, OPT_HISTORY_DAYS);
	a->status.name = ca->name;
	a->status.tag = a->ops->tag;
	s->statuses[s->naccounts] = a->status;
	s->naccounts++;
	if (strncmp(url, "demo://", 7) == 0 && s->demo == NULL) {
		s->demo = demo_server_new(util_now());
		if (s->periodic)
			s->demo_timer = loop_timer_add(s->loop,
			    DEMO_RELEASE_MS, sync_demo_release, s);
	}
	return 0;
}

/* Create the engine. */
struct sync *
sync_new(struct loop *loop, struct store *store, const struct config *cfg,
    int periodic, char **cause)
{
	struct sync	*s;
	size_t		 i;

	s = xcalloc(1, sizeof *s);
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
	if (store_outbox_recover(store, cause) != 0) {
		sync_free(s);
		return NULL;
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
		if (a->timer != 0)
			loop_timer_cancel(s->loop, a->timer);
		if (a->http_id != 0)
			http_cancel(s->http, a->http_id);
		if (a->interval_timer != 0)
			loop_timer_cancel(s->loop, a->interval_timer);
		platform_request_clear(&a->req);
		outbox_entry_clear(&a->entry);
		util_free_secret(a->secret);
		free(a->error);
	}
	if (s->demo_timer != 0)
		loop_timer_cancel(s->loop, s->demo_timer);
	if (s->retry_timer != 0)
		loop_timer_cancel(s->loop, s->retry_timer);
	demo_server_free(s->demo);
	http_free(s->http);
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
	return 0;
}

/* Seconds to wait before attempt n+1: exponential, with jitter. */
static int64_t
sync_backoff(int attempts)
{
	int64_t	d = SYNC_BACKOFF_BASE;

	while (attempts-- > 1 && d < SYNC_BACKOFF_MAX)
		d *= 2;
	if (d > SYNC_BACKOFF_MAX)
		d = SYNC_BACKOFF_MAX;
	return d / 2 + (int64_t)(random() % (d / 2 + 1));
}

/* Retry the outbox when a backoff runs out. */
static void
sync_retry_fire(void *arg)
{
	struct sync	*s = arg;

	s->retry_timer = 0;
	sync_kick(s);
}

/* Arrange for the outbox to be looked at again after secs. */
static void
sync_retry_later(struct sync *s, int64_t secs)
{
	if (s->retry_timer != 0)
		loop_timer_cancel(s->loop, s->retry_timer);
	s->retry_timer = loop_timer_add(s->loop, secs * 1000,
	    sync_retry_fire, s);
}

/* Deliver a demo request's answer, as the network would after a while. */
static void	sync_deliver_demo(void *);
static void	sync_deliver_http(const struct http_response *, void *);

/*
 * Send the account's built request through the right transport: the
 * demo server for demo:// URLs, HTTP for the rest.
 */
static void
sync_send(struct sync_account *a)
{
	struct sync	*s = a->sync;
	int64_t		 latency;

	if (strncmp(a->req.url, "demo://", 7) == 0 && s->demo != NULL) {
		latency = 120 + random() % 250;
		a->timer = loop_timer_add(s->loop, latency, sync_deliver_demo,
		    a);
		return;
	}
	if (s->http == NULL)
		s->http = http_new(s->loop);
	a->http_id = http_send(s->http, &a->req, sync_deliver_http, a);
}

/*
 * Get the account's secret the first time it is needed: the demo's own,
 * the output of the account's credential_command, or the keyring's. On
 * failure the account stops with a message that says what to do.
 */
static int
sync_secret(struct sync_account *a)
{
	const char		*cmd;
	char			*cause = NULL, *msg;
	enum creds_result	 r;

	if (a->ops->secret_kind == NULL || a->secret != NULL)
		return 0;
	cmd = config_str(a->sync->cfg, a->cfg, OPT_CREDENTIAL_COMMAND);
	if (a->cfg->builtin_secret != NULL) {
		a->secret = xstrdup(a->cfg->builtin_secret);
		r = CREDS_OK;
	} else if (*cmd != '\0')
		r = creds_command(cmd, &a->secret, &cause);
	else
		r = creds_lookup(a->pa.name, a->ops->name, a->ops->secret_kind,
		    &a->secret, &cause);
	if (r == CREDS_OK) {
		a->pa.secret = a->secret;
		return 0;
	}
	if (r == CREDS_MISSING)
		msg = xprintf("%s: not logged in; run: heed login %s",
		    a->pa.name, a->pa.name);
	else
		msg = xprintf("%s: no credential: %s", a->pa.name,
		    cause != NULL ? cause : creds_result_name(r));
	sync_set_error(a, r == CREDS_MISSING ? SYNC_AUTH : SYNC_NO_KEYRING, msg);
	log_error("%s", msg);
	free(msg);
	free(cause);
	a->want_sync = 0;
	return -1;
}

/* Forget a secret the platform refused, so the next try reads it anew. */
static void
sync_forget_secret(struct sync_account *a)
{
	util_free_secret(a->secret);
	a->secret = NULL;
	a->pa.secret = NULL;
}

/* The platform refused the credential: stop and say how to fix it. */
static void
sync_auth_failed(struct sync_account *a, const char *why)
{
	char	*msg;

	msg = xprintf("%s: the platform refused the credential (%s); run: "
	    "heed login %s", a->pa.name, why != NULL ? why : "?",
	    a->pa.name);
	sync_set_error(a, SYNC_AUTH, msg);
	free(msg);
	sync_forget_secret(a);
}

/* Start sending the next due outbox entry if it is this account's. */
static int
sync_start_action(struct sync_account *a)
{
	struct sync	*s = a->sync;
	char		*cause = NULL;
	int		 rc;

	rc = store_outbox_next_due(s->store, a->pa.id, util_now(), &a->entry,
	    &cause);
	if (rc != 0) {
		if (rc == -1) {
			log_error("outbox: %s", cause);
			free(cause);
		}
		return 0;
	}
	if (sync_secret(a) != 0) {
		outbox_entry_clear(&a->entry);
		return 0;
	}
	if (a->ops->action_request(&a->pa, &a->entry, &a->req, &cause) != 0) {
		a->entry.state = OUTBOX_FAILED;
		a->entry.last_error = cause;
		store_outbox_update(s->store, &a->entry, NULL);
		log_error("%s: cannot send %s: %s", a->pa.name,
		    action_kind_name(a->entry.kind), cause);
		outbox_entry_clear(&a->entry);
		sync_notify(s);
		return 0;
	}
	a->entry.state = OUTBOX_SENDING;
	a->entry.attempts++;
	if (store_outbox_update(s->store, &a->entry, &cause) != 0) {
		log_error("outbox: %s", cause);
		free(cause);
		platform_request_clear(&a->req);
		outbox_entry_clear(&a->entry);
		return 0;
	}
	a->job = JOB_ACTION;
	sync_send(a);
	return 1;
}

/* Start fetching the next page of the account's current stream. */
static int
sync_start_stream(struct sync_account *a)
{
	struct store_sync_state	 st;
	const char		*stream;
	char			*cause = NULL;
	int			 rc;

	if (!a->want_sync || sync_secret(a) != 0)
		return 0;
	if ((stream = a->ops->streams[a->stream]) == NULL) {
		a->want_sync = 0;
		a->stream = 0;
		a->status.last_success = util_now();
		sync_set_error(a, SYNC_IDLE, NULL);
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
	rc = a->ops->sync_request(&a->pa, stream, st.cursor, &a->req, &cause);
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

/* Give an idle account its next job, if it has one. */
static void
sync_next(struct sync_account *a)
{
	if (a->job != JOB_NONE)
		return;
	if (sync_start_action(a))
		return;
	sync_start_stream(a);
}

/* Bring the target item in step with an action that went through. */
static void
sync_apply_action(struct sync_account *a, const struct action_result *res)
{
	struct store	*st = a->sync->store;
	struct item	 it, created;
	char		*cause = NULL;

	memset(&it, 0, sizeof it);
	if (a->entry.kind != ACTION_REPLY &&
	    store_item_get(st, a->entry.item_id, &it, NULL) == 0) {
		switch (a->entry.kind) {
		case ACTION_LIKE:
			it.liked = 1;
			break;
		case ACTION_UNLIKE:
			it.liked = 0;
			break;
		case ACTION_HIDE:
			it.hidden = 1;
			break;
		case ACTION_UNHIDE:
			it.hidden = 0;
			break;
		case ACTION_DELETE:
			it.deleted = 1;
			break;
		}
		if (store_item_upsert(st, &it, NULL, &cause) != 0)
			goto fail;
	}
	if (res->have_created) {
		item_copy(&created, &res->created);
		created.account_id = a->pa.id;
		created.own = 1;
		if (store_item_upsert(st, &created, NULL, &cause) != 0) {
			item_clear(&created);
			goto fail;
		}
		item_clear(&created);
	}
	item_clear(&it);
	return;
fail:
	log_error("%s: %s", a->pa.name, cause);
	free(cause);
	item_clear(&it);
}

/* Record the outcome of an action in the outbox and the activity log. */
static void
sync_action_done(struct sync_account *a, const struct action_result *res)
{
	struct store	*st = a->sync->store;
	char		*cause = NULL;

	if (store_begin(st, &cause) != 0)
		goto fail;
	a->entry.state = OUTBOX_SENT;
	free(a->entry.last_error);
	a->entry.last_error = NULL;
	if (res != NULL && res->remote_id != NULL) {
		free(a->entry.remote_id);
		a->entry.remote_id = xstrdup(res->remote_id);
	}
	if (res != NULL)
		sync_apply_action(a, res);
	if (store_outbox_update(st, &a->entry, &cause) != 0 ||
	    store_activity_add(st, a->entry.item_id,
	    action_kind_name(a->entry.kind), "sent", &cause) != 0 ||
	    store_fts_flush(st, &cause) != 0 ||
	    store_commit(st, &cause) != 0) {
		store_rollback(st);
		goto fail;
	}
	log_info("%s: %s sent", a->pa.name, action_kind_name(a->entry.kind));
	return;
fail:
	log_error("%s: %s", a->pa.name, cause);
	free(cause);
}

/* An action failed: retry later, or give up and say why. */
static void
sync_action_failed(struct sync_account *a, enum platform_error err,
    const char *why)
{
	struct sync	*s = a->sync;
	int64_t		 wait;

	free(a->entry.last_error);
	a->entry.last_error = xstrdup(why);
	if ((err == PLATFORM_ERR_TEMPORARY || err == PLATFORM_ERR_RATE) &&
	    a->entry.attempts < SYNC_MAX_ATTEMPTS) {
		wait = sync_backoff(a->entry.attempts);
		a->entry.state = OUTBOX_QUEUED;
		a->entry.next_attempt = util_now() + wait;
		sync_retry_later(s, wait);
		log_warn("%s: %s not sent (%s); retrying in %llds", a->pa.name,
		    action_kind_name(a->entry.kind), why, (long long)wait);
	} else {
		a->entry.state = OUTBOX_FAILED;
		log_error("%s: %s failed: %s", a->pa.name,
		    action_kind_name(a->entry.kind), why);
	}
	if (err == PLATFORM_ERR_AUTH)
		sync_auth_failed(a, why);
	store_outbox_update(s->store, &a->entry, NULL);
}

/* Handle the answer to an action. */
static void
sync_action_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct action_result	 res;
	enum platform_error	 err;
	char			*cause = NULL;

	memset(&res, 0, sizeof res);
	if (resp->status >= 200 && resp->status < 300) {
		if (a->ops->action_parse(&a->pa, &a->entry, resp, &res,
		    &cause) == 0)
			sync_action_done(a, &res);
		else
			sync_action_failed(a, PLATFORM_ERR_PERMANENT, cause);
	} else {
		err = a->ops->classify(resp, &cause);
		if (err == PLATFORM_ERR_DUPLICATE)
			sync_action_done(a, NULL);
		else
			sync_action_failed(a, err, cause != NULL ? cause :
			    "the platform refused it");
	}
	free(cause);
	action_result_clear(&res);
	outbox_entry_clear(&a->entry);
	sync_notify(a->sync);
}

/* Handle one page of a stream. */
static void
sync_stream_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct sync_page	 page;
	const char		*stream = a->ops->streams[a->stream];
	char			*cause = NULL;

	memset(&page, 0, sizeof page);
	if (resp->status < 200 || resp->status >= 300) {
		if (a->ops->classify(resp, &cause) == PLATFORM_ERR_AUTH)
			sync_auth_failed(a, cause);
		else
			sync_set_error(a, SYNC_FAILED, cause);
		goto stop;
	}
	if (a->ops->sync_parse(&a->pa, stream, resp, &page, &cause) != 0 ||
	    store_ingest(a->sync->store, a->pa.id, page.posts, page.nposts,
	    &page.items, page.gone, page.ngone, stream, page.next_cursor,
	    &cause) != 0) {
		sync_set_error(a, SYNC_FAILED, cause);
		goto stop;
	}
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
	return;
stop:
	log_error("%s: sync failed: %s", a->pa.name,
	    a->error != NULL ? a->error : "?");
	free(cause);
	sync_page_clear(&page);
	a->want_sync = 0;
	a->stream = 0;
	a->pages = 0;
	sync_notify(a->sync);
}

/* Hand a response to the job that waits for it, then go on. */
static void
sync_response(struct sync_account *a, const struct platform_response *resp)
{
	int	job = a->job;

	a->job = JOB_NONE;
	platform_request_clear(&a->req);
	if (job == JOB_ACTION)
		sync_action_response(a, resp);
	else if (job == JOB_STREAM)
		sync_stream_response(a, resp);
	sync_next(a);
	if (a->job == JOB_NONE)
		sync_kick(a->sync);
}

/* Deliver a demo request's answer. */
static void
sync_deliver_demo(void *arg)
{
	struct sync_account		*a = arg;
	struct platform_response	 resp;
	char				*body = NULL;
	long				 status = 599;

	a->timer = 0;
	if (a->sync->demo != NULL)
		demo_server_handle(a->sync->demo, &a->req, &status, &body);
	else
		body = xstrdup("{\"error\":{\"message\":\"no transport\"}}");
	resp.status = status;
	resp.body = body;
	resp.len = strlen(body);
	sync_response(a, &resp);
	free(body);
}

/*
 * Deliver an HTTP answer. A failure to reach the platform at all becomes
 * a 599 with the transport's words in the body, which the adapters
 * classify as temporary: the outbox keeps the entry and tries again, and
 * the account shows as offline with the reason.
 */
static void
sync_deliver_http(const struct http_response *hr, void *arg)
{
	struct sync_account		*a = arg;
	struct platform_response	 resp;
	json_t				*o;
	char				*body = NULL;

	a->http_id = 0;
	if (hr->error == HTTP_ERR_CANCELLED)
		return;
	resp.status = hr->status;
	resp.body = hr->body;
	resp.len = hr->len;
	if (hr->error != HTTP_OK) {
		o = json_pack("{s:{s:s,s:s}}", "error", "code", "network",
		    "message", hr->message);
		body = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		resp.status = 599;
		resp.body = body != NULL ? body : "{}";
		resp.len = strlen(resp.body);
		log_warn("%s: %s", a->pa.name, hr->message);
	}
	sync_response(a, &resp);
	free(body);
}

/* Sync every account now. */
void
sync_now(struct sync *s)
{
	size_t	i;

	for (i = 0; i < s->naccounts; i++) {
		s->accounts[i].want_sync = 1;
		sync_next(&s->accounts[i]);
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
