/*
 * sync-outbox.c -- sending what the outbox holds, once.
 *
 * An entry is taken with a lease (store_outbox_take): of several heed
 * processes on one cache, only the one holding it sends it, and it renews
 * the lease before every request it makes for it. Before a reply goes
 * out, a platform that can tell whether the comment it answers still
 * exists is asked: a reply to a deleted comment is not sent.
 *
 * An attempt whose outcome is unknown (no answer within request_timeout,
 * an answer that broke off, a server error that may come after the work
 * was done, an unreadable success) leaves the entry CHECKING. On a
 * platform where a second attempt would make a second reply, heed then
 * looks for it at each of check_delays after the answer was lost, and
 * sends it again only when the last look still does not find it; found at
 * any look, it counts as sent. A process killed mid-send leaves its lease
 * to run out, and whoever takes the entry then looks the same way.
 * Platforms where a repeated attempt cannot make a second copy (Bluesky's
 * client-chosen record keys) simply try again.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "store.h"
#include "sync-private.h"
#include "util.h"

#define SYNC_MAX_DELAYS		8
#define SYNC_MAX_RECONCILE_PAGES 20	/* pages read to find one reply */
#define SYNC_TAKE_TRIES		16	/* entries put aside in one go */

static int	sync_send_action(struct sync_account *);
static int	sync_start_reconcile(struct sync_account *);

/* The account's check delays (seconds after an outcome was lost); how many. */
static size_t
sync_delays(struct sync_account *a, int64_t *v)
{
	size_t	n;

	n = config_durations(a->sync->cfg, a->cfg, OPT_CHECK_DELAYS, v,
	    SYNC_MAX_DELAYS);
	if (n == 0) {
		v[0] = 60;
		n = 1;
	}
	return n;
}

/* How long a lease on an entry lasts: its request, and a margin. */
static int64_t
sync_lease(struct sync_account *a)
{
	return config_int(a->sync->cfg, a->cfg, OPT_REQUEST_TIMEOUT) +
	    SYNC_LEASE_MARGIN;
}

/*
 * Whether a lost attempt at the current entry must be looked for before
 * it is made again: a reply on a platform where nothing makes a second
 * attempt fail, and that can be asked what the first one made.
 */
static int
sync_checkable(const struct sync_account *a)
{
	return (a->ops->caps & PLATFORM_NO_IDEMPOTENCY) &&
	    a->ops->reconcile_request != NULL &&
	    (a->entry.kind == ACTION_REPLY ||
	    a->entry.kind == ACTION_PRIVATE_REPLY);
}

/* Whether the current entry is a reply whose target can be asked about. */
static int
sync_target_checkable(const struct sync_account *a)
{
	return a->ops->recheck_request != NULL &&
	    a->entry.target_remote_id != NULL &&
	    (a->entry.kind == ACTION_REPLY ||
	    a->entry.kind == ACTION_PRIVATE_REPLY);
}

/* Replace the current entry's last error. */
static void
sync_entry_why(struct sync_account *a, const char *why)
{
	free(a->entry.last_error);
	a->entry.last_error = why != NULL ? xstrdup(why) : NULL;
}

/*
 * Save the current entry, holding its lease for another request (hold)
 * or letting it go; -1 (logged) when it could not be saved, which is also
 * the case when another heed holds it now. An entry that failed for good
 * is written to the activity log with it, and why, in one transaction.
 */
static int
sync_entry_save(struct sync_account *a, int hold)
{
	struct store	*st = a->sync->store;
	char		*cause = NULL, *detail;
	int		 rc;

	a->entry.lease_until = hold ? sync_time(a) + sync_lease(a) : 0;
	if (a->entry.state != OUTBOX_FAILED)
		rc = store_outbox_update(st, &a->entry, &cause);
	else {
		detail = xprintf("failed: %s", a->entry.last_error != NULL ?
		    a->entry.last_error : "no reason given");
		rc = store_begin(st, &cause) != 0 ||
		    store_outbox_update(st, &a->entry, &cause) != 0 ||
		    store_activity_add(st, a->entry.item_id,
		    action_kind_name(a->entry.kind), detail, &cause) != 0 ||
		    store_commit(st, &cause) != 0;
		if (rc != 0)
			store_rollback(st);
		free(detail);
	}
	if (rc != 0) {
		log_error("%s: outbox: %s", a->pa.name, cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Let go of the current entry (its lease too, if this process holds it). */
void
sync_entry_drop(struct sync_account *a)
{
	if (a->entry.id != 0)
		store_outbox_release(a->sync->store, a->entry.id, NULL);
	outbox_entry_clear(&a->entry);
}

/*
 * Renew the lease on the current entry so that it lasts wait seconds
 * more than a request: just before a request for it goes out (wait 0),
 * and when the request must first wait for the platform's limits, so
 * that no other heed takes the entry for abandoned while this one waits
 * to send it. 0, or -1 when this process no longer holds it (another heed
 * took it): the request must not be made.
 */
int
sync_entry_renew(struct sync_account *a, int64_t wait)
{
	char	*cause = NULL;
	int64_t	 lease;
	int	 rc;

	/* However long the platform asks to wait, within what a lease may. */
	lease = wait + sync_lease(a);
	if (lease > STORE_LEASE_MOST - 60)
		lease = STORE_LEASE_MOST - 60;
	rc = store_outbox_renew(a->sync->store, a->entry.id, sync_time(a) +
	    lease, &cause);
	if (rc == 0)
		return 0;
	log_warn("%s: not sending %s: %s", a->pa.name,
	    action_kind_name(a->entry.kind), rc == 1 ? "another heed took it "
	    "over while it waited" : cause);
	free(cause);
	outbox_entry_clear(&a->entry);
	return -1;
}

/*
 * Look at the outbox again when the entry's next attempt is due; look
 * says that attempt is a scheduled look for a lost outcome.
 */
static void
sync_entry_later(struct sync_account *a, int look)
{
	int64_t	wait = a->entry.next_attempt - sync_time(a);

	if (look)
		sync_look_at(a->sync, a->entry.next_attempt);
	sync_retry_later(a->sync, wait > 0 ? wait : 0);
}

/*
 * The current attempt's outcome is unknown (why says how). Where a second
 * attempt could make a second reply, the entry waits CHECKING for its
 * first look (now, when the platform is known to have taken it);
 * elsewhere it is tried again after a backoff.
 */
static void	sync_action_failed(struct sync_account *, enum platform_error,
		    const char *);

static void
sync_action_unknown(struct sync_account *a, const char *why, int look_now)
{
	int64_t	 d[SYNC_MAX_DELAYS], now = sync_time(a);
	if (!sync_checkable(a)) {
		sync_action_failed(a, PLATFORM_ERR_TEMPORARY, why);
		return;
	}
	sync_delays(a, d);
	a->entry.state = OUTBOX_CHECKING;
	a->entry.unknown_at = now;
	a->entry.checks = 0;
	a->entry.next_attempt = look_now ? now : now + d[0];
	sync_entry_why(a, why);
	log_warn("%s: %s: %s; looking whether it went out before anything is "
	    "sent again", a->pa.name, action_kind_name(a->entry.kind), why);
	if (sync_entry_save(a, 0) == 0)
		sync_entry_later(a, 1);
}

/*
 * A look did not find the entry. At the last of the check delays that is
 * the answer: send it again now (1: the job is started, or the entry was
 * dealt with). Before it, wait for the next look (0).
 */
static int
sync_check_missing(struct sync_account *a)
{
	int64_t	 d[SYNC_MAX_DELAYS], now = sync_time(a), when;
	size_t	 n, k;
	char	*msg, wait[48];

	n = sync_delays(a, d);
	a->entry.checks++;
	if (now >= a->entry.unknown_at + d[n - 1]) {
		log_info("%s: %s not found on the platform at the last look; "
		    "sending it again", a->pa.name,
		    action_kind_name(a->entry.kind));
		a->entry.state = OUTBOX_QUEUED;
		sync_send_action(a);
		return 1;
	}
	for (k = 0; k < n && a->entry.unknown_at + d[k] <= now; k++)
		continue;
	when = a->entry.unknown_at + d[k];
	a->entry.next_attempt = when;
	sync_format_wait(when - now, wait, sizeof wait);
	msg = xprintf("its answer was lost, and look %d (of %zu) did not find "
	    "it on the platform; heed looks again in %s and sends it again "
	    "only if the last look does not find it", a->entry.checks, n,
	    wait);
	sync_entry_why(a, msg);
	free(msg);
	if (sync_entry_save(a, 0) == 0)
		sync_entry_later(a, 1);
	return 0;
}

/*
 * The entry was left SENDING by a heed that stopped (its lease ran out):
 * whether its request went out is unknown since then. Return 1 if it was
 * put aside until its first look is due, 0 to go on with it now.
 */
static int
sync_abandoned(struct sync_account *a)
{
	int64_t	d[SYNC_MAX_DELAYS], now = sync_time(a);

	log_warn("%s: a heed stopped while sending %s (entry %lld); "
	    "%s", a->pa.name, action_kind_name(a->entry.kind),
	    (long long)a->entry.id, sync_checkable(a) ? "looking whether it "
	    "went out before anything is sent again" : "trying it again");
	a->entry.unknown_at = a->entry.updated > 0 ? a->entry.updated : now;
	a->entry.checks = 0;
	if (!sync_checkable(a)) {
		a->entry.state = OUTBOX_QUEUED;
		return 0;
	}
	sync_delays(a, d);
	a->entry.state = OUTBOX_CHECKING;
	a->entry.next_attempt = a->entry.unknown_at + d[0];
	sync_entry_why(a, "heed stopped while sending it");
	if (a->entry.next_attempt <= now)
		return 0;
	if (sync_entry_save(a, 0) == 0)
		sync_entry_later(a, 1);
	outbox_entry_clear(&a->entry);
	return 1;
}

/* Ask the platform whether the comment a reply answers still exists. */
static int
sync_start_target(struct sync_account *a)
{
	char	*cause = NULL;

	if (a->ops->recheck_request(&a->pa, &a->entry.target_remote_id, 1,
	    &a->req, &cause) != 0) {
		log_warn("%s: cannot check the comment a reply answers: %s",
		    a->pa.name, cause);
		free(cause);
		return sync_send_action(a);
	}
	sync_ready(a, JOB_TARGET);
	return 1;
}

/*
 * Go on with the entry just taken. Return 1 if a job started for it, 0 if
 * it was dealt with or put aside (the next one may go), -1 if the account
 * cannot send anything now.
 */
static int
sync_action_begin(struct sync_account *a)
{
	char	*cause = NULL;

	if (sync_secret(a) != 0) {
		sync_entry_drop(a);
		return -1;
	}
	if (sync_needs_session(a)) {
		sync_entry_drop(a);
		/* A session that could not be opened is tried on a timer. */
		return a->retry_timer == 0 && sync_start_session(a) ? 1 : -1;
	}
	if (a->entry.state == OUTBOX_SENDING && sync_abandoned(a))
		return 0;
	if (a->entry.item_id != 0 && store_item_extra(a->sync->store,
	    a->entry.item_id, &a->entry.target_extra, &cause) != 0) {
		log_error("outbox: %s", cause);
		free(cause);
		sync_entry_drop(a);
		return -1;
	}
	if (a->entry.state == OUTBOX_CHECKING && sync_checkable(a)) {
		log_info("%s: looking whether %s went out", a->pa.name,
		    action_kind_name(a->entry.kind));
		return sync_start_reconcile(a);
	}
	if (sync_target_checkable(a))
		return sync_start_target(a);
	return sync_send_action(a);
}

/* Start on the account's next due outbox entry; 1 if a job started. */
int
sync_start_action(struct sync_account *a)
{
	struct sync	*s = a->sync;
	char		*cause = NULL;
	int		 i, rc;

	for (i = 0; i < SYNC_TAKE_TRIES; i++) {
		rc = store_outbox_take(s->store, a->pa.id, sync_time(a),
		    sync_lease(a), &a->entry, &cause);
		if (rc != 0) {
			if (rc == -1) {
				log_error("outbox: %s", cause);
				free(cause);
			}
			return 0;
		}
		if ((rc = sync_action_begin(a)) != 0)
			return rc == 1;
		if (a->job != JOB_NONE)
			return 1;
	}
	return 0;
}

/* Send the account's current outbox entry; 1 if the request is made. */
static int
sync_send_action(struct sync_account *a)
{
	struct sync	*s = a->sync;
	char		*cause = NULL;

	if (a->ops->action_request(&a->pa, &a->entry, &a->req, &cause) != 0) {
		a->entry.state = OUTBOX_FAILED;
		sync_entry_why(a, cause);
		sync_entry_save(a, 0);
		log_error("%s: cannot send %s: %s", a->pa.name,
		    action_kind_name(a->entry.kind), cause);
		free(cause);
		outbox_entry_clear(&a->entry);
		sync_notify(s);
		return 0;
	}
	a->entry.state = OUTBOX_SENDING;
	a->entry.attempts++;
	if (sync_entry_save(a, 1) != 0) {
		/* Not ours (or not writable): nothing is sent. */
		platform_request_clear(&a->req);
		outbox_entry_clear(&a->entry);
		return 0;
	}
	sync_ready(a, JOB_ACTION);
	return 1;
}

/* Forget where a reconcile read on to. */
static void
sync_reconcile_reset(struct sync_account *a)
{
	free(a->reconcile_page);
	a->reconcile_page = NULL;
	a->pa.reconcile_page = NULL;
	a->reconcile_pages = 0;
}

/* Start looking for what the entry made on the platform. */
static int
sync_start_reconcile(struct sync_account *a)
{
	char	*cause = NULL, *msg;

	if (a->ops->reconcile_request(&a->pa, &a->entry, &a->req,
	    &cause) != 0) {
		msg = xprintf("heed cannot check whether it went out: %s",
		    cause);
		log_warn("%s: %s: %s", a->pa.name,
		    action_kind_name(a->entry.kind), msg);
		a->entry.state = OUTBOX_FAILED;
		sync_entry_why(a, msg);
		sync_entry_save(a, 0);
		free(msg);
		free(cause);
		sync_reconcile_reset(a);
		outbox_entry_clear(&a->entry);
		sync_notify(a->sync);
		return 0;
	}
	sync_ready(a, JOB_RECONCILE);
	return 1;
}

/* Bring the target item in step with an action that went through. */
static void
sync_apply_action(struct sync_account *a, const struct action_result *res)
{
	struct store	*st = a->sync->store;
	struct item	 it, created;
	char		*cause = NULL, *msg;
	int64_t		 when;
	int		 rc;

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
		if (res->target_extra != NULL) {
			free(it.extra);
			it.extra = xstrdup(res->target_extra);
		}
		if (store_item_upsert(st, &it, NULL, &cause) == -1)
			goto fail;
	}
	if (res->have_created) {
		item_copy(&created, &res->created);
		created.account_id = a->pa.id;
		created.own = 1;
		rc = store_item_upsert(st, &created, NULL, &cause);
		if (rc == 1) {
			msg = xprintf("the platform gave the reply it made the "
			    "id %s of another comment; heed kept the other",
			    created.remote_id);
			sync_note(a, msg);
			free(msg);
		}
		when = created.created;
		item_clear(&created);
		if (rc == -1)
			goto fail;
		/*
		 * The reply answers the conversation of the message it was
		 * written to, wherever the platform files it (Facebook puts a
		 * reply to a reply under the thread's top comment).
		 */
		if (a->entry.kind == ACTION_REPLY && store_conv_answered(st,
		    a->entry.item_id, when, &cause) != 0)
			goto fail;
	}
	item_clear(&it);
	return;
fail:
	log_error("%s: %s", a->pa.name, cause);
	free(cause);
	item_clear(&it);
}

/*
 * Record the outcome of an action in the outbox and the activity log, in
 * one transaction. If that cannot be written (a full disk), the entry
 * stays SENDING under this process's lease: when the lease runs out, it
 * is looked for on the platform, found, and counted as sent then.
 */
static void
sync_action_done(struct sync_account *a, const struct action_result *res)
{
	struct store	*st = a->sync->store;
	char		*cause = NULL;

	if (store_begin(st, &cause) != 0)
		goto fail;
	a->entry.state = OUTBOX_SENT;
	sync_entry_why(a, NULL);
	if (res != NULL && res->remote_id != NULL) {
		free(a->entry.remote_id);
		a->entry.remote_id = xstrdup(res->remote_id);
	}
	if (res != NULL)
		sync_apply_action(a, res);
	a->entry.lease_until = 0;
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
	log_error("%s: %s went through, but that could not be recorded: %s",
	    a->pa.name, action_kind_name(a->entry.kind), cause);
	free(cause);
}

/*
 * Put the current entry back: it goes again as soon as the account can
 * send. One the platform refused before doing anything (untried) counts
 * as not tried. One being checked stays CHECKING, due at once.
 */
static void
sync_action_requeue(struct sync_account *a, const char *why, int untried)
{
	if (a->entry.state != OUTBOX_CHECKING)
		a->entry.state = OUTBOX_QUEUED;
	if (untried && a->entry.attempts > 0)
		a->entry.attempts--;
	a->entry.next_attempt = 0;
	if (why != NULL)
		sync_entry_why(a, why);
	sync_entry_save(a, 0);
}

/*
 * The account stops before the job on the current entry is done (a long
 * wait asked by the platform): put the entry back as it was.
 */
void
sync_action_hold(struct sync_account *a, int job, const char *why)
{
	if (job == JOB_RECONCILE)
		sync_reconcile_reset(a);
	sync_action_requeue(a, why, job == JOB_ACTION);
	outbox_entry_clear(&a->entry);
}

/* An action failed: retry later, or give up and say why. */
static void
sync_action_failed(struct sync_account *a, enum platform_error err,
    const char *why)
{
	int64_t	wait, held;

	if (err == PLATFORM_ERR_AUTH) {
		/* Kept for after heed login: nothing is lost. */
		sync_action_requeue(a, why, 1);
		sync_auth_failed(a, why);
		return;
	}
	sync_entry_why(a, why);
	if ((err == PLATFORM_ERR_TEMPORARY || err == PLATFORM_ERR_RATE) &&
	    a->entry.attempts < SYNC_MAX_ATTEMPTS) {
		/* Nothing goes before the platform allows it anyway. */
		wait = sync_backoff(a->entry.attempts > 0 ?
		    a->entry.attempts : 1);
		held = (a->not_before - sync_mono(a) + 999) / 1000;
		if (held > wait)
			wait = held;
		a->entry.state = OUTBOX_QUEUED;
		a->entry.next_attempt = sync_time(a) + wait;
		log_warn("%s: %s not sent (%s); retrying in %llds", a->pa.name,
		    action_kind_name(a->entry.kind), why, (long long)wait);
	} else {
		a->entry.state = OUTBOX_FAILED;
		log_error("%s: %s failed: %s", a->pa.name,
		    action_kind_name(a->entry.kind), why);
	}
	if (sync_entry_save(a, 0) == 0 && a->entry.state == OUTBOX_QUEUED)
		sync_entry_later(a, 0);
}

/* Handle an answer to an action whose status says it was not done. */
static void
sync_action_refused(struct sync_account *a,
    const struct platform_response *resp)
{
	enum platform_error	 err;
	char			*cause = NULL, *msg;

	err = a->ops->classify(resp, &cause);
	if (resp->status >= 500 && err != PLATFORM_ERR_RATE &&
	    err != PLATFORM_ERR_SESSION && err != PLATFORM_ERR_AUTH) {
		/* A server error may come after the work was done. */
		msg = xprintf("the platform answered with an error (%s)",
		    cause != NULL ? cause : "a server error");
		sync_action_unknown(a, msg, 0);
		free(msg);
	} else if (err == PLATFORM_ERR_SESSION) {
		sync_action_requeue(a, NULL, 1);
		sync_session_expired(a, cause);
	} else if (err == PLATFORM_ERR_DUPLICATE && sync_checkable(a)) {
		/* Done before, by an attempt whose answer was lost. */
		sync_action_unknown(a, "the platform says it was done already",
		    1);
	} else if (err == PLATFORM_ERR_DUPLICATE &&
	    a->ops->reconcile_request != NULL) {
		log_info("%s: %s was already done; checking on it", a->pa.name,
		    action_kind_name(a->entry.kind));
		if (sync_start_reconcile(a)) {
			free(cause);
			return;		/* the entry goes on to the next job */
		}
	} else if (err == PLATFORM_ERR_DUPLICATE)
		sync_action_done(a, NULL);
	else if (err == PLATFORM_ERR_GONE && a->entry.kind == ACTION_DELETE)
		sync_action_done(a, NULL);	/* gone is what was asked */
	else if (err == PLATFORM_ERR_GONE)
		sync_action_failed(a, PLATFORM_ERR_PERMANENT, cause != NULL ?
		    cause : "it is no longer there");
	else
		sync_action_failed(a, err, cause != NULL ? cause :
		    "the platform refused it");
	free(cause);
	outbox_entry_clear(&a->entry);
}

/* Handle the answer to an action. */
void
sync_action_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct action_result	 res;
	char			*cause = NULL, *msg;

	memset(&res, 0, sizeof res);
	if (resp->status >= 200 && resp->status < 300) {
		a->session_tries = 0;
		if (a->ops->action_parse(&a->pa, &a->entry, resp, &res,
		    &cause) == 0)
			sync_action_done(a, &res);
		else if (a->ops->reconcile_request != NULL) {
			/* Taken, but the answer is unreadable: look for it. */
			msg = xprintf("the platform took it, but its answer "
			    "could not be read (%s)", cause);
			if (sync_checkable(a))
				sync_action_unknown(a, msg, 1);
			else
				sync_action_failed(a, PLATFORM_ERR_TEMPORARY,
				    msg);
			free(msg);
		} else
			sync_action_failed(a, PLATFORM_ERR_PERMANENT, cause);
	} else if (resp->error != TRANSPORT_OK && resp->request_sent) {
		(void)a->ops->classify(resp, &cause);
		msg = xprintf("no answer came (%s)", cause != NULL ? cause :
		    "the connection failed");
		sync_action_unknown(a, msg, 0);
		free(msg);
	} else if (resp->error != TRANSPORT_OK) {
		/* It never left: nothing can have been done; try again. */
		sync_action_refused(a, resp);
		goto out;
	} else {
		sync_action_refused(a, resp);
		goto out;
	}
	free(cause);
	action_result_clear(&res);
	outbox_entry_clear(&a->entry);
out:
	sync_notify(a->sync);
}

/*
 * Handle an answer to a look for what the entry made: found, it was sent;
 * missing, see sync_check_missing; unreadable or refused, the entry waits
 * for another look.
 */
void
sync_reconcile_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct action_result	 res;
	enum platform_error	 err;
	char			*cause = NULL, *msg;
	int			 rc;

	memset(&res, 0, sizeof res);
	if (resp->status < 200 || resp->status >= 300) {
		err = a->ops->classify(resp, &cause);
		if (err == PLATFORM_ERR_SESSION || err == PLATFORM_ERR_AUTH) {
			sync_reconcile_reset(a);
			sync_action_requeue(a, NULL, 0);
			if (err == PLATFORM_ERR_SESSION)
				sync_session_expired(a, cause);
			else
				sync_auth_failed(a, cause);
			goto out;
		}
		free(cause);
		cause = NULL;
	}
	rc = a->ops->reconcile_parse(&a->pa, &a->entry, resp, &res, &cause);
	if (rc == 1 && res.next != NULL) {
		/* Not on this page: read the next before believing it. */
		if (a->reconcile_pages < SYNC_MAX_RECONCILE_PAGES) {
			a->reconcile_pages++;
			free(a->reconcile_page);
			a->reconcile_page = res.next;
			res.next = NULL;
			a->pa.reconcile_page = a->reconcile_page;
			action_result_clear(&res);
			free(cause);
			if (sync_start_reconcile(a))
				return;
			goto out;
		}
		rc = -1;
		free(cause);
		cause = xstrdup("could not look through all the replies for "
		    "it");
	}
	sync_reconcile_reset(a);
	a->check_failures = rc == -1 ? a->check_failures + 1 : 0;
	if (rc == 0)
		sync_action_done(a, &res);
	else if (rc == 1 && a->entry.state == OUTBOX_CHECKING) {
		if (sync_check_missing(a) && a->job != JOB_NONE) {
			free(cause);
			action_result_clear(&res);
			return;		/* sent again: the entry goes on */
		}
	} else if (rc == 1) {
		/* Said done but not there: the same record key again. */
		sync_action_failed(a, PLATFORM_ERR_TEMPORARY,
		    "the platform said it was done, but it is not there");
	} else {
		msg = xprintf("could not check whether it went out%s%s",
		    cause != NULL ? ": " : "", cause != NULL ? cause : "");
		if (a->entry.state == OUTBOX_CHECKING) {
			a->entry.next_attempt = sync_time(a) +
			    sync_backoff(a->check_failures);
			sync_entry_why(a, msg);
			if (sync_entry_save(a, 0) == 0)
				sync_entry_later(a, 0);
		} else
			sync_action_failed(a, PLATFORM_ERR_TEMPORARY, msg);
		free(msg);
	}
out:
	sync_reconcile_reset(a);
	free(cause);
	action_result_clear(&res);
	outbox_entry_clear(&a->entry);
	sync_notify(a->sync);
}

/* Return 1 if a page lists id among the items gone from the platform. */
static int
sync_page_gone(const struct sync_page *page, const char *id)
{
	size_t	i;

	for (i = 0; i < page->ngone; i++) {
		if (strcmp(page->gone[i], id) == 0)
			return 1;
	}
	return 0;
}

/*
 * Handle the answer to whether a reply's target still exists: gone, the
 * item is marked deleted there and the reply is not sent (it stays in
 * the outbox, failed, to be edited or discarded); there, it is sent.
 */
void
sync_target_response(struct sync_account *a,
    const struct platform_response *resp)
{
	struct sync_page	 page;
	enum platform_error	 err = PLATFORM_ERR_TEMPORARY;
	char			*cause = NULL, *msg;
	int			 rc = -1;

	memset(&page, 0, sizeof page);
	if (resp->status < 200 || resp->status >= 300)
		err = a->ops->classify(resp, &cause);
	/* An error may be the answer ("no such record"): it decides. */
	if (err != PLATFORM_ERR_SESSION && err != PLATFORM_ERR_AUTH &&
	    err != PLATFORM_ERR_RATE) {
		free(cause);
		cause = NULL;
		err = PLATFORM_ERR_TEMPORARY;
		rc = a->ops->recheck_parse(&a->pa, &a->entry.target_remote_id,
		    1, resp, &page, &cause);
	}
	if (rc != 0 && err == PLATFORM_ERR_SESSION) {
		sync_action_requeue(a, NULL, 0);
		sync_session_expired(a, cause);
	} else if (rc != 0) {
		msg = xprintf("could not check that the comment it answers "
		    "still exists: %s", cause != NULL ? cause : "?");
		sync_action_failed(a, err == PLATFORM_ERR_AUTH ? err :
		    err == PLATFORM_ERR_RATE ? err : PLATFORM_ERR_TEMPORARY,
		    msg);
		free(msg);
	} else if (sync_page_gone(&page, a->entry.target_remote_id)) {
		if (store_ingest(a->sync->store, a->pa.id, NULL, 0, NULL,
		    page.gone, page.ngone, NULL, NULL, NULL, &cause) != 0) {
			log_error("%s: %s", a->pa.name, cause);
		}
		a->entry.state = OUTBOX_FAILED;
		sync_entry_why(a, "not sent: the comment it answers was "
		    "deleted on the platform; edit it into a draft or discard "
		    "it");
		log_warn("%s: a reply was not sent: the comment it answers "
		    "was deleted", a->pa.name);
		sync_entry_save(a, 0);
	} else {
		store_ingest(a->sync->store, a->pa.id, page.posts, page.nposts,
		    &page.items, NULL, 0, NULL, NULL, NULL, NULL);
		sync_page_clear(&page);
		free(cause);
		if (sync_send_action(a))
			return;
		sync_notify(a->sync);
		return;
	}
	sync_page_clear(&page);
	free(cause);
	outbox_entry_clear(&a->entry);
	sync_notify(a->sync);
}
