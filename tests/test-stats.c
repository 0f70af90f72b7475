/*
 * test-stats.c -- the figures of heed stats and the statistics screen
 * (src/stats.c) and the bars of its charts (src/chart.c), as tables of
 * cases: the nearest-rank median and 90th percentile, the buckets of the
 * histogram at their edges, the share within the target of the
 * conversations whose fate is known, an empty set and a set of one, the
 * groups in the order heed stats prints them, and bars in Unicode
 * eighths and in ASCII.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "classify.h"
#include "stats.h"
#include "store.h"
#include "util.h"

#define H	3600
#define D	86400

/* A conversation of account 1 that waited w (-1: none yet). */
static struct stats_conv
conv(int64_t w, int fate, int kind)
{
	struct stats_conv	c;

	memset(&c, 0, sizeof c);
	c.account_id = 1;
	c.first = 1000;
	c.waited = w;
	c.fate = fate;
	c.kind = kind;
	return c;
}

/* The median and p90 of sorted times, by nearest rank. */
static void
test_rank_is_the_nearest_rank_of_sorted_times(void **state)
{
	static const int64_t	ten[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	static const int64_t	two[] = { 10, 30 };
	static const int64_t	one[] = { 42 };

	(void)state;
	assert_int_equal(stats_rank(ten, 10, 50), 5);
	assert_int_equal(stats_rank(ten, 10, 90), 9);
	assert_int_equal(stats_rank(ten, 9, 90), 9);
	assert_int_equal(stats_rank(two, 2, 50), 10);
	assert_int_equal(stats_rank(two, 2, 90), 30);
	assert_int_equal(stats_rank(one, 1, 50), 42);
	assert_int_equal(stats_rank(one, 1, 90), 42);
	assert_int_equal(stats_rank(NULL, 0, 50), -1);
}

/* Each wait falls in its bucket; the edges belong to the next one. */
static void
test_buckets_of_waits_at_their_edges(void **state)
{
	static const struct {
		int64_t	waited;
		int	bucket;
	} cases[] = {
		{ -1, STATS_UNANSWERED },
		{ 0, STATS_UNDER_1H },
		{ H - 1, STATS_UNDER_1H },
		{ H, STATS_UNDER_4H },
		{ 4 * H - 1, STATS_UNDER_4H },
		{ 4 * H, STATS_UNDER_8H },
		{ 8 * H, STATS_UNDER_1D },
		{ D - 1, STATS_UNDER_1D },
		{ D, STATS_UNDER_3D },
		{ 3 * D - 1, STATS_UNDER_3D },
		{ 3 * D, STATS_OVER_3D },
		{ 400 * D, STATS_OVER_3D },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		if (stats_bucket(cases[i].waited) != cases[i].bucket)
			fail_msg("a wait of %lld is in bucket %s, not %s",
			    (long long)cases[i].waited, stats_bucket_name(
			    stats_bucket(cases[i].waited)),
			    stats_bucket_name(cases[i].bucket));
	}
	assert_string_equal(stats_bucket_name(STATS_UNDER_1D), "8-24h");
	assert_string_equal(stats_bucket_name(STATS_NBUCKETS), "?");
}

/*
 * Five conversations: three answered (30m within, 2h within, 5h late),
 * one waiting past the target (late), one waiting within it (open, so
 * not counted in the share).
 */
static void
test_sum_counts_medians_share_and_histogram(void **state)
{
	struct stats_conv	v[5];
	struct stats_row	r;

	(void)state;
	v[0] = conv(5 * H, STATS_LATE, CLASSIFY_COMPLAINT);
	v[1] = conv(30 * 60, STATS_WITHIN, CLASSIFY_QUESTION);
	v[2] = conv(-1, STATS_LATE, CLASSIFY_QUESTION);
	v[3] = conv(2 * H, STATS_WITHIN, CLASSIFY_PRAISE);
	v[4] = conv(-1, STATS_OPEN, CLASSIFY_OTHER);
	stats_sum(v, 5, &r);
	assert_int_equal(r.begun, 5);
	assert_int_equal(r.answered, 3);
	assert_int_equal(r.waiting, 2);
	assert_int_equal(r.median, 2 * H);
	assert_int_equal(r.p90, 5 * H);
	assert_int_equal(r.known, 4);
	assert_int_equal(r.within, 2);
	assert_int_equal(stats_share(&r), 50);
	assert_int_equal(r.buckets[STATS_UNDER_1H], 1);
	assert_int_equal(r.buckets[STATS_UNDER_4H], 1);
	assert_int_equal(r.buckets[STATS_UNDER_8H], 1);
	assert_int_equal(r.buckets[STATS_UNDER_1D], 0);
	assert_int_equal(r.buckets[STATS_UNANSWERED], 2);
}

/* Nothing: no median, no p90, no share; zero in every bucket. */
static void
test_sum_of_nothing_knows_nothing(void **state)
{
	struct stats_row	r;
	int			b;

	(void)state;
	stats_sum(NULL, 0, &r);
	assert_int_equal(r.begun, 0);
	assert_int_equal(r.median, -1);
	assert_int_equal(r.p90, -1);
	assert_int_equal(stats_share(&r), -1);
	for (b = 0; b < STATS_NBUCKETS; b++)
		assert_int_equal(r.buckets[b], 0);
}

/* One answered conversation is its own median and p90. */
static void
test_sum_of_one_is_its_own_median_and_p90(void **state)
{
	struct stats_conv	v = conv(26 * H, STATS_LATE, CLASSIFY_OTHER);
	struct stats_row	r;

	(void)state;
	stats_sum(&v, 1, &r);
	assert_int_equal(r.median, 26 * H);
	assert_int_equal(r.p90, 26 * H);
	assert_int_equal(stats_share(&r), 0);
	assert_int_equal(r.buckets[STATS_UNDER_3D], 1);
	v = conv(-1, STATS_OPEN, CLASSIFY_OTHER);
	stats_sum(&v, 1, &r);
	assert_int_equal(r.waiting, 1);
	assert_int_equal(r.median, -1);
	assert_int_equal(stats_share(&r), -1);
}

/* The share rounds to the nearest percent: 2 of 3 is 67%. */
static void
test_share_rounds_to_the_nearest_percent(void **state)
{
	struct stats_row	r;

	(void)state;
	memset(&r, 0, sizeof r);
	r.known = 3;
	r.within = 2;
	assert_int_equal(stats_share(&r), 67);
	r.within = 1;
	assert_int_equal(stats_share(&r), 33);
	r.known = 8;
	r.within = 1;
	assert_int_equal(stats_share(&r), 13);
}

/* Durations as the table writes them. */
static void
test_age_is_written_to_the_minute(void **state)
{
	static const struct {
		int64_t		 t;
		const char	*want;
	} cases[] = {
		{ -1, "-" }, { 0, "0s" }, { 45, "45s" }, { 60, "1m" },
		{ 59 * 60 + 59, "59m" }, { H, "1h00m" },
		{ 2 * H + 10 * 60, "2h10m" }, { D + 4 * H + 59, "1d4h" },
	};
	char	buf[32];
	size_t	i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		stats_age(cases[i].t, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
}

/*
 * The groups come in heed stats's order, an empty one left out but for
 * all, and the periods sorted.
 */
static void
test_groups_in_order_empty_ones_left_out(void **state)
{
	static const char *const want[] = {
		"all all", "platform bluesky", "platform facebook",
		"account shop", "account page", "kind complaint",
		"kind question", "day 2026-03-02", "day 2026-03-03"
	};
	struct store_account	acc[2];
	struct stats_group	*g;
	struct stats_conv	c;
	struct stats		st;
	char			name[64];
	size_t			n, i;

	(void)state;
	setenv("TZ", "UTC", 1);
	memset(acc, 0, sizeof acc);
	acc[0].id = 1;
	acc[0].name = (char *)"shop";
	acc[0].platform = (char *)"bluesky";
	acc[1].id = 2;
	acc[1].name = (char *)"page";
	acc[1].platform = (char *)"facebook";
	stats_init(&st, 0, INT64_MAX, 0);
	c = conv(H, STATS_WITHIN, CLASSIFY_QUESTION);
	c.first = 1772409600 + D;		/* 2026-03-03 */
	stats_add(&st, &c);
	c = conv(-1, STATS_LATE, CLASSIFY_COMPLAINT);
	c.account_id = 2;
	c.first = 1772409600;			/* 2026-03-02 */
	stats_add(&st, &c);
	n = stats_groups(&st, acc, 2, STATS_BY_DAY, &g);
	assert_int_equal(n, nitems(want));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%s %s", g[i].group, g[i].key);
		assert_string_equal(name, want[i]);
	}
	assert_int_equal(g[0].row.begun, 2);
	assert_int_equal(g[3].row.answered, 1);
	assert_int_equal(g[4].row.waiting, 1);
	stats_groups_free(g, n);
	stats_free(&st);
	n = stats_groups(&st, acc, 2, STATS_BY_NONE, &g);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].row.begun, 0);
	stats_groups_free(g, n);
	stats_free(NULL);
}

/* Bars of 4 columns: eighths in Unicode, whole cells in ASCII. */
static void
test_bars_in_eighths_and_in_ascii(void **state)
{
	static const struct {
		int64_t		 solid, light, max;
		int		 ascii, kind;
		const char	*want;
	} cases[] = {
		{ 0, 0, 8, 0, CHART_SHADE, "    " },
		{ 1, 0, 32, 0, CHART_SHADE, "\u258f   " },
		{ 4, 0, 32, 0, CHART_SHADE, "\u258c   " },
		{ 8, 0, 32, 0, CHART_SHADE, "\u2588   " },
		{ 12, 0, 32, 0, CHART_SHADE, "\u2588\u258c  " },
		{ 32, 0, 32, 0, CHART_SHADE, "\u2588\u2588\u2588\u2588" },
		{ 99, 0, 32, 0, CHART_SHADE, "\u2588\u2588\u2588\u2588" },
		{ 12, 24, 32, 0, CHART_SHADE, "\u2588\u258c\u2591 " },
		{ 16, 0, 32, 0, CHART_TRACK, "\u2588\u2588\u00b7\u00b7" },
		{ 1, 0, 1000, 0, CHART_SHADE, "\u258f   " },
		{ 0, 0, 0, 0, CHART_SHADE, "    " },
		{ 12, 24, 32, 1, CHART_SHADE, "##= " },
		{ 16, 0, 32, 1, CHART_TRACK, "##--" },
		{ 1, 0, 1000, 1, CHART_SHADE, "#   " },
		{ 0, 0, 32, 1, CHART_TRACK, "----" },
		{ 32, 32, 32, 1, CHART_SHADE, "####" },
	};
	char	*s;
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		s = chart_bar(cases[i].solid, cases[i].light, cases[i].max, 4,
		    cases[i].ascii, cases[i].kind);
		if (strcmp(s, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\", not \"%s\"", i, s,
			    cases[i].want);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rank_is_the_nearest_rank_of_sorted_times),
		cmocka_unit_test(test_buckets_of_waits_at_their_edges),
		cmocka_unit_test(test_sum_counts_medians_share_and_histogram),
		cmocka_unit_test(test_sum_of_nothing_knows_nothing),
		cmocka_unit_test(test_sum_of_one_is_its_own_median_and_p90),
		cmocka_unit_test(test_share_rounds_to_the_nearest_percent),
		cmocka_unit_test(test_age_is_written_to_the_minute),
		cmocka_unit_test(test_groups_in_order_empty_ones_left_out),
		cmocka_unit_test(test_bars_in_eighths_and_in_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
