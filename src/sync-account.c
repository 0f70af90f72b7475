/*
 * sync-account.c -- what every part of the engine does to an account:
 * move it from one state to the next (sync_set_state, the one place that
 * does, and logs it), tell the UI, keep its messages, and arm the timers
 * that wake it (a backoff, a look at the outbox). The timers wake the
 * engine through its wake hook, so nothing here calls up into it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "loop.h"
#include "store.h"
#include "sync-private.h"
#include "util.h"

/* Name a state for the log. */
static const char *
sync_state_name(enum sync_state st)
{
	static const char *const names[] = {
		"idle", "ready", "paced", "sent", "held", "blocked"
	};

	return (size_t)st < sizeof names / sizeof names[0] ? names[st] : "?";
}

/* Name a job for the log. */
static const char *
sync_job_name(enum sync_job job)
{
	static const char *const names[] = {
		"none", "stream", "action", "session", "fetch", "reconcile",
		"target", "recheck", "marker"
	};

	return (size_t)job < sizeof names / sizeof names[0] ? names[job] :
	    "?";
}

/*
 * Move an account to a state, and log it. An account with no request
 * (idle, held, blocked) has no job either.
 */
void
sync_set_state(struct sync_account *a, enum sync_state to, const char *why)
{
	if (to == SYNC_ST_IDLE || to == SYNC_ST_HELD || to == SYNC_ST_BLOCKED)
		a->job = JOB_NONE;
	if (a->state == to)
		return;
	log_debug("%s: %s -> %s (%s%s%s)", a->pa.name,
	    sync_state_name(a->state), sync_state_name(to),
	    sync_job_name(a->job), why != NULL ? ": " : "",
	    why != NULL ? why : "");
	a->state = to;
}

/* The wall-clock time in seconds, as the engine's loop tells it. */
int64_t
sync_time(const struct sync_account *a)
{
	return loop_now(a->sync->loop);
}

/* The monotonic time in milliseconds, as the engine's loop tells it. */
int64_t
sync_mono(const struct sync_account *a)
{
	return loop_mono_ms(a->sync->loop);
}

/* A request for job is built in a->req: the engine sends it next. */
void
sync_ready(struct sync_account *a, enum sync_job job)
{
	a->job = job;
	sync_set_state(a, SYNC_ST_READY, NULL);
}

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
 * A look for a lost outcome is due at a time (a check delay, not a retry
 * after a failed look): a run of heed sync stays for it when it is soon.
 */
void
sync_look_at(struct sync *s, int64_t when)
{
	if (s->check_at == 0 || when < s->check_at)
		s->check_at = when;
}

/* Look at the outbox when a backoff or a check delay runs out. */
static void
sync_retry_fire(void *arg)
{
	struct sync	*s = arg;

	s->retry_timer = 0;
	s->retry_at = 0;
	if (s->check_at <= loop_now(s->loop))
		s->check_at = 0;
	s->wake(s, NULL);
	sync_outbox_schedule(s);
}

/*
 * Arrange for the outbox to be looked at again after secs, unless it is
 * to be looked at sooner already.
 */
void
sync_retry_later(struct sync *s, int64_t secs)
{
	int64_t	at = loop_mono_ms(s->loop) + secs * 1000;

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
void
sync_outbox_schedule(struct sync *s)
{
	int64_t	 when = 0, now = loop_now(s->loop);
	char	*cause = NULL;

	if (store_outbox_next_event(s->store, now, &when, &cause) != 0) {
		log_error("outbox: %s", cause);
		free(cause);
		return;
	}
	/*
	 * What is due now is sent as soon as its account is idle (each
	 * answer gives the idle accounts a turn): a timer for it could only
	 * fire again and again while the account is busy.
	 */
	if (when > now)
		sync_retry_later(s, when - now);
}

/* Try the current page again after a while. */
static void
sync_retry_page(void *arg)
{
	struct sync_account	*a = arg;

	a->retry_timer = 0;
	a->sync->wake(a->sync, a);
}

/* Arrange for sync_retry_page after secs, replacing an earlier plan. */
void
sync_arm_retry(struct sync_account *a, int64_t secs)
{
	if (a->retry_timer != 0)
		loop_timer_cancel(a->sync->loop, a->retry_timer);
	a->retry_timer = loop_timer_add(a->sync->loop, secs * 1000,
	    sync_retry_page, a);
}
