/*
 * clock.c -- the response clock; see clock.h. Wall time is business time
 * for an account with no hours set, and then nothing here reads a zone.
 */
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
