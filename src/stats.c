/*
 * stats.c -- the figures of the conversations of a span (stats.h): a
 * group's counts, median, 90th percentile, share within the target and
 * histogram, and the groups heed stats prints and the statistics screen
 * draws. It reads nothing and prints nothing: the conversations come
 * measured (stats-load.c), the figures go back as numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classify.h"
#include "stats.h"
#include "store.h"
#include "util.h"

/* Which conversations a group holds: all, or those of one key. */
enum stats_of {
	STATS_OF_ALL,
	STATS_OF_PLATFORM,
	STATS_OF_ACCOUNT,
	STATS_OF_KIND,
	STATS_OF_PERIOD
};

/* What a group is made of, for stats_in. */
struct stats_sel {
	int				 of;	/* enum stats_of */
	const char			*name;	/* a platform or a period */
	int64_t				 id;	/* an account or a kind */
	int				 by;
	const struct store_account	*acc;
	size_t				 nacc;
};

/* Start an empty set of the conversations begun in [since, until). */
void
stats_init(struct stats *st, int64_t since, int64_t until, int64_t now)
{
	memset(st, 0, sizeof *st);
	st->since = since;
	st->until = until;
	st->now = now;
}

/* Add a conversation to the set (copied). */
void
stats_add(struct stats *st, const struct stats_conv *c)
{
	if (st->n == st->cap) {
		st->cap = st->cap == 0 ? 1024 : st->cap * 2;
		st->v = xreallocarray(st->v, st->cap, sizeof *st->v);
	}
	st->v[st->n++] = *c;
}

/* Free the conversations of a set; stats_free(NULL) does nothing. */
void
stats_free(struct stats *st)
{
	if (st == NULL)
		return;
	free(st->v);
	st->v = NULL;
	st->n = st->cap = 0;
}

/* Compare two times, for qsort. */
static int
stats_cmp_time(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The p-th percentile (nearest rank) of n sorted times; -1 if n is 0. */
int64_t
stats_rank(const int64_t *t, size_t n, int p)
{
	size_t	k;

	if (n == 0)
		return -1;
	k = (n * (size_t)p + 99) / 100;
	return t[k > 0 ? k - 1 : 0];
}

/* The bucket of a first response that took waited (-1: none yet). */
int
stats_bucket(int64_t waited)
{
	if (waited < 0)
		return STATS_UNANSWERED;
	if (waited < 3600)
		return STATS_UNDER_1H;
	if (waited < 4 * 3600)
		return STATS_UNDER_4H;
	if (waited < 8 * 3600)
		return STATS_UNDER_8H;
	if (waited < 86400)
		return STATS_UNDER_1D;
	if (waited < 3 * 86400)
		return STATS_UNDER_3D;
	return STATS_OVER_3D;
}

/* Name a bucket, as a histogram labels it. */
const char *
stats_bucket_name(int b)
{
	static const char *const names[STATS_NBUCKETS] = {
		"<1h", "1-4h", "4-8h", "8-24h", "1-3d", ">3d", "unanswered"
	};

	if (b < 0 || b >= STATS_NBUCKETS)
		return "?";
	return names[b];
}

/* Work out the figures of n conversations. */
void
stats_sum(const struct stats_conv *v, size_t n, struct stats_row *r)
{
	int64_t	*t;
	size_t	 i, nt = 0;

	memset(r, 0, sizeof *r);
	t = xreallocarray(NULL, n > 0 ? n : 1, sizeof *t);
	for (i = 0; i < n; i++) {
		r->begun++;
		r->buckets[stats_bucket(v[i].waited)]++;
		if (v[i].waited >= 0) {
			r->answered++;
			t[nt++] = v[i].waited;
		} else
			r->waiting++;
		r->known += v[i].fate != STATS_OPEN;
		r->within += v[i].fate == STATS_WITHIN;
	}
	qsort(t, nt, sizeof *t, stats_cmp_time);
	r->median = stats_rank(t, nt, 50);
	r->p90 = stats_rank(t, nt, 90);
	free(t);
}

/* The share within the target in whole percent, rounded; -1 unknown. */
int
stats_share(const struct stats_row *r)
{
	if (r->known <= 0)
		return -1;
	return (int)((r->within * 100 + r->known / 2) / r->known);
}

/*
 * Format a duration to the minute ("2h10m", "1d4h", "45s"); "-" if it
 * is not known (negative).
 */
void
stats_age(int64_t t, char *buf, size_t len)
{
	if (t < 0)
		snprintf(buf, len, "-");
	else if (t < 60)
		snprintf(buf, len, "%llds", (long long)t);
	else if (t < 3600)
		snprintf(buf, len, "%lldm", (long long)(t / 60));
	else if (t < 86400)
		snprintf(buf, len, "%lldh%02lldm", (long long)(t / 3600),
		    (long long)(t % 3600 / 60));
	else
		snprintf(buf, len, "%lldd%lldh", (long long)(t / 86400),
		    (long long)(t % 86400 / 3600));
}

/* The word of a period: "day", "week" or "month" ("all" for none). */
const char *
stats_by_name(int by)
{
	switch (by) {
	case STATS_BY_DAY:
		return "day";
	case STATS_BY_WEEK:
		return "week";
	case STATS_BY_MONTH:
		return "month";
	}
	return "all";
}

/* The name of the period a time falls in, in local time. */
void
stats_period(int by, int64_t t, char *buf, size_t len)
{
	time_t		tt = (time_t)t;
	struct tm	tm;
	size_t		n;

	localtime_r(&tt, &tm);
	if (by == STATS_BY_DAY)
		n = strftime(buf, len, "%Y-%m-%d", &tm);
	else if (by == STATS_BY_WEEK)
		n = strftime(buf, len, "%G-W%V", &tm);
	else
		n = strftime(buf, len, "%Y-%m", &tm);
	if (n == 0)
		*buf = '\0';
}

/* The platform of an account, or "?". */
static const char *
stats_platform(const struct stats_sel *s, int64_t id)
{
	size_t	i;

	for (i = 0; i < s->nacc; i++) {
		if (s->acc[i].id == id)
			return s->acc[i].platform;
	}
	return "?";
}

/* Return 1 if a conversation belongs to the group s selects. */
static int
stats_in(const struct stats_sel *s, const struct stats_conv *c)
{
	char	name[32];

	switch (s->of) {
	case STATS_OF_PLATFORM:
		return strcmp(stats_platform(s, c->account_id), s->name) == 0;
	case STATS_OF_ACCOUNT:
		return c->account_id == s->id;
	case STATS_OF_KIND:
		return c->kind == s->id;
	case STATS_OF_PERIOD:
		stats_period(s->by, c->first, name, sizeof name);
		return strcmp(name, s->name) == 0;
	}
	return 1;
}

/*
 * Add the group s selects to *out as group key, unless it is empty and
 * not "all".
 */
static void
stats_group_add(const struct stats *st, const struct stats_sel *s,
    const char *group, const char *key, struct stats_group **out, size_t *n)
{
	struct stats_conv	*v;
	struct stats_row	 r;
	size_t			 i, nv = 0;

	v = xreallocarray(NULL, st->n > 0 ? st->n : 1, sizeof *v);
	for (i = 0; i < st->n; i++) {
		if (stats_in(s, &st->v[i]))
			v[nv++] = st->v[i];
	}
	stats_sum(v, nv, &r);
	free(v);
	if (r.begun == 0 && s->of != STATS_OF_ALL)
		return;
	*out = xreallocarray(*out, *n + 1, sizeof **out);
	(*out)[*n].group = group;
	(*out)[*n].key = xstrdup(key);
	(*out)[(*n)++].row = r;
}

/* Compare two names, for qsort. */
static int
stats_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the periods of the conversations, in order. */
static void
stats_periods(const struct stats *st, struct stats_sel *s,
    struct stats_group **out, size_t *n)
{
	char	**names = NULL, name[32];
	size_t	  nn = 0, i, j;

	for (i = 0; i < st->n; i++) {
		stats_period(s->by, st->v[i].first, name, sizeof name);
		for (j = 0; j < nn && strcmp(names[j], name) != 0; j++)
			;
		if (j == nn) {
			names = xreallocarray(names, nn + 1, sizeof *names);
			names[nn++] = xstrdup(name);
		}
	}
	qsort(names, nn, sizeof *names, stats_cmp_name);
	s->of = STATS_OF_PERIOD;
	for (i = 0; i < nn; i++) {
		s->name = names[i];
		stats_group_add(st, s, stats_by_name(s->by), names[i], out, n);
		free(names[i]);
	}
	free(names);
}

/*
 * Make the groups of a set, in the order heed stats prints them: all,
 * each platform, each account (when there are several), each kind, and
 * each period of by in order (none for STATS_BY_NONE); a group with no
 * conversation is left out, but for all. The array is new (free it with
 * stats_groups_free); its group names are lent.
 */
size_t
stats_groups(const struct stats *st, const struct store_account *acc,
    size_t nacc, int by, struct stats_group **out)
{
	static const int	kinds[] = { CLASSIFY_COMPLAINT,
				    CLASSIFY_QUESTION, CLASSIFY_PRAISE,
				    CLASSIFY_OTHER };
	struct stats_sel	s;
	size_t			i, j, n = 0;

	*out = NULL;
	memset(&s, 0, sizeof s);
	s.acc = acc;
	s.nacc = nacc;
	s.by = by;
	stats_group_add(st, &s, "all", "all", out, &n);
	s.of = STATS_OF_PLATFORM;
	for (i = 0; i < nacc; i++) {
		for (j = 0; j < i && strcmp(acc[j].platform,
		    acc[i].platform) != 0; j++)
			;
		s.name = acc[i].platform;
		if (j == i)
			stats_group_add(st, &s, "platform", s.name, out, &n);
	}
	s.of = STATS_OF_ACCOUNT;
	for (i = 0; nacc > 1 && i < nacc; i++) {
		s.id = acc[i].id;
		stats_group_add(st, &s, "account", acc[i].name, out, &n);
	}
	s.of = STATS_OF_KIND;
	for (i = 0; i < nitems(kinds); i++) {
		s.id = kinds[i];
		stats_group_add(st, &s, "kind", classify_kind_name(
		    (enum classify_kind)kinds[i]), out, &n);
	}
	if (by != STATS_BY_NONE)
		stats_periods(st, &s, out, &n);
	return n;
}

/* Free the groups stats_groups made. */
void
stats_groups_free(struct stats_group *g, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(g[i].key);
	free(g);
}
