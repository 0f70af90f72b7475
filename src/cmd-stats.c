/*
 * cmd-stats.c -- heed stats: how fast the shop answers. For the
 * conversations begun in a span of time (the last 30 days by default):
 * how many, how many the shop answered (in heed or in the platform's own
 * app: sync brings both back), how many still wait, the median and 90th
 * percentile of the first response, and the share answered within the
 * response target; for all of them, per platform, account and kind, and
 * per day, week or month with --by. Spam is left out. As text, JSON
 * Lines or CSV. It only reads the cache.
 *
 * The figures are stats.c's, which the statistics screen draws too: this
 * file reads the options and prints. Times are counted on each account's
 * clock (clock.h): in its business hours, when it has them, against its
 * own target.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "cmd.h"
#include "config.h"
#include "stats.h"
#include "store.h"
#include "text.h"
#include "util.h"

enum cmd_stats_out { OUT_TEXT, OUT_JSON, OUT_CSV };

/* What heed stats was asked for, and what it read. */
struct cmd_stats {
	int64_t			 target;
	int			 by, out;
	const char		*account;	/* --account, or NULL */
	struct store_account	*acc;
	size_t			 nacc;
	struct clock		 clock;
	struct stats		 set;		/* the conversations kept */
};

/* Print one group's figures in the chosen form; 0, or -1. */
static int
cmd_stats_print(const struct cmd_stats *st, const struct stats_group *g)
{
	const struct stats_row	*r = &g->row;
	char			 med[32], p90[32], share[16], label[64];
	char			*clean, *s;
	json_t			*o;
	int			 rc = 0;

	clean = cmd_clean(g->key, 0);
	if (stats_share(r) >= 0)
		snprintf(share, sizeof share, "%d%%", stats_share(r));
	else
		snprintf(share, sizeof share, "-");
	switch (st->out) {
	case OUT_TEXT:
		stats_age(r->median, med, sizeof med);
		stats_age(r->p90, p90, sizeof p90);
		if (strcmp(g->group, "all") == 0)
			snprintf(label, sizeof label, "%s", clean);
		else
			snprintf(label, sizeof label, "%s %s", g->group, clean);
		s = text_pad(label, 24);
		rc = printf("%s %6lld %9lld %10lld %7s %7s %10s\n", s,
		    (long long)r->begun, (long long)r->answered,
		    (long long)r->waiting, med, p90, share) < 0 ? -1 : 0;
		free(s);
		break;
	case OUT_CSV:
		/* What is not known is an empty field, not a number. */
		snprintf(med, sizeof med, "%lld", (long long)r->median);
		snprintf(p90, sizeof p90, "%lld", (long long)r->p90);
		if (r->known > 0)
			snprintf(share, sizeof share, "%.3f", (double)r->within /
			    (double)r->known);
		rc = printf("%s,\"%s\",%lld,%lld,%lld,%s,%s,%s\n", g->group,
		    clean, (long long)r->begun, (long long)r->answered,
		    (long long)r->waiting, r->median < 0 ? "" : med,
		    r->p90 < 0 ? "" : p90, r->known > 0 ? share : "") < 0 ?
		    -1 : 0;
		break;
	default:
		o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:o, s:o, s:o}",
		    "group", g->group, "key", clean, "begun",
		    (json_int_t)r->begun, "answered", (json_int_t)r->answered,
		    "unanswered", (json_int_t)r->waiting, "median",
		    r->median < 0 ? json_null() : json_integer(r->median),
		    "p90", r->p90 < 0 ? json_null() : json_integer(r->p90),
		    "within_target", r->known > 0 ? json_real((double)
		    r->within / (double)r->known) : json_null());
		if (o == NULL || (s = json_dumps(o, JSON_COMPACT)) == NULL)
			rc = -1;
		else {
			rc = puts(s) == EOF ? -1 : 0;
			free(s);
		}
		json_decref(o);
	}
	free(clean);
	return rc;
}

/* Print every group: all, platforms, accounts, kinds, periods. */
static int
cmd_stats_groups(const struct cmd_stats *st)
{
	struct stats_group	*g;
	size_t			 n, i;
	int			 rc = 0;

	n = stats_groups(&st->set, st->acc, st->nacc, st->by, &g);
	for (i = 0; i < n && rc == 0; i++)
		rc = cmd_stats_print(st, &g[i]);
	stats_groups_free(g, n);
	return rc;
}

/* Read heed stats's options into st; 0, or an exit status. */
static int
cmd_stats_options(int argc, char **argv, struct cmd_stats *st)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "by", required_argument, NULL, 'b' },
		{ "account", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	int64_t	now;
	int	c;

	now = util_now();
	stats_init(&st->set, now - 30 * 86400, now, now);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
		case 'u':
			if (cmd_parse_when(optarg, now, c == 's' ?
			    &st->set.since : &st->set.until) == 0)
				break;
			cmd_print(stderr, "heed stats: --%s takes a date "
			    "(2026-12-01) or a time back from now (30d)\n",
			    c == 's' ? "since" : "until");
			return CMD_EXIT_USAGE;
		case 'b':
			st->by = strcmp(optarg, "day") == 0 ? STATS_BY_DAY :
			    strcmp(optarg, "week") == 0 ? STATS_BY_WEEK :
			    strcmp(optarg, "month") == 0 ? STATS_BY_MONTH :
			    -1;
			if (st->by != -1)
				break;
			cmd_print(stderr, "heed stats: --by day, week or "
			    "month\n");
			return CMD_EXIT_USAGE;
		case 'a':
			st->account = optarg;
			break;
		case 'j':
		case 'c':
			if (st->out != OUT_TEXT && st->out != (c == 'j' ?
			    OUT_JSON : OUT_CSV)) {
				cmd_print(stderr, "heed stats: --json or --csv, "
				    "not both\n");
				return CMD_EXIT_USAGE;
			}
			st->out = c == 'j' ? OUT_JSON : OUT_CSV;
			break;
		default:
			return CMD_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_print(stderr, "heed stats: unexpected %s\n", argv[optind]);
		return CMD_EXIT_USAGE;
	}
	return 0;
}

/* Find --account among the cache's accounts; 0, or an exit status. */
static int
cmd_stats_account(struct cmd_stats *st)
{
	struct buf	b;
	size_t		i;

	for (i = 0; st->account != NULL && i < st->nacc; i++) {
		if (strcmp(st->acc[i].name, st->account) == 0) {
			st->set.account_id = st->acc[i].id;
			return 0;
		}
	}
	if (st->account == NULL)
		return 0;
	buf_init(&b, 0);
	for (i = 0; i < st->nacc; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : " (there are: ",
		    st->acc[i].name);
	if (b.len > 0)
		buf_addch(&b, ')');
	cmd_print(stderr, "heed stats: no account named %s in the cache%s\n",
	    st->account, b.len > 0 ? b.data : "");
	buf_free(&b);
	return CMD_EXIT_USAGE;
}

/* Print the heading of the text table. */
static void
cmd_stats_heading(const struct cmd_stats *st)
{
	char	from[16], to[16], target[16], *s;
	time_t	t;

	t = (time_t)st->set.since;
	strftime(from, sizeof from, "%Y-%m-%d", localtime(&t));
	t = (time_t)st->set.until;
	strftime(to, sizeof to, "%Y-%m-%d", localtime(&t));
	util_format_age(st->target, target, sizeof target);
	if (st->out == OUT_CSV) {
		printf("group,key,begun,answered,unanswered,median_seconds,"
		    "p90_seconds,within_target\n");
		return;
	}
	if (st->out != OUT_TEXT)
		return;
	printf("Conversations begun from %s to %s; the response target is "
	    "%s%s; spam, and what asked nothing and got no answer, left out."
	    "\n\n", from, to, target, st->clock.simple ?
	    "" : " (an account's own where it has one), counted in opening "
	    "hours");
	s = text_pad("", 24);
	printf("%s %6s %9s %10s %7s %7s %10s\n", s, "begun", "answered",
	    "unanswered", "median", "p90", "in target");
	free(s);
}

/* heed stats: see the top of the file. */
int
cmd_stats(struct cmd_env *env, int argc, char **argv)
{
	struct cmd_stats	 st;
	char			*cause = NULL;
	int			 rc;

	memset(&st, 0, sizeof st);
	if ((rc = cmd_stats_options(argc, argv, &st)) != 0)
		return rc;
	if (env->setup(env) != 0)
		return 1;
	if (env->demo && cmd_demo_sync(env) != 0)
		return 1;
	if (clock_open(&st.clock, env->cfg, env->store, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return 1;
	}
	st.target = st.clock.dflt.target;
	if (store_account_list(env->store, &st.acc, &st.nacc, &cause) != 0 ||
	    ((rc = cmd_stats_account(&st)) == 0 &&
	    stats_load(&st.set, env->store, &st.clock, &cause) != 0)) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		rc = 1;
	}
	if (rc == 0) {
		cmd_stats_heading(&st);
		if (cmd_stats_groups(&st) != 0 || fflush(stdout) != 0) {
			cmd_print(stderr, "heed: write error: %s\n",
			    strerror(errno));
			rc = 1;
		}
	}
	store_account_list_free(st.acc, st.nacc);
	clock_close(&st.clock);
	stats_free(&st.set);
	return rc;
}
