/*
 * clock.c -- the response clock; see clock.h. Wall time is business time
 * for an account with no hours set, and then nothing here reads a zone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "store.h"
#include "util.h"

/* Read what an account (NULL: the top of the file) says; 0 or -1. */
static int
clock_read(struct clock_account *ca, const struct config *cfg,
    const struct config_account *a, char **cause)
{
	ca->target = config_int(cfg, a, OPT_RESPONSE_TARGET);
	return config_hours(cfg, a, &ca->h, cause);
}

/* Read the accounts' targets and hours; see clock.h. */
int
clock_open(struct clock *c, const struct config *cfg, struct store *s,
    char **cause)
{
	struct store_account	*acc;
	struct clock_account	*ca;
	size_t			 n, i;

	memset(c, 0, sizeof *c);
	if (clock_read(&c->dflt, cfg, NULL, cause) != 0)
		return -1;
	if (store_account_list(s, &acc, &n, cause) != 0) {
		clock_close(c);
		return -1;
	}
	c->v = xcalloc(n > 0 ? n : 1, sizeof *c->v);
	c->simple = hours_always(&c->dflt.h);
	for (i = 0; i < n; i++) {
		ca = &c->v[c->n];
		ca->id = acc[i].id;
		if (clock_read(ca, cfg, config_account_find(cfg,
		    acc[i].name), cause) != 0) {
			store_account_list_free(acc, n);
			clock_close(c);
			return -1;
		}
		c->n++;
		if (!hours_always(&ca->h) || ca->target != c->dflt.target)
			c->simple = 0;
	}
	store_account_list_free(acc, n);
	return 0;
}

/* Free what clock_open read. */
void
clock_close(struct clock *c)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		hours_free(&c->v[i].h);
	free(c->v);
	hours_free(&c->dflt.h);
	memset(c, 0, sizeof *c);
}

/* The account's, or the default. */
static const struct clock_account *
clock_account(const struct clock *c, int64_t id)
{
	size_t	i;

	for (i = 0; i < c->n; i++) {
		if (c->v[i].id == id)
			return &c->v[i];
	}
	return &c->dflt;
}

/* The target of an account's conversations. */
int64_t
clock_target(const struct clock *c, int64_t id)
{
	return clock_account(c, id)->target;
}

/* Business seconds an account's customer waited from one time to another. */
int64_t
clock_waited(const struct clock *c, int64_t id, int64_t from, int64_t to)
{
	const struct clock_account	*ca = clock_account(c, id);

	if (to <= from)
		return 0;
	if (hours_always(&ca->h))
		return to - from;
	return hours_between(&ca->h, from, to);
}

/*
 * Whether more than secs business seconds have passed from a time to now:
 * never before they have in wall time (business time is no more), and
 * then when they were due before now. It walks only as far as secs, not
 * the whole wait, so an old message costs no more than a new one.
 */
int
clock_reached(const struct clock *c, int64_t id, int64_t from, int64_t now,
    int64_t secs)
{
	const struct clock_account	*ca = clock_account(c, id);

	if (now - from <= secs)
		return 0;
	if (hours_always(&ca->h))
		return 1;
	return hours_due(&ca->h, from, secs) < now;
}

/* Whether a wait from a time is past the account's target at now. */
int
clock_overdue(const struct clock *c, int64_t id, int64_t from, int64_t now)
{
	return clock_reached(c, id, from, now, clock_target(c, id));
}

/* The moment an account's wait from a time reaches its target. */
int64_t
clock_due(const struct clock *c, int64_t id, int64_t from)
{
	const struct clock_account	*ca = clock_account(c, id);

	return hours_due(&ca->h, from, ca->target);
}

/*
 * A span as people say it: "40m", "4h30m" under ten hours, "21h", then
 * days and hours ("8d5h"); short drops what follows the first unit.
 */
static void
clock_span(int64_t s, int brief, char *buf, size_t len)
{
	int64_t	d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;

	if (s < 60)
		snprintf(buf, len, "under a minute");
	else if (s < 3600)
		snprintf(buf, len, "%lldm", (long long)m);
	else if (s < 36000 && m > 0 && !brief)
		snprintf(buf, len, "%lldh%lldm", (long long)h, (long long)m);
	else if (s < 86400)
		snprintf(buf, len, "%lldh", (long long)h);
	else if (h > 0 && !brief)
		snprintf(buf, len, "%lldd%lldh", (long long)d, (long long)h);
	else
		snprintf(buf, len, "%lldd", (long long)d);
}

/*
 * What a row says of a wait from a time at now: how long until the
 * target ("in 40m", or "due in 40m" in words), or how far past it in
 * business time ("2h over").
 */
void
clock_say_due(const struct clock *c, int64_t id, int64_t from, int64_t now,
    int words, char *buf, size_t len)
{
	int64_t	due = clock_due(c, id, from), over;
	char	span[32];

	if (due > now) {
		/* Minutes count before the target: "in 3h59m", not "in 3h". */
		clock_span(due - now < 60 ? 60 : due - now, due - now >= 36000,
		    span, sizeof span);
		snprintf(buf, len, "%sin %s", words ? "due " : "", span);
		return;
	}
	if ((over = clock_waited(c, id, due, now)) < 60) {
		snprintf(buf, len, "due now");
		return;
	}
	clock_span(over, 1, span, sizeof span);
	snprintf(buf, len, "%s over", span);
}

/*
 * What the thread says of a wait from a time at now, in a sentence: how
 * long in all, how much of it in opening hours (when the account has
 * them), and how long until the target or how far past it.
 */
char *
clock_say_wait(const struct clock *c, int64_t id, int64_t from, int64_t now)
{
	const struct clock_account	*ca = clock_account(c, id);
	struct buf			 b;
	int64_t				 due = clock_due(c, id, from), open;
	char				 span[32];

	buf_init(&b, 0);
	clock_span(now > from ? now - from : 0, 0, span, sizeof span);
	buf_printf(&b, "Waiting %s", span);
	if (!hours_always(&ca->h)) {
		open = clock_waited(c, id, from, now);
		clock_span(open, 0, span, sizeof span);
		if (open == now - from)
			buf_addstr(&b, ", all of it in opening hours");
		else if (open < 60)
			buf_addstr(&b, ", none of it in opening hours");
		else
			buf_printf(&b, ", %s of it in opening hours", span);
	}
	if (due > now) {
		clock_span(due - now < 60 ? 60 : due - now, 0, span,
		    sizeof span);
		buf_printf(&b, ": due in %s (target ", span);
	} else {
		clock_span(clock_waited(c, id, due, now), 0, span,
		    sizeof span);
		buf_printf(&b, ": %s over the ", span);
	}
	clock_span(ca->target, 0, span, sizeof span);
	buf_printf(&b, due > now ? "%s)" : "%s target", span);
	if (!hours_always(&ca->h) && !hours_open_at(&ca->h, now))
		buf_addstr(&b, "; closed now");
	buf_addch(&b, '.');
	return buf_steal(&b);
}
