/*
 * test-hours.c -- business hours (src/hours.c) as tables of cases: the
 * business seconds between two times, when a number of them has passed,
 * whether the shop is open, and every message a bad setting gives. Every
 * case names its zone, so the machine's own does not matter; the cases
 * of the system's local time set TZ themselves.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "hours.h"
#include "util.h"

#define AMS	"Europe/Amsterdam"
#define NYC	"America/New_York"
#define TYO	"Asia/Tokyo"
#define WEEKDAYS "mon-fri 09:00-17:00"
#define LUNCH	"tue-sat 10:00-12:30 13:30-18:00"

/* The epoch seconds of an RFC 3339 time with its offset. */
static int64_t
at(const char *s)
{
	int64_t	ms;

	if (util_parse_time_ms(s, &ms) != 0)
		fail_msg("bad time in a case: %s", s);
	return ms / 1000;
}

/* Parse settings a case gives, failing the test if they are refused. */
static void
parse_ok(struct hours *h, const char *hours, const char *closed,
    const char *tz)
{
	char	*cause = NULL;

	if (hours_parse(h, hours, closed, tz, &cause) != 0)
		fail_msg("\"%s\" / \"%s\" / \"%s\" refused: %s",
		    hours != NULL ? hours : "(unset)",
		    closed != NULL ? closed : "(unset)",
		    tz != NULL ? tz : "(unset)", cause);
}

/* Set TZ to value (NULL: unset it) and tell libc. */
static void
set_tz(const char *value)
{
	if (value == NULL)
		unsetenv("TZ");
	else
		setenv("TZ", value, 1);
	tzset();
}

/* A case of hours_between: settings, a span and its business seconds. */
struct between_case {
	const char	*what;
	const char	*tz, *hours, *closed;
	const char	*from, *to;
	int64_t		 want;
};

/* Run a table of hours_between cases. */
static void
run_between(const struct between_case *cases, size_t n)
{
	struct hours	h;
	int64_t		got;
	size_t		i;

	for (i = 0; i < n; i++) {
		parse_ok(&h, cases[i].hours, cases[i].closed, cases[i].tz);
		got = hours_between(&h, at(cases[i].from), at(cases[i].to));
		if (got != cases[i].want)
			fail_msg("%s: %lld seconds, expected %lld",
			    cases[i].what, (long long)got,
			    (long long)cases[i].want);
		hours_free(&h);
	}
}

/* Nights, weekends, closed days, lunch breaks and whole days. */
static void
test_hours_between_counts_opening_hours(void **state)
{
	static const struct between_case cases[] = {
		{ "a comment at 22:00 answered 09:30 the next day", AMS,
		    WEEKDAYS, NULL, "2026-03-02T22:00:00+01:00",
		    "2026-03-03T09:30:00+01:00", 1800 },
		{ "within the day", AMS, WEEKDAYS, NULL,
		    "2026-03-02T10:00:00+01:00", "2026-03-02T12:15:00+01:00",
		    8100 },
		{ "before opening", AMS, WEEKDAYS, NULL,
		    "2026-03-03T06:00:00+01:00", "2026-03-03T08:59:00+01:00",
		    0 },
		{ "to before from", AMS, WEEKDAYS, NULL,
		    "2026-03-03T12:00:00+01:00", "2026-03-03T10:00:00+01:00",
		    0 },
		{ "over a weekend", AMS, WEEKDAYS, NULL,
		    "2026-03-06T16:00:00+01:00", "2026-03-09T10:00:00+01:00",
		    7200 },
		{ "over a weekend with Saturday open", AMS,
		    WEEKDAYS ", sat 10:00-16:00", NULL,
		    "2026-03-06T16:00:00+01:00", "2026-03-09T10:00:00+01:00",
		    28800 },
		{ "over a closed Wednesday", AMS, WEEKDAYS, "2026-03-04",
		    "2026-03-03T16:00:00+01:00", "2026-03-05T10:00:00+01:00",
		    7200 },
		{ "over a closed range", AMS, WEEKDAYS,
		    "2026-03-03..2026-03-05", "2026-03-02T16:00:00+01:00",
		    "2026-03-06T10:00:00+01:00", 7200 },
		{ "the lunch break is not counted", AMS, LUNCH, NULL,
		    "2026-03-03T11:00:00+01:00", "2026-03-03T15:00:00+01:00",
		    10800 },
		{ "within the lunch break", AMS, LUNCH, NULL,
		    "2026-03-03T12:45:00+01:00", "2026-03-03T13:15:00+01:00",
		    0 },
		{ "a whole day with two spans", AMS, LUNCH, NULL,
		    "2026-03-03T00:00:00+01:00", "2026-03-04T00:00:00+01:00",
		    25200 },
		{ "Monday is not in tue-sat", AMS, LUNCH, NULL,
		    "2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00",
		    0 },
		{ "24h", AMS, "sat 24h", NULL, "2026-03-06T12:00:00+01:00",
		    "2026-03-08T12:00:00+01:00", 86400 },
		{ "00:00-24:00", AMS, "sat 00:00-24:00", NULL,
		    "2026-03-06T12:00:00+01:00", "2026-03-08T12:00:00+01:00",
		    86400 },
		{ "a range of days that wraps", AMS, "fri-mon 10-14", NULL,
		    "2026-03-05T00:00:00+01:00", "2026-03-11T00:00:00+01:00",
		    57600 },
		{ "a later entry replaces a day", AMS, WEEKDAYS ", wed closed",
		    NULL, "2026-03-02T00:00:00+01:00",
		    "2026-03-07T00:00:00+01:00", 115200 },
		{ "a later entry replaces a day's spans", AMS,
		    "mon-sun 09:00-17:00, sun 10:00-11:00", NULL,
		    "2026-03-08T00:00:00+01:00", "2026-03-09T00:00:00+01:00",
		    3600 },
		{ "hours unset: wall time", AMS, NULL, NULL,
		    "2026-03-02T22:00:00+01:00", "2026-03-03T09:30:00+01:00",
		    41400 },
		{ "hours unset, a closed date", AMS, NULL, "2026-03-03",
		    "2026-03-02T12:00:00+01:00", "2026-03-04T12:00:00+01:00",
		    86400 },
		{ "hours empty: wall time", AMS, "  ", "",
		    "2026-03-02T22:00:00+01:00", "2026-03-03T09:30:00+01:00",
		    41400 },
	};

	(void)state;
	run_between(cases, nitems(cases));
}

/*
 * Europe/Amsterdam moves its clocks on 29 March 2026 (02:00 becomes
 * 03:00) and 25 October 2026 (03:00 becomes 02:00): a span counts the
 * seconds that really pass, and an opening at a time that does not exist
 * is the first moment after the gap.
 */
static void
test_hours_between_counts_real_seconds_over_dst(void **state)
{
	static const struct between_case cases[] = {
		{ "a 23-hour night, open all day", AMS, "mon-sun 24h", NULL,
		    "2026-03-28T12:00:00+01:00", "2026-03-29T12:00:00+02:00",
		    82800 },
		{ "a 25-hour night, open all day", AMS, "mon-sun 24h", NULL,
		    "2026-10-24T12:00:00+02:00", "2026-10-25T12:00:00+01:00",
		    90000 },
		{ "the spring Sunday has 23 hours", AMS, "sun 00:00-24:00",
		    NULL, "2026-03-28T00:00:00+01:00",
		    "2026-03-30T00:00:00+02:00", 82800 },
		{ "the autumn Sunday has 25 hours", AMS, "sun 00:00-24:00",
		    NULL, "2026-10-24T00:00:00+02:00",
		    "2026-10-26T00:00:00+01:00", 90000 },
		{ "01:00-04:00 over the spring gap", AMS, "sun 01:00-04:00",
		    NULL, "2026-03-29T00:00:00+01:00",
		    "2026-03-30T00:00:00+02:00", 7200 },
		{ "01:00-04:00 over the autumn hour", AMS, "sun 01:00-04:00",
		    NULL, "2026-10-25T00:00:00+02:00",
		    "2026-10-26T00:00:00+01:00", 14400 },
		{ "an opening at 02:30 that does not exist", AMS,
		    "sun 02:30-05:00", NULL, "2026-03-29T00:00:00+01:00",
		    "2026-03-30T00:00:00+02:00", 7200 },
		{ "an opening at the first 02:30 of two", AMS,
		    "sun 02:30-05:00", NULL, "2026-10-25T00:00:00+02:00",
		    "2026-10-26T00:00:00+01:00", 12600 },
		{ "a night over the change, office hours", AMS,
		    "mon-sat 09:00-17:00", NULL, "2026-03-28T16:00:00+01:00",
		    "2026-03-30T10:00:00+02:00", 7200 },
		{ "Monday opens at 09:00 summer time", AMS, WEEKDAYS, NULL,
		    "2026-03-30T08:30:00+02:00", "2026-03-30T09:30:00+02:00",
		    1800 },
		{ "Monday opens at 09:00 winter time", AMS, WEEKDAYS, NULL,
		    "2026-10-26T08:30:00+01:00", "2026-10-26T09:30:00+01:00",
		    1800 },
	};

	(void)state;
	run_between(cases, nitems(cases));
}

/*
 * The same epoch times in New York and Tokyo: the office day of one is
 * the night of the other. New York moves its clocks on 8 March 2026,
 * Tokyo never.
 */
static void
test_hours_between_follows_the_zone(void **state)
{
	static const struct between_case cases[] = {
		{ "New York's Monday", NYC, WEEKDAYS, NULL,
		    "2026-03-02T14:00:00Z", "2026-03-02T22:00:00Z", 28800 },
		{ "New York's Monday is Tokyo's night", TYO, WEEKDAYS, NULL,
		    "2026-03-02T14:00:00Z", "2026-03-02T22:00:00Z", 0 },
		{ "Tokyo's Tuesday is New York's night", NYC, WEEKDAYS, NULL,
		    "2026-03-03T00:00:00Z", "2026-03-03T08:00:00Z", 0 },
		{ "Tokyo's Tuesday", TYO, WEEKDAYS, NULL,
		    "2026-03-03T00:00:00Z", "2026-03-03T08:00:00Z", 28800 },
		{ "New York over its clock change", NYC, WEEKDAYS, NULL,
		    "2026-03-06T14:00:00Z", "2026-03-09T14:00:00Z", 32400 },
		{ "Tokyo over New York's clock change", TYO, WEEKDAYS, NULL,
		    "2026-03-06T14:00:00Z", "2026-03-09T14:00:00Z", 28800 },
	};

	(void)state;
	run_between(cases, nitems(cases));
}

/*
 * An unset time_zone is the system's local time, whatever TZ says when
 * the call is made; and every call leaves TZ as it found it.
 */
static void
test_hours_system_zone_and_tz_restored(void **state)
{
	struct hours	h, tokyo;
	int64_t		from = at("2026-03-03T00:00:00Z");
	int64_t		to = at("2026-03-03T08:00:00Z");
	const char	*tz;

	(void)state;
	parse_ok(&h, WEEKDAYS, NULL, NULL);
	assert_null(h.zone);
	set_tz(":" HOURS_ZONEINFO "/" TYO);
	assert_int_equal(hours_between(&h, from, to), 28800);
	set_tz(":" HOURS_ZONEINFO "/" NYC);
	assert_int_equal(hours_between(&h, from, to), 0);
	hours_free(&h);
	parse_ok(&h, WEEKDAYS, NULL, "");
	assert_null(h.zone);
	hours_free(&h);

	parse_ok(&tokyo, WEEKDAYS, NULL, TYO);
	set_tz("UTC0");
	assert_int_equal(hours_between(&tokyo, from, to), 28800);
	assert_int_equal(hours_open_at(&tokyo, from), 1);
	assert_int_equal(hours_due(&tokyo, from, 60), from + 60);
	tz = getenv("TZ");
	assert_non_null(tz);
	assert_string_equal(tz, "UTC0");
	set_tz(NULL);
	assert_int_equal(hours_between(&tokyo, from, to), 28800);
	assert_null(getenv("TZ"));
	hours_free(&tokyo);
}

/* A case of hours_due: settings, a start, seconds, and when they end. */
struct due_case {
	const char	*what;
	const char	*tz, *hours, *closed;
	const char	*from;
	int64_t		 secs;
	const char	*want;
};

/* When a number of business seconds has passed since a time. */
static void
test_hours_due_skips_closed_time(void **state)
{
	static const struct due_case cases[] = {
		{ "40 minutes over a weekend", AMS, WEEKDAYS, NULL,
		    "2026-03-06T16:30:00+01:00", 2400,
		    "2026-03-09T09:10:00+01:00" },
		{ "30 minutes over a night", AMS, WEEKDAYS, NULL,
		    "2026-03-02T22:00:00+01:00", 1800,
		    "2026-03-03T09:30:00+01:00" },
		{ "an hour within the day", AMS, WEEKDAYS, NULL,
		    "2026-03-02T10:00:00+01:00", 3600,
		    "2026-03-02T11:00:00+01:00" },
		{ "an hour to closing time", AMS, WEEKDAYS, NULL,
		    "2026-03-02T16:00:00+01:00", 3600,
		    "2026-03-02T17:00:00+01:00" },
		{ "no time at all", AMS, WEEKDAYS, NULL,
		    "2026-03-02T22:00:00+01:00", 0,
		    "2026-03-02T22:00:00+01:00" },
		{ "40 minutes over Christmas", AMS, WEEKDAYS, "2026-12-25",
		    "2026-12-24T16:50:00+01:00", 2400,
		    "2026-12-28T09:30:00+01:00" },
		{ "two hours over the holidays", AMS, WEEKDAYS,
		    "2026-12-24..2026-12-31, 2027-01-01",
		    "2026-12-23T16:00:00+01:00", 7200,
		    "2027-01-04T10:00:00+01:00" },
		{ "from a closed day", AMS, WEEKDAYS, "2026-03-04",
		    "2026-03-04T10:00:00+01:00", 1800,
		    "2026-03-05T09:30:00+01:00" },
		{ "over the lunch break", AMS, LUNCH, NULL,
		    "2026-03-03T12:00:00+01:00", 3600,
		    "2026-03-03T14:00:00+01:00" },
		{ "hours unset: wall time", AMS, NULL, NULL,
		    "2026-03-06T16:30:00+01:00", 2400,
		    "2026-03-06T17:10:00+01:00" },
		{ "an hour over the spring gap", AMS, "mon-sun 24h", NULL,
		    "2026-03-29T01:30:00+01:00", 3600,
		    "2026-03-29T03:30:00+02:00" },
		{ "40 minutes in Tokyo", TYO, WEEKDAYS, NULL,
		    "2026-03-06T16:30:00+09:00", 2400,
		    "2026-03-09T09:10:00+09:00" },
	};
	struct hours	h;
	int64_t		got;
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		parse_ok(&h, cases[i].hours, cases[i].closed, cases[i].tz);
		got = hours_due(&h, at(cases[i].from), cases[i].secs);
		if (got != at(cases[i].want))
			fail_msg("%s: due at %lld, expected %lld (%s)",
			    cases[i].what, (long long)got,
			    (long long)at(cases[i].want), cases[i].want);
		hours_free(&h);
	}
}

/* hours_due and hours_between undo each other. */
static void
test_hours_due_undoes_between(void **state)
{
	static const int64_t	secs[] = {
		1, 59, 1800, 28799, 28800, 28801, 86400, 7 * 86400,
		40 * 86400
	};
	static const char	*froms[] = {
		"2026-03-02T22:00:00+01:00", "2026-03-06T16:59:59+01:00",
		"2026-03-28T23:00:00+01:00", "2026-10-24T12:00:00+02:00",
		"2026-12-23T09:00:00+01:00",
	};
	struct hours		 h;
	int64_t			 from, due;
	size_t			 i, j;

	(void)state;
	parse_ok(&h, WEEKDAYS ", sat 02:30-05:00, sun 01:00-03:30",
	    "2026-12-24..2026-12-31", AMS);
	for (i = 0; i < nitems(froms); i++) {
		for (j = 0; j < nitems(secs); j++) {
			from = at(froms[i]);
			due = hours_due(&h, from, secs[j]);
			if (hours_between(&h, from, due) != secs[j])
				fail_msg("from %s, %lld seconds: due %lld, "
				    "which is %lld after", froms[i],
				    (long long)secs[j], (long long)due,
				    (long long)hours_between(&h, from, due));
		}
	}
	hours_free(&h);
}

/* A case of hours_open_at: settings, a time, and open or not. */
struct open_case {
	const char	*tz, *hours, *closed;
	const char	*t;
	int		 want;
};

/* The opening second is open, the closing second is not. */
static void
test_hours_open_at_edges(void **state)
{
#define SHOP	WEEKDAYS ", sat 10:00-16:00"
	static const struct open_case cases[] = {
		{ AMS, SHOP, NULL, "2026-03-02T09:00:00+01:00", 1 },
		{ AMS, SHOP, NULL, "2026-03-02T08:59:59+01:00", 0 },
		{ AMS, SHOP, NULL, "2026-03-02T16:59:59+01:00", 1 },
		{ AMS, SHOP, NULL, "2026-03-02T17:00:00+01:00", 0 },
		{ AMS, SHOP, NULL, "2026-03-07T10:00:00+01:00", 1 },
		{ AMS, SHOP, NULL, "2026-03-07T16:00:00+01:00", 0 },
		{ AMS, SHOP, NULL, "2026-03-08T12:00:00+01:00", 0 },
		{ AMS, SHOP, "2026-03-04", "2026-03-04T12:00:00+01:00", 0 },
		{ AMS, SHOP, "2026-03-04", "2026-03-05T12:00:00+01:00", 1 },
		{ AMS, LUNCH, NULL, "2026-03-03T12:29:59+01:00", 1 },
		{ AMS, LUNCH, NULL, "2026-03-03T12:30:00+01:00", 0 },
		{ AMS, LUNCH, NULL, "2026-03-03T13:29:59+01:00", 0 },
		{ AMS, LUNCH, NULL, "2026-03-03T13:30:00+01:00", 1 },
		{ AMS, "sat 24h", NULL, "2026-03-06T23:59:59+01:00", 0 },
		{ AMS, "sat 24h", NULL, "2026-03-07T00:00:00+01:00", 1 },
		{ AMS, "sat 24h", NULL, "2026-03-07T23:59:59+01:00", 1 },
		{ AMS, "sat 24h", NULL, "2026-03-08T00:00:00+01:00", 0 },
		{ AMS, "sun 02:30-05:00", NULL, "2026-03-29T01:59:59+01:00",
		    0 },
		{ AMS, "sun 02:30-05:00", NULL, "2026-03-29T03:00:00+02:00",
		    1 },
		{ AMS, "sun 02:30-05:00", NULL, "2026-10-25T02:30:00+02:00",
		    1 },
		{ AMS, "sun 02:30-05:00", NULL, "2026-10-25T04:59:59+01:00",
		    1 },
		{ AMS, "sun 02:30-05:00", NULL, "2026-10-25T05:00:00+01:00",
		    0 },
		{ NYC, WEEKDAYS, NULL, "2026-03-02T14:00:00Z", 1 },
		{ TYO, WEEKDAYS, NULL, "2026-03-02T14:00:00Z", 0 },
		{ AMS, NULL, NULL, "2026-03-08T03:00:00+01:00", 1 },
		{ AMS, NULL, "2026-03-08", "2026-03-08T03:00:00+01:00", 0 },
	};
#undef SHOP
	struct hours	h;
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		parse_ok(&h, cases[i].hours, cases[i].closed, cases[i].tz);
		if (hours_open_at(&h, at(cases[i].t)) != cases[i].want)
			fail_msg("%s at %s: expected %s", cases[i].hours,
			    cases[i].t, cases[i].want ? "open" : "closed");
		hours_free(&h);
	}
}

/* What the parser makes of hours it takes (Sunday first). */
static void
test_hours_parse_fills_the_week(void **state)
{
	static const struct {
		const char	*hours;
		const char	*week[7];
	} cases[] = {
		{ "MON-Fri 9-17:30", { "", "09:00-17:30", "09:00-17:30",
		    "09:00-17:30", "09:00-17:30", "09:00-17:30", "" } },
		{ "  monday 9:00-17:00 ,Sat 10:00-16:00  ", { "",
		    "09:00-17:00", "", "", "", "", "10:00-16:00" } },
		{ "sat 13:30-18:00 10:00-12:30", { "", "", "", "", "", "",
		    "10:00-12:30 13:30-18:00" } },
		{ "fri-mon 10-14, sun closed", { "", "10:00-14:00", "", "",
		    "", "10:00-14:00", "10:00-14:00" } },
		{ "wed 24h, thu 00:00-24:00, fri 0-24", { "", "", "",
		    "00:00-24:00", "00:00-24:00", "00:00-24:00", "" } },
		{ "tue 9-12 12-17", { "", "", "09:00-12:00 12:00-17:00", "",
		    "", "", "" } },
		{ "sun-sun 8-9 10-11 12-13 14-15", { "08:00-09:00 "
		    "10:00-11:00 12:00-13:00 14:00-15:00", "", "", "", "", "",
		    "" } },
	};
	struct hours	h;
	char		got[128];
	size_t		i, len;
	int		d, s;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		parse_ok(&h, cases[i].hours, NULL, "UTC");
		assert_int_equal(hours_always(&h), 0);
		for (d = 0; d < 7; d++) {
			got[0] = '\0';
			for (s = 0; s < h.day[d].nspans; s++) {
				len = strlen(got);
				snprintf(got + len, sizeof got - len,
				    "%s%02d:%02d-%02d:%02d", s > 0 ? " " : "",
				    h.day[d].span[s].open / 3600,
				    h.day[d].span[s].open / 60 % 60,
				    h.day[d].span[s].close / 3600,
				    h.day[d].span[s].close / 60 % 60);
			}
			if (strcmp(got, cases[i].week[d]) != 0)
				fail_msg("\"%s\" day %d: \"%s\", expected "
				    "\"%s\"", cases[i].hours, d, got,
				    cases[i].week[d]);
		}
		hours_free(&h);
	}
}

/* Closed dates are sorted and merged; unset settings are always open. */
static void
test_hours_parse_closed_and_always(void **state)
{
	struct hours	h;

	(void)state;
	parse_ok(&h, NULL, NULL, NULL);
	assert_int_equal(hours_always(&h), 1);
	assert_int_equal(hours_between(&h, 100, 5000), 4900);
	assert_int_equal(hours_due(&h, 100, 5000), 5100);
	assert_int_equal(hours_open_at(&h, 100), 1);
	hours_free(&h);
	parse_ok(&h, "", "  ", "");
	assert_int_equal(hours_always(&h), 1);
	hours_free(&h);
	hours_free(NULL);

	parse_ok(&h, NULL, "2027-01-01, 2026-12-25,2026-12-26, "
	    "2026-12-20..2026-12-24, 2024-02-29, 2026-12-22", AMS);
	assert_int_equal(hours_always(&h), 0);
	assert_int_equal(h.nclosed, 3);
	assert_int_equal(h.closed[0].first, util_days_from_civil(2024, 2,
	    29));
	assert_int_equal(h.closed[0].last, h.closed[0].first);
	assert_int_equal(h.closed[1].first, util_days_from_civil(2026, 12,
	    20));
	assert_int_equal(h.closed[1].last, util_days_from_civil(2026, 12,
	    26));
	assert_int_equal(h.closed[2].first, util_days_from_civil(2027, 1,
	    1));
	assert_int_equal(h.week, 7 * 86400);
	assert_string_equal(h.zone, ":" HOURS_ZONEINFO "/" AMS);
	hours_free(&h);
}

/*
 * A span of twenty years: the first year is walked day by day, the rest
 * counted a week at a time, closed dates still seen; and a span to the
 * end of time ends.
 */
static void
test_hours_between_long_spans(void **state)
{
	struct hours	h;
	int64_t		from = at("2000-01-01T00:00:00Z");
	int64_t		to = at("2020-01-01T00:00:00Z");
	int64_t		got;
	clock_t		start;

	(void)state;
	/* 5217 weekdays in 2000 to 2019. */
	parse_ok(&h, WEEKDAYS, NULL, "Etc/UTC");
	assert_int_equal(hours_between(&h, from, to), 5217 * 28800);
	assert_int_equal(hours_due(&h, from, 5217 * 28800),
	    at("2019-12-31T17:00:00Z"));
	hours_free(&h);
	parse_ok(&h, WEEKDAYS, NULL, AMS);
	assert_int_equal(hours_between(&h, from - 3600, to - 3600),
	    5217 * 28800);
	hours_free(&h);
	/* Mondays: one in the first year, one later, a week of them. */
	parse_ok(&h, WEEKDAYS, "2000-12-25, 2010-12-27, "
	    "2015-06-01..2015-06-07", AMS);
	assert_int_equal(hours_between(&h, from - 3600, to - 3600),
	    (5217 - 7) * 28800);
	hours_free(&h);

	parse_ok(&h, "mon-sun 24h", NULL, AMS);
	start = clock();
	got = hours_between(&h, 0, INT64_MAX);
	assert_true(got > (int64_t)8000 * 365 * 86400);
	assert_true(hours_due(&h, 0, INT64_MAX) > at("9999-01-01T00:00:00Z"));
	assert_true(clock() - start < CLOCKS_PER_SEC);
	got = hours_between(&h, from, to);
	assert_true(got >= to - from - 3600 && got <= to - from + 3600);
	hours_free(&h);
}

/* Every message a bad setting gives, word for word. */
static void
test_hours_parse_errors_say_what_is_expected(void **state)
{
#define SPAN	" (a span such as 09:00-17:30, 24h or closed)"
#define TIME	" (hh:mm from 00:00 to 24:00)"
#define DATE	" (yyyy-mm-dd, such as 2026-12-25)"
#define ZONE	" (an IANA name such as Europe/Amsterdam)"
	static const struct {
		const char	*hours, *closed, *tz;
		const char	*cause;
	} cases[] = {
		{ "mon-fry 9-17", NULL, NULL, "hours: \"mon-fry 9-17\": "
		    "unknown day \"fry\" (mon, tue, wed, thu, fri, sat, sun)" },
		/* Found by fuzzing: an entry of white space but for blanks. */
		{ "mon 09:00-17:00,\v", NULL, NULL, "hours: empty entry "
		    "between commas (entries such as \"mon-fri 09:00-17:30, "
		    "sat 10:00-16:00\")" },
		{ "mo 9-17", NULL, NULL, "hours: \"mo 9-17\": unknown day "
		    "\"mo\" (mon, tue, wed, thu, fri, sat, sun)" },
		{ "mon- 9-17", NULL, NULL, "hours: \"mon- 9-17\": unknown "
		    "day \"\" (mon, tue, wed, thu, fri, sat, sun)" },
		{ "9-17", NULL, NULL, "hours: \"9-17\": no days (days such "
		    "as mon-fri before the hours)" },
		{ "mon-fri", NULL, NULL, "hours: \"mon-fri\": no hours" SPAN },
		{ "mon nine", NULL, NULL, "hours: \"mon nine\": bad hours "
		    "\"nine\"" SPAN },
		{ "mon 9am-5pm", NULL, NULL, "hours: \"mon 9am-5pm\": bad "
		    "time \"9am\"" TIME },
		{ "mon 9-5pm", NULL, NULL, "hours: \"mon 9-5pm\": bad time "
		    "\"5pm\"" TIME },
		{ "mon 25:00-26:00", NULL, NULL, "hours: \"mon "
		    "25:00-26:00\": bad time \"25:00\"" TIME },
		{ "mon 09:60-17:00", NULL, NULL, "hours: \"mon "
		    "09:60-17:00\": bad time \"09:60\"" TIME },
		{ "mon 9:5-17", NULL, NULL, "hours: \"mon 9:5-17\": bad time "
		    "\"9:5\"" TIME },
		{ "mon 9-24:30", NULL, NULL, "hours: \"mon 9-24:30\": bad "
		    "time \"24:30\"" TIME },
		{ "mon 17:00-09:00", NULL, NULL, "hours: \"mon "
		    "17:00-09:00\": span 17:00-09:00 is empty or crosses "
		    "midnight (spans lie within a day, such as 09:00-17:30)" },
		{ "mon 9-9", NULL, NULL, "hours: \"mon 9-9\": span "
		    "09:00-09:00 is empty or crosses midnight (spans lie "
		    "within a day, such as 09:00-17:30)" },
		{ "mon closed 9-17", NULL, NULL, "hours: \"mon closed "
		    "9-17\": closed and hours together (one or the other)" },
		{ "mon 9-17 closed", NULL, NULL, "hours: \"mon 9-17 "
		    "closed\": closed and hours together (one or the other)" },
		{ "mon 9-13 12-18", NULL, NULL, "hours: \"mon 9-13 12-18\": "
		    "spans 09:00-13:00 and 12:00-18:00 overlap" },
		{ "mon 24h 9-17", NULL, NULL, "hours: \"mon 24h 9-17\": "
		    "spans 00:00-24:00 and 09:00-17:00 overlap" },
		{ "mon 8-9 10-11 12-13 14-15 16-17", NULL, NULL, "hours: "
		    "\"mon 8-9 10-11 12-13 14-15 16-17\": more than 4 spans "
		    "in a day" },
		{ "mon 9-17,, tue 9-17", NULL, NULL, "hours: empty entry "
		    "between commas (entries such as \"mon-fri 09:00-17:30, "
		    "sat 10:00-16:00\")" },
		{ "mon 9-17,", NULL, NULL, "hours: empty entry between "
		    "commas (entries such as \"mon-fri 09:00-17:30, "
		    "sat 10:00-16:00\")" },
		{ "sun closed", NULL, NULL, "hours: no day is open (leave "
		    "hours unset to be open all the time)" },
		{ "mon\x1b[31m 9-17", NULL, NULL, "hours: \"mon?[31m "
		    "9-17\": unknown day \"mon?[31m\" (mon, tue, wed, thu, "
		    "fri, sat, sun)" },
		{ "mon 9-17 \xe2\x80\xae" "7-1", NULL, NULL, "hours: \"mon "
		    "9-17 ???7-1\": bad time \"???7\"" TIME },
		{ "mon 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11", NULL,
		    NULL, "hours: \"mon 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 "
		    "9...\": more than 4 spans in a day" },
		{ NULL, "2026-02-30", NULL, "closed: \"2026-02-30\": not a "
		    "date" DATE },
		{ NULL, "2025-02-29", NULL, "closed: \"2025-02-29\": not a "
		    "date" DATE },
		{ NULL, "2026-12-25, tomorrow", NULL, "closed: "
		    "\"tomorrow\": not a date" DATE },
		{ NULL, "2026-1-5", NULL, "closed: \"2026-1-5\": not a "
		    "date" DATE },
		{ NULL, "2026-12-24..2027-13-01", NULL, "closed: "
		    "\"2027-13-01\": not a date" DATE },
		{ NULL, "2026-12-24..", NULL, "closed: \"\": not a date"
		    DATE },
		{ NULL, "2026-12-31..2026-12-24", NULL, "closed: "
		    "\"2026-12-31..2026-12-24\": ends before it starts (a "
		    "range such as 2026-12-24..2026-12-31)" },
		{ NULL, "2026-12-25,,2026-12-26", NULL, "closed: empty entry "
		    "between commas (dates such as \"2026-12-25, "
		    "2026-12-26\")" },
		{ NULL, NULL, "../etc/passwd", "time_zone: "
		    "\"../etc/passwd\": not a zone name" ZONE },
		{ NULL, NULL, "Europe/../../etc", "time_zone: "
		    "\"Europe/../../etc\": not a zone name" ZONE },
		{ NULL, NULL, "/etc/localtime", "time_zone: "
		    "\"/etc/localtime\": not a zone name" ZONE },
		{ NULL, NULL, "Europe//Amsterdam", "time_zone: "
		    "\"Europe//Amsterdam\": not a zone name" ZONE },
		{ NULL, NULL, "Europe/Amster dam", "time_zone: "
		    "\"Europe/Amster dam\": not a zone name" ZONE },
		{ NULL, NULL, "Europe/Amsterdan", "time_zone: "
		    "\"Europe/Amsterdan\": no such zone in "
		    HOURS_ZONEINFO ZONE },
		{ NULL, NULL, "Europe", "time_zone: \"Europe\": no such zone "
		    "in " HOURS_ZONEINFO ZONE },
		/* A file of tzdata that is not a zone. */
		{ NULL, NULL, "leapseconds", "time_zone: \"leapseconds\": no "
		    "such zone in " HOURS_ZONEINFO ZONE },
		/* The first bad setting is the one reported. */
		{ "mon 9-17", "soon", "Mars/Olympus", "closed: \"soon\": "
		    "not a date" DATE },
	};
#undef SPAN
#undef TIME
#undef DATE
#undef ZONE
	struct hours	h;
	char		*cause;
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		if (hours_parse(&h, cases[i].hours, cases[i].closed,
		    cases[i].tz, &cause) != -1)
			fail_msg("case %zu was taken", i);
		assert_non_null(cause);
		if (strcmp(cause, cases[i].cause) != 0)
			fail_msg("case %zu: %s\nexpected: %s", i, cause,
			    cases[i].cause);
		free(cause);
		assert_null(h.closed);
		assert_null(h.zone);
		hours_free(&h);
	}
	/* No cause asked for. */
	assert_int_equal(hours_parse(&h, "mon", NULL, NULL, NULL), -1);
}

/*
 * When the shop next closes: spans that meet at midnight run on. A shop
 * open a whole week on end (every hour, with a closed date further off)
 * gives a week or more on, never a moment it is still open (want NULL).
 */
static void
test_hours_open_until(void **state)
{
	static const struct {
		const char	*what, *hours, *closed, *at, *want;
	} cases[] = {
		{ "within a day", WEEKDAYS, NULL, "2026-03-09T10:00:00+01:00",
		    "2026-03-09T17:00:00+01:00" },
		{ "closed: at once", WEEKDAYS, NULL,
		    "2026-03-09T18:00:00+01:00", "2026-03-09T18:00:00+01:00" },
		{ "over midnight", "mon-sun 22:00-24:00 00:00-07:00", NULL,
		    "2026-03-09T23:00:00+01:00", "2026-03-10T07:00:00+01:00" },
		{ "after midnight", "mon-sun 22:00-24:00 00:00-07:00", NULL,
		    "2026-03-10T03:00:00+01:00", "2026-03-10T07:00:00+01:00" },
		{ "spans that meet", "mon 10:00-12:00 12:00-14:00", NULL,
		    "2026-03-09T11:00:00+01:00", "2026-03-09T14:00:00+01:00" },
		{ "over the spring gap", "mon-sun 22:00-24:00 00:00-07:00",
		    NULL, "2026-03-28T23:00:00+01:00",
		    "2026-03-29T07:00:00+02:00" },
		{ "open a week, late in the day, over the spring gap",
		    "mon-sun 00:00-24:00", "2026-12-25",
		    "2026-03-25T23:16:41+01:00", NULL },
		{ "open a week from midnight", "mon-sun 00:00-24:00",
		    "2026-12-25", "2026-06-01T00:00:00+02:00", NULL },
		{ "open until the closed date", "mon-sun 00:00-24:00",
		    "2026-06-03", "2026-06-01T12:00:00+02:00",
		    "2026-06-03T00:00:00+02:00" },
	};
	struct hours	h;
	int64_t		got, t;
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		parse_ok(&h, cases[i].hours, cases[i].closed, AMS);
		t = at(cases[i].at);
		got = hours_open_until(&h, t);
		if (cases[i].want == NULL) {
			if (got < t + 7 * 86400)
				fail_msg("%s: %lld, less than a week on "
				    "(open then: %d)", cases[i].what,
				    (long long)(got - t),
				    hours_open_at(&h, got));
		} else if (got != at(cases[i].want))
			fail_msg("%s: %lld, expected %lld (%s)", cases[i].what,
			    (long long)got, (long long)at(cases[i].want),
			    cases[i].want);
		hours_free(&h);
	}
}

/* A clock of one default account: a target and the hours of a case. */
static void
clock_ok(struct clock *c, int64_t target, const char *hours,
    const char *tz)
{
	memset(c, 0, sizeof *c);
	c->dflt.target = target;
	parse_ok(&c->dflt.h, hours, NULL, tz);
	c->simple = hours_always(&c->dflt.h);
}

/* A case of what the clock says of a wait: the row's and the thread's. */
struct say_case {
	const char	*what;
	const char	*hours;
	const char	*from, *now;
	const char	*row, *thread;
};

/* What a row and a thread say of a wait, before and after the target. */
static void
test_clock_says_due_and_over(void **state)
{
	static const struct say_case cases[] = {
		{ "the weekend does not count", WEEKDAYS,
		    "2026-03-06T16:30:00+01:00", "2026-03-09T08:00:00+01:00",
		    "in 4h30m", "Waiting 2d15h, 30m of it in opening hours: "
		    "due in 4h30m (target 4h); closed now." },
		{ "over in opening hours", WEEKDAYS,
		    "2026-03-09T09:00:00+01:00", "2026-03-09T15:10:00+01:00",
		    "2h over", "Waiting 6h10m, all of it in opening hours: "
		    "2h10m over the 4h target." },
		{ "over across a night", WEEKDAYS,
		    "2026-03-09T15:00:00+01:00", "2026-03-10T12:00:00+01:00",
		    "1h over", "Waiting 21h, 5h of it in opening hours: "
		    "1h over the 4h target." },
		{ "no hours: wall time", NULL,
		    "2026-03-09T09:00:00+01:00", "2026-03-09T14:00:00+01:00",
		    "1h over", "Waiting 5h: 1h over the 4h target." },
		{ "no hours, just in", NULL,
		    "2026-03-09T09:00:00+01:00", "2026-03-09T09:00:20+01:00",
		    "in 3h59m", "Waiting under a minute: due in 3h59m "
		    "(target 4h)." },
		{ "days over", NULL,
		    "2026-03-01T09:00:00+01:00", "2026-03-09T14:00:00+01:00",
		    "8d over", "Waiting 8d5h: 8d1h over the 4h target." },
	};
	struct clock	c;
	char		row[32], words[40], *thread;
	int64_t		from, now;
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		clock_ok(&c, 4 * 3600, cases[i].hours, AMS);
		from = at(cases[i].from);
		now = at(cases[i].now);
		clock_say_due(&c, 1, from, now, 0, row, sizeof row);
		if (strcmp(row, cases[i].row) != 0)
			fail_msg("%s: row says \"%s\", expected \"%s\"",
			    cases[i].what, row, cases[i].row);
		/* In words, where the row has room: "due in 40m". */
		clock_say_due(&c, 1, from, now, 1, row, sizeof row);
		snprintf(words, sizeof words, "%s%s", strncmp(cases[i].row,
		    "in ", 3) == 0 ? "due " : "", cases[i].row);
		if (strcmp(row, words) != 0)
			fail_msg("%s: row in words says \"%s\", expected \"%s\"",
			    cases[i].what, row, words);
		thread = clock_say_wait(&c, 1, from, now);
		if (strcmp(thread, cases[i].thread) != 0)
			fail_msg("%s: thread says \"%s\"\nexpected \"%s\"",
			    cases[i].what, thread, cases[i].thread);
		free(thread);
		assert_int_equal(clock_due(&c, 1, from) <= now,
		    strstr(cases[i].row, "over") != NULL);
		clock_close(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours_between_counts_opening_hours),
		cmocka_unit_test(test_hours_between_counts_real_seconds_over_dst),
		cmocka_unit_test(test_hours_between_follows_the_zone),
		cmocka_unit_test(test_hours_system_zone_and_tz_restored),
		cmocka_unit_test(test_hours_due_skips_closed_time),
		cmocka_unit_test(test_hours_due_undoes_between),
		cmocka_unit_test(test_hours_open_at_edges),
		cmocka_unit_test(test_hours_parse_fills_the_week),
		cmocka_unit_test(test_hours_parse_closed_and_always),
		cmocka_unit_test(test_hours_between_long_spans),
		cmocka_unit_test(test_hours_parse_errors_say_what_is_expected),
		cmocka_unit_test(test_clock_says_due_and_over),
		cmocka_unit_test(test_hours_open_until),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
