/*
 * hours.c -- a shop's business hours and the business seconds between
 * two times.
 *
 * Local times go through localtime_r and mktime under the shop's zone,
 * which hours_zoned sets in TZ for the length of one call. Time is walked
 * a local day at a time: a day costs one mktime, and a day on which the
 * clocks move one more a span. After a year of days the rest of a long
 * span is counted in whole weeks from the weekly table, closed dates
 * taken out but clock changes not seen; a span of years is rare and
 * costs no more than one of a year. The settings are parsed in
 * hours-parse.c.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hours.h"
#include "util.h"

#define HOURS_WEEK	(7 * HOURS_DAY)
/* Days walked one by one before the rest of a span goes by weeks. */
#define HOURS_EXACT_DAYS 371
/* The times hours knows, UTC 1900-01-01 to 10000-01-01: others clamp. */
#define HOURS_FIRST	((int64_t)-2208988800)
#define HOURS_LAST	((int64_t)253402300800)

/*
 * One local day of a walk: its first moment, the next day's, and its
 * open spans as moments. A closed date has no spans.
 */
struct hours_walk {
	const struct hours	*h;
	int64_t			 day;	/* local days since 1970-01-01 */
	int64_t			 start;
	int64_t			 end;
	int			 n;
	int64_t			 open[HOURS_SPANS];
	int64_t			 close[HOURS_SPANS];
};

/* The arguments and result of one call run under the zone. */
struct hours_call {
	const struct hours	*h;
	int64_t			 a;
	int64_t			 b;
	int64_t			 result;
};

/* Divide, rounding towards minus infinity. */
static int64_t
hours_floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

/* Keep t within the times hours knows. */
static int64_t
hours_clamp(int64_t t)
{
	if (t < HOURS_FIRST)
		return HOURS_FIRST;
	if (t > HOURS_LAST)
		return HOURS_LAST;
	return t;
}

/* The weekday of a count of days since 1970-01-01 (a Thursday). */
static int
hours_weekday(int64_t day)
{
	return (int)(((day % 7) + 11) % 7);
}

/*
 * Run fn(arg) on the clock of h's zone: TZ set to it for the call and put
 * back as it was afterwards, tzset both times (localtime_r does not look
 * at TZ itself). The one place that touches TZ; heed has one thread.
 */
static void
hours_zoned(const struct hours *h, void (*fn)(void *), void *arg)
{
	const char	*old;
	char		*saved = NULL;

	old = getenv("TZ");
	if (h->zone == NULL || (old != NULL && strcmp(old, h->zone) == 0)) {
		tzset();
		fn(arg);
		return;
	}
	if (old != NULL)
		saved = xstrdup(old);
	if (setenv("TZ", h->zone, 1) != 0)
		fatal("setenv TZ failed");
	tzset();
	fn(arg);
	if (saved != NULL) {
		if (setenv("TZ", saved, 1) != 0)
			fatal("setenv TZ failed");
		free(saved);
	} else
		unsetenv("TZ");
	tzset();
}

/* What the clock shows at t, in seconds since 1970-01-01 as if UTC. */
static int64_t
hours_local(int64_t t)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return t;
	return util_days_from_civil(tm.tm_year + 1900LL, tm.tm_mon + 1,
	    tm.tm_mday) * HOURS_DAY + tm.tm_hour * 3600 + tm.tm_min * 60 +
	    tm.tm_sec;
}

/* mktime's moment for local time u, tm_isdst left to it. */
static int64_t
hours_mktime(int64_t u)
{
	struct tm	tm;
	time_t		t;
	int64_t		days, secs, y;
	int		m, d;

	days = hours_floor_div(u, HOURS_DAY);
	secs = u - days * HOURS_DAY;
	util_civil_from_days(days, &y, &m, &d);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = (int)(y - 1900);
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = (int)(secs / 3600);
	tm.tm_min = (int)(secs / 60 % 60);
	tm.tm_sec = (int)(secs % 60);
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 && hours_local(-1) != u)
		return u;
	return (int64_t)t;
}

/*
 * The first moment at which the clock shows local time u or later. When
 * the clock goes back, a time shown twice is its first showing; when it
 * jumps ahead, a time never shown is the first moment after the gap.
 * mktime guesses; the offsets a day before and after the guess give the
 * candidates, as no zone moves its clock twice in a day.
 */
static int64_t
hours_instant(int64_t u)
{
	int64_t	guess, c[3], best, lo, hi, mid;
	size_t	i;

	guess = hours_mktime(u);
	c[0] = guess;
	c[1] = u - (hours_local(guess - HOURS_DAY) - (guess - HOURS_DAY));
	c[2] = u - (hours_local(guess + HOURS_DAY) - (guess + HOURS_DAY));
	if (c[1] == c[2] && c[1] == guess && hours_local(guess) == u)
		return guess;
	best = INT64_MAX;
	for (i = 0; i < nitems(c); i++) {
		if (c[i] < best && hours_local(c[i]) == u)
			best = c[i];
	}
	if (best != INT64_MAX)
		return best;

	/* In a gap: the clock passes u between the two candidates. */
	lo = c[1] < c[2] ? c[1] : c[2];
	hi = c[1] < c[2] ? c[2] : c[1];
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (hours_local(mid) >= u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The closed range holding a day, or NULL. */
static const struct hours_closed *
hours_closed_at(const struct hours *h, int64_t day)
{
	size_t	lo = 0, hi = h->nclosed, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->closed[mid].last < day)
			lo = mid + 1;
		else if (h->closed[mid].first > day)
			hi = mid;
		else
			return &h->closed[mid];
	}
	return NULL;
}

/*
 * Fill in the spans of the walk's day as moments. A day of 86,400 seconds
 * is taken to have no clock change in it, so its spans are offsets from
 * its start; on other days each edge asks the clock.
 */
static void
hours_walk_spans(struct hours_walk *w)
{
	const struct hours_day	*hd;
	const struct hours_span	*s;
	int64_t			 u = w->day * HOURS_DAY;
	int			 plain, i;

	w->n = 0;
	if (hours_closed_at(w->h, w->day) != NULL)
		return;
	hd = &w->h->day[hours_weekday(w->day)];
	plain = (w->end - w->start == HOURS_DAY);
	for (i = 0; i < hd->nspans; i++) {
		s = &hd->span[i];
		if (plain) {
			w->open[i] = w->start + s->open;
			w->close[i] = w->start + s->close;
			continue;
		}
		w->open[i] = hours_instant(u + s->open);
		if (s->close == HOURS_DAY)
			w->close[i] = w->end;
		else
			w->close[i] = hours_instant(u + s->close);
	}
	w->n = hd->nspans;
}

/* Put the walk on a local day. */
static void
hours_walk_seek(struct hours_walk *w, int64_t day)
{
	w->day = day;
	w->start = hours_instant(day * HOURS_DAY);
	w->end = hours_instant((day + 1) * HOURS_DAY);
	hours_walk_spans(w);
}

/* Start a walk on the local day of t. */
static void
hours_walk_init(struct hours_walk *w, const struct hours *h, int64_t t)
{
	w->h = h;
	hours_walk_seek(w, hours_floor_div(hours_local(t), HOURS_DAY));
}

/* Move the walk on a day, past a run of closed dates at once. */
static void
hours_walk_next(struct hours_walk *w)
{
	const struct hours_closed	*c;

	c = hours_closed_at(w->h, w->day + 1);
	if (c != NULL) {
		hours_walk_seek(w, c->last + 1);
		return;
	}
	w->day++;
	w->start = w->end;
	w->end = hours_instant((w->day + 1) * HOURS_DAY);
	hours_walk_spans(w);
}

/* Open seconds of one weekday by the table. */
static int64_t
hours_day_secs(const struct hours *h, int wday)
{
	const struct hours_day	*hd = &h->day[wday];
	int64_t			 total = 0;
	int			 i;

	for (i = 0; i < hd->nspans; i++)
		total += hd->span[i].close - hd->span[i].open;
	return total;
}

/* Open seconds of the days [first, end) by the weekly table alone. */
static int64_t
hours_table(const struct hours *h, int64_t first, int64_t end)
{
	int64_t	n = end - first, total, i;

	total = n / 7 * h->week;
	for (i = 0; i < n % 7; i++)
		total += hours_day_secs(h, hours_weekday(first + i));
	return total;
}

/*
 * Open seconds of the days [first, end) by the weekly table with the
 * closed dates taken out, clock changes not seen: the count of the part
 * of a long span that is not walked.
 */
static int64_t
hours_plain(const struct hours *h, int64_t first, int64_t end)
{
	int64_t	total, a, b;
	size_t	i;

	total = hours_table(h, first, end);
	for (i = 0; i < h->nclosed; i++) {
		a = h->closed[i].first > first ? h->closed[i].first : first;
		b = h->closed[i].last + 1 < end ? h->closed[i].last + 1 : end;
		if (a < b)
			total -= hours_table(h, a, b);
	}
	return total;
}

/* Business seconds in [a, b) of a call, under the zone. */
static void
hours_between_zoned(void *arg)
{
	struct hours_call	*c = arg;
	struct hours_walk	 w;
	int64_t			 total = 0, weeks, o, e;
	int			 walked = 0, i;

	hours_walk_init(&w, c->h, c->a);
	for (;;) {
		for (i = 0; i < w.n; i++) {
			o = w.open[i] > c->a ? w.open[i] : c->a;
			e = w.close[i] < c->b ? w.close[i] : c->b;
			if (o < e)
				total += e - o;
		}
		if (w.end >= c->b)
			break;
		if (++walked > HOURS_EXACT_DAYS &&
		    c->b - w.end > 2 * HOURS_WEEK) {
			weeks = (c->b - w.end) / HOURS_WEEK - 1;
			total += hours_plain(c->h, w.day + 1,
			    w.day + 1 + 7 * weeks);
			hours_walk_seek(&w, w.day + 1 + 7 * weeks);
			continue;
		}
		hours_walk_next(&w);
	}
	c->result = total;
}

/* Count the business seconds in [from, to); 0 if to <= from. */
int64_t
hours_between(const struct hours *h, int64_t from, int64_t to)
{
	struct hours_call	c;

	if (to <= from)
		return 0;
	if (h->always)
		return to - from;
	c.h = h;
	c.a = hours_clamp(from);
	c.b = hours_clamp(to);
	c.result = 0;
	if (c.a < c.b)
		hours_zoned(h, hours_between_zoned, &c);
	return c.result;
}

/*
 * Skip whole weeks of a long wait by the table, leaving more than a week
 * of business seconds to walk; *left is what remains after them.
 */
static void
hours_due_weeks(struct hours_walk *w, int64_t *left)
{
	int64_t	weeks, most;

	weeks = *left / w->h->week - 1;
	most = (HOURS_LAST / HOURS_DAY - (w->day + 1)) / 7;
	if (weeks > most)
		weeks = most;
	if (weeks <= 0) {
		hours_walk_next(w);
		return;
	}
	*left -= hours_plain(w->h, w->day + 1, w->day + 1 + 7 * weeks);
	hours_walk_seek(w, w->day + 1 + 7 * weeks);
}

/* The moment b business seconds after a, under the zone. */
static void
hours_due_zoned(void *arg)
{
	struct hours_call	*c = arg;
	struct hours_walk	 w;
	int64_t			 left = c->b, o;
	int			 walked = 0, i;

	hours_walk_init(&w, c->h, c->a);
	for (;;) {
		for (i = 0; i < w.n; i++) {
			o = w.open[i] > c->a ? w.open[i] : c->a;
			if (w.close[i] <= o)
				continue;
			if (left <= w.close[i] - o) {
				c->result = o + left;
				return;
			}
			left -= w.close[i] - o;
		}
		if (w.end >= HOURS_LAST) {
			c->result = HOURS_LAST;
			return;
		}
		if (++walked > HOURS_EXACT_DAYS && left > 2 * c->h->week)
			hours_due_weeks(&w, &left);
		else
			hours_walk_next(&w);
	}
}

/*
 * The moment at which secs business seconds have passed since from: a
 * wait that began at from is due then. From itself if secs <= 0.
 */
int64_t
hours_due(const struct hours *h, int64_t from, int64_t secs)
{
	struct hours_call	c;

	if (secs <= 0)
		return from;
	if (h->always || from >= HOURS_LAST)
		return from > 0 && secs > INT64_MAX - from ? INT64_MAX :
		    from + secs;
	c.h = h;
	c.a = hours_clamp(from);
	c.b = secs;
	c.result = c.a;
	hours_zoned(h, hours_due_zoned, &c);
	return c.result;
}

/* Whether moment a is within an open span, under the zone. */
static void
hours_open_zoned(void *arg)
{
	struct hours_call	*c = arg;
	struct hours_walk	 w;
	int			 i;

	hours_walk_init(&w, c->h, c->a);
	c->result = 0;
	for (i = 0; i < w.n; i++) {
		if (w.open[i] <= c->a && c->a < w.close[i])
			c->result = 1;
	}
}

/* Say whether the shop is open at t: at its opening second, not closing. */
int
hours_open_at(const struct hours *h, int64_t t)
{
	struct hours_call	c;

	if (h->always)
		return 1;
	if (t < HOURS_FIRST || t >= HOURS_LAST)
		return 0;
	c.h = h;
	c.a = t;
	c.b = 0;
	c.result = 0;
	hours_zoned(h, hours_open_zoned, &c);
	return (int)c.result;
}

/*
 * The first moment from c->a on at which the shop is closed, under the
 * zone: spans that meet (24:00 and 00:00) run on. The walk stops once a
 * whole week is open on end; the days walked are counted as a bound
 * only (the first starts at midnight, and a day may be 23 hours).
 */
static void
hours_open_until_zoned(void *arg)
{
	struct hours_call	*c = arg;
	struct hours_walk	 w;
	int64_t			 end = c->a;
	int			 i, days, moved;

	hours_walk_init(&w, c->h, c->a);
	for (days = 0; days < 10; days++) {
		do {
			for (moved = 0, i = 0; i < w.n; i++) {
				if (w.open[i] <= end && end < w.close[i]) {
					end = w.close[i];
					moved = 1;
				}
			}
		} while (moved);
		if (end < w.end || end - c->a >= HOURS_WEEK)
			break;
		hours_walk_next(&w);
	}
	c->result = end;
}

/*
 * The first moment from t on at which the shop is closed; t if it is. A
 * shop open a whole week on end gives a moment a week or more on.
 */
int64_t
hours_open_until(const struct hours *h, int64_t t)
{
	struct hours_call	c;

	if (h->always)
		return t + HOURS_WEEK;
	if (t < HOURS_FIRST || t >= HOURS_LAST)
		return t;
	c.h = h;
	c.a = t;
	c.b = 0;
	c.result = t;
	hours_zoned(h, hours_open_until_zoned, &c);
	return c.result;
}

/* Say whether neither hours nor closed dates are set. */
int
hours_always(const struct hours *h)
{
	return h->always;
}

/* Free what hours_parse gave; h is left empty. */
void
hours_free(struct hours *h)
{
	if (h == NULL)
		return;
	free(h->closed);
	free(h->zone);
	memset(h, 0, sizeof *h);
}
