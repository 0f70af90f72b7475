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
 * The share within the target is of the conversations whose fate is
 * known: those answered, and those still waiting longer than the target.
 * One still within its target has not failed it yet, and is not counted.
 * Times are counted on each account's clock (clock.h): in its business
 * hours, when it has them, against its own target.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classify.h"
#include "clock.h"
#include "cmd.h"
#include "config.h"
#include "store.h"
#include "text.h"
#include "util.h"

enum cmd_stats_by { BY_NONE, BY_DAY, BY_WEEK, BY_MONTH };
enum cmd_stats_out { OUT_TEXT, OUT_JSON, OUT_CSV };

/* What heed stats was asked for, and what it read. */
struct cmd_stats {
	int64_t			 since, until, now, target;
	int			 by, out;
	const char		*account;	/* --account, or NULL */
	int64_t			 account_id;
	struct store_account	*acc;
	size_t			 nacc;
	struct store		*store;
	struct clock		 clock;
	struct store_conv_stat	*v;		/* the conversations kept */
	size_t			 n, cap;
};

/* One group's figures. */
struct cmd_stats_row {
	int64_t	begun, answered, waiting, median, p90;	/* waiting: no
							   answer yet */
	int64_t	known, within;		/* fate known; answered in time */
};

/*
 * What a message that was never sorted is (answered as it came in):
 * read now, as the classifier reads a message that waits; -1 if it
 * cannot be read.
 */
static int
cmd_stats_kind(struct cmd_stats *st, int64_t id)
{
	struct classify_signals	sig;
	struct classify_result	res;
	struct item		it;

	if (store_item_words(st->store, id, &it, NULL) != 0)
		return -1;
	memset(&sig, 0, sizeof sig);
	sig.lang = it.lang;
	sig.author_name = it.author_name;
	classify_text(it.text != NULL ? it.text : "", &sig, &res);
	item_clear(&it);
	return (int)res.kind;
}

/* Keep a conversation of the span (the store's callback). */
static void
cmd_stats_keep(void *arg, const struct store_conv_stat *c)
{
	struct cmd_stats	*st = arg;

	if (c->first < st->since || c->first >= st->until ||
	    c->kind == CLASSIFY_SPAM || (st->account != NULL &&
	    c->account_id != st->account_id))
		return;
	if (st->n == st->cap) {
		st->cap = st->cap == 0 ? 1024 : st->cap * 2;
		st->v = xreallocarray(st->v, st->cap, sizeof *st->v);
	}
	st->v[st->n] = *c;
	if (c->kind < 0)
		st->v[st->n].kind = cmd_stats_kind(st, c->first_id);
	if (st->v[st->n].kind != CLASSIFY_SPAM)
		st->n++;
}

/* Compare two times, for qsort. */
static int
cmd_stats_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The p-th percentile (nearest rank) of n sorted times. */
static int64_t
cmd_stats_rank(const int64_t *t, size_t n, int p)
{
	size_t	k;

	if (n == 0)
		return -1;
	k = (n * (size_t)p + 99) / 100;
	return t[k > 0 ? k - 1 : 0];
}

/* Work out a group's figures: the conversations for which in(c) holds. */
static void
cmd_stats_row(const struct cmd_stats *st, int (*in)(const struct cmd_stats *,
    const struct store_conv_stat *, const void *), const void *key,
    struct cmd_stats_row *r)
{
	const struct store_conv_stat	*c;
	int64_t				*t;
	size_t				 i, nt = 0;

	memset(r, 0, sizeof *r);
	t = xreallocarray(NULL, st->n > 0 ? st->n : 1, sizeof *t);
	for (i = 0; i < st->n; i++) {
		c = &st->v[i];
		if (!in(st, c, key))
			continue;
		r->begun++;
		if (c->answer != 0) {
			r->answered++;
			t[nt] = clock_waited(&st->clock, c->account_id,
			    c->first, c->answer);
			r->known++;
			r->within += t[nt++] <= clock_target(&st->clock,
			    c->account_id);
		} else {
			r->waiting++;
			r->known += clock_overdue(&st->clock, c->account_id,
			    c->first, st->now);
		}
	}
	qsort(t, nt, sizeof *t, cmd_stats_cmp);
	r->median = cmd_stats_rank(t, nt, 50);
	r->p90 = cmd_stats_rank(t, nt, 90);
	free(t);
}

/* The platform of an account, or "?". */
static const char *
cmd_stats_platform(const struct cmd_stats *st, int64_t id)
{
	size_t	i;

	for (i = 0; i < st->nacc; i++) {
		if (st->acc[i].id == id)
			return st->acc[i].platform;
	}
	return "?";
}

/* The name of the period a time falls in, by day, week or month. */
static void
cmd_stats_period(int by, int64_t t, char *buf, size_t len)
{
	time_t		tt = (time_t)t;
	struct tm	tm;
	size_t		n;

	localtime_r(&tt, &tm);
	if (by == BY_DAY)
		n = strftime(buf, len, "%Y-%m-%d", &tm);
	else if (by == BY_WEEK)
		n = strftime(buf, len, "%G-W%V", &tm);
	else
		n = strftime(buf, len, "%Y-%m", &tm);
	if (n == 0)
		*buf = '\0';
}

/* The groups: every conversation; or those of a platform, an account... */
static int
cmd_stats_in_all(const struct cmd_stats *st, const struct store_conv_stat *c,
    const void *key)
{
	(void)st;
	(void)c;
	(void)key;
	return 1;
}
static int
cmd_stats_in_platform(const struct cmd_stats *st,
    const struct store_conv_stat *c, const void *key)
{
	return strcmp(cmd_stats_platform(st, c->account_id), key) == 0;
}
static int
cmd_stats_in_account(const struct cmd_stats *st,
    const struct store_conv_stat *c, const void *key)
{
	(void)st;
	return c->account_id == *(const int64_t *)key;
}
static int
cmd_stats_in_kind(const struct cmd_stats *st, const struct store_conv_stat *c,
    const void *key)
{
	(void)st;
	return c->kind == *(const int *)key;
}
static int
cmd_stats_in_period(const struct cmd_stats *st,
    const struct store_conv_stat *c, const void *key)
{
	char	name[32];

	cmd_stats_period(st->by, c->first, name, sizeof name);
	return strcmp(name, key) == 0;
}

/*
 * Format a duration for the text table to the minute ("2h10m", "1d4h",
 * "45s"); "-" if none.
 */
static void
cmd_stats_age(int64_t t, char *buf, size_t len)
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

/* Print one group's figures in the chosen form; 0, or -1. */
static int
cmd_stats_print(const struct cmd_stats *st, const char *group,
    const char *key, const struct cmd_stats_row *r)
{
	char	 med[32], p90[32], share[16], label[64], *clean, *s;
	json_t	*o;
	int	 rc = 0;

	clean = cmd_clean(key, 0);
	if (r->known > 0)
		snprintf(share, sizeof share, "%lld%%", (long long)
		    ((r->within * 100 + r->known / 2) / r->known));
	else
		snprintf(share, sizeof share, "-");
	switch (st->out) {
	case OUT_TEXT:
		cmd_stats_age(r->median, med, sizeof med);
		cmd_stats_age(r->p90, p90, sizeof p90);
		if (strcmp(group, "all") == 0)
			snprintf(label, sizeof label, "%s", clean);
		else
			snprintf(label, sizeof label, "%s %s", group, clean);
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
		rc = printf("%s,\"%s\",%lld,%lld,%lld,%s,%s,%s\n", group, clean,
		    (long long)r->begun, (long long)r->answered,
		    (long long)r->waiting, r->median < 0 ? "" : med,
		    r->p90 < 0 ? "" : p90, r->known > 0 ? share : "") < 0 ?
		    -1 : 0;
		break;
	default:
		o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:o, s:o, s:o}",
		    "group", group, "key", clean, "begun", (json_int_t)r->begun,
		    "answered", (json_int_t)r->answered, "unanswered",
		    (json_int_t)r->waiting, "median", r->median < 0 ?
		    json_null() : json_integer(r->median), "p90", r->p90 < 0 ?
		    json_null() : json_integer(r->p90), "within_target",
		    r->known > 0 ? json_real((double)r->within /
		    (double)r->known) : json_null());
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

/* Print a group, unless it is empty; 0, or -1. */
static int
cmd_stats_group(const struct cmd_stats *st, const char *group,
    const char *name, int (*in)(const struct cmd_stats *,
    const struct store_conv_stat *, const void *), const void *key)
{
	struct cmd_stats_row	r;

	cmd_stats_row(st, in, key, &r);
	if (r.begun == 0 && strcmp(group, "all") != 0)
		return 0;
	return cmd_stats_print(st, group, name, &r);
}

/* Compare two names, for qsort. */
static int
cmd_stats_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Print the periods of --by, in order; 0, or -1. */
static int
cmd_stats_periods(const struct cmd_stats *st)
{
	char	**names = NULL, name[32];
	size_t	  n = 0, i, j;
	int	  rc = 0;

	for (i = 0; i < st->n; i++) {
		cmd_stats_period(st->by, st->v[i].first, name, sizeof name);
		for (j = 0; j < n && strcmp(names[j], name) != 0; j++)
			;
		if (j == n) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = xstrdup(name);
		}
	}
	qsort(names, n, sizeof *names, cmd_stats_cmp_name);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = cmd_stats_group(st, st->by == BY_DAY ? "day" :
			    st->by == BY_WEEK ? "week" : "month", names[i],
			    cmd_stats_in_period, names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Print every group: all, platforms, accounts, kinds, periods. */
static int
cmd_stats_groups(const struct cmd_stats *st)
{
	static const int	kinds[] = { CLASSIFY_COMPLAINT,
				    CLASSIFY_QUESTION, CLASSIFY_PRAISE,
				    CLASSIFY_OTHER };
	size_t			i, j;
	int			rc;

	rc = cmd_stats_group(st, "all", "all", cmd_stats_in_all, NULL);
	for (i = 0; rc == 0 && i < st->nacc; i++) {
		for (j = 0; j < i && strcmp(st->acc[j].platform,
		    st->acc[i].platform) != 0; j++)
			;
		if (j == i)
			rc = cmd_stats_group(st, "platform",
			    st->acc[i].platform, cmd_stats_in_platform,
			    st->acc[i].platform);
	}
	for (i = 0; rc == 0 && st->nacc > 1 && i < st->nacc; i++)
		rc = cmd_stats_group(st, "account", st->acc[i].name,
		    cmd_stats_in_account, &st->acc[i].id);
	for (i = 0; rc == 0 && i < nitems(kinds); i++)
		rc = cmd_stats_group(st, "kind", classify_kind_name(
		    (enum classify_kind)kinds[i]), cmd_stats_in_kind,
		    &kinds[i]);
	if (rc == 0 && st->by != BY_NONE)
		rc = cmd_stats_periods(st);
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
	int	c;

	st->now = st->until = util_now();
	st->since = st->now - 30 * 86400;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
		case 'u':
			if (cmd_parse_when(optarg, st->now, c == 's' ?
			    &st->since : &st->until) == 0)
				break;
			cmd_print(stderr, "heed stats: --%s takes a date "
			    "(2026-12-01) or a time back from now (30d)\n",
			    c == 's' ? "since" : "until");
			return CMD_EXIT_USAGE;
		case 'b':
			st->by = strcmp(optarg, "day") == 0 ? BY_DAY :
			    strcmp(optarg, "week") == 0 ? BY_WEEK :
			    strcmp(optarg, "month") == 0 ? BY_MONTH : -1;
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
			st->account_id = st->acc[i].id;
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

	t = (time_t)st->since;
	strftime(from, sizeof from, "%Y-%m-%d", localtime(&t));
	t = (time_t)st->until;
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
	    "%s%s; spam left out.\n\n", from, to, target, st->clock.simple ?
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
	st.store = env->store;
	if (clock_open(&st.clock, env->cfg, env->store, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return 1;
	}
	st.target = st.clock.dflt.target;
	if (store_account_list(env->store, &st.acc, &st.nacc, &cause) != 0 ||
	    ((rc = cmd_stats_account(&st)) == 0 &&
	    store_conv_stats(env->store, cmd_stats_keep, &st, &cause) != 0)) {
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
	free(st.v);
	return rc;
}
