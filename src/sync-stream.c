/*
 * sync-stream.c -- what an account's sync run reads: each stream page by
 * page from its stored cursor, the threads its pages name (fetches, some
 * of them sweeps that find what was deleted), and at the end of a run
 * the items still waiting, rechecked on platforms that say nothing of a
 * deletion. A page that cannot be had is tried again after a backoff.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "loop.h"
#include "platform.h"
#include "sorting.h"
#include "store.h"
#include "sync-private.h"
#include "util.h"

#define SYNC_MAX_PAGES		200	/* per stream per sync */
#define SYNC_MAX_FETCHES	1000	/* threads filled in per sync */
#define SYNC_STREAM_TRIES	4	/* tries of one page before giving up */
#define SYNC_RATE_TRIES		30	/* ... when the platform says slow down */
#define SYNC_SWEEP_MARGIN	300	/* seconds of items a sweep spares */
#define SYNC_RECHECK_ITEMS	500	/* items rechecked per run at most */

/* The sync_state row that records the end of a complete sync. */
#define SYNC_DONE_STREAM	"@complete"
/* The sync_state row that records the last recheck of an account. */
#define SYNC_RECHECK_STREAM	"@recheck"

static void	sync_thread_lost(struct sync_account *, const char *);
static void	sync_run_rewind(struct sync_account *, int);
static int	sync_start_recheck(struct sync_account *);
static void	sync_recheck_drop(struct sync_account *);
static void	sync_recheck_done(struct sync_account *);

/* When the account last finished a whole sync (0: never). */
int64_t
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
	st.last_success = st.last_attempt = sync_time(a);
	if (store_sync_state_set(a->sync->store, a->pa.id, SYNC_DONE_STREAM,
	    &st, &cause) != 0) {
		log_error("%s: %s", a->pa.name, cause);
		free(cause);
	}
	a->status.last_success = st.last_success;
}

/* Forget the threads queued and fetched. */
void
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

/*
 * End the account's run before its end: no stream, page or thread is
 * pending. Threads it named and did not read (or could not) would be
 * missed by a next run that goes on from its cursors: they go back to
 * where this run found them.
 */
void
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
void
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
	a->marker = SYNC_MARKER_UNREAD;
	free(a->marker_to);
	a->marker_to = NULL;
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
int
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
	sync_ready(a, JOB_FETCH);
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
int
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
		if (sync_start_recheck(a) || sync_start_marker(a))
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
	a->pa.now = sync_time(a);
	sync_run_cursor(a, st.cursor);
	free(a->cursor);
	a->cursor = st.cursor;
	st.cursor = NULL;
	a->pa.cursor = a->cursor;
	rc = a->ops->sync_request(&a->pa, stream, &a->req, &cause);
	store_sync_state_clear(&st);
	if (rc != 0) {
		sync_set_error(a, SYNC_FAILED, cause);
		free(cause);
		a->want_sync = 0;
		return 0;
	}
	a->status.state = SYNC_RUNNING;
	sync_ready(a, JOB_STREAM);
	return 1;
}

/*
 * A page (or a session) could not be had. A network failure or a busy
 * platform is tried again after a backoff, a few times (many times when
 * the platform only asks to slow down); then the sync stops until the
 * next one, saying why. The account shows as offline meanwhile.
 */
void
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
		held = (a->not_before - sync_mono(a) + 999) /
		    1000;
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
	/* The account's own limit, for the composer to count to. */
	if (page->text_limit > 0 && store_account_set_limit(a->sync->store,
	    a->pa.id, (int64_t)page->text_limit, cause) != 0)
		return -1;
	/* The new messages go into their lanes before anyone lists them. */
	if (sorting_run(a->sync->store, a->sync->cfg, sync_time(a),
	    NULL, cause) != 0)
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
void
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
		    sync_time(a));
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
void
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
		if (st.last_success + a->pa.recheck > sync_time(a) &&
		    st.last_success <= sync_time(a)) {
			store_sync_state_clear(&st);
			return 0;
		}
		store_sync_state_clear(&st);
		if (store_items_waiting(a->sync->store, a->pa.id, sync_time(a) -
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
	a->pa.now = sync_time(a);
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
	sync_ready(a, JOB_RECHECK);
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
	st.last_success = st.last_attempt = sync_time(a);
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
void
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
