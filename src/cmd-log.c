/*
 * cmd-log.c -- heed log: the activity log, read. Every change heed made
 * (done, snooze, flag, note, tags, kind, undo, what was queued and what
 * went out), when, by which local user, and to whose message; oldest
 * first, the newest 50 without --since. It only reads the cache.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* How many rows heed log prints without --since or --limit. */
#define CMD_LOG_DEFAULT	50

/* What heed log was asked for. */
struct cmd_log_opts {
	int64_t	since;
	int64_t	limit;
	int	json;
};

/* Read heed log's options; 0, or the exit status of a usage error. */
static int
cmd_log_options(int argc, char **argv, struct cmd_log_opts *o)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int	c, since = 0, limit = 0;

	memset(o, 0, sizeof *o);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			since = 1;
			if (cmd_parse_when(optarg, util_now(), &o->since) == 0)
				break;
			cmd_print(stderr, "heed log: --since takes a date "
			    "(2026-12-01) or a time back from now (2d, 12h)\n");
			return CMD_EXIT_USAGE;
		case 'n':
			limit = 1;
			if (util_parse_int(optarg, 1, INT64_MAX, &o->limit) == 0)
				break;
			cmd_print(stderr, "heed log: --limit takes a positive "
			    "number\n");
			return CMD_EXIT_USAGE;
		case 'j':
			o->json = 1;
			break;
		default:
			return CMD_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_print(stderr, "heed log: unexpected %s\n", argv[optind]);
		return CMD_EXIT_USAGE;
	}
	if (!since && !limit)
		o->limit = CMD_LOG_DEFAULT;
	return 0;
}

/* Print one row as a line: when, who, what, to whose message, detail. */
static void
cmd_log_line(const struct store_activity *a)
{
	char		 when[32], *who, *author, *text, *detail, *cut;
	time_t		 t = (time_t)a->time;
	struct tm	 tm;

	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	who = cmd_clean(a->who != NULL ? a->who : "?", 0);
	author = cmd_clean(a->author, 0);
	text = cmd_clean(a->text, 0);
	detail = activity_detail(a->action, a->detail);
	cut = text != NULL ? text_first_line(text, 40) : NULL;
	printf("%s  %-10s  %-10s  %s%s%s%s%s%s\n", when, who, a->action,
	    author != NULL ? author : "", cut != NULL ? ": " : "",
	    cut != NULL ? cut : "", detail != NULL && *detail != '\0' ?
	    (author != NULL || cut != NULL ? " (" : "(") : "",
	    detail != NULL ? detail : "", detail != NULL && *detail != '\0' ?
	    ")" : "");
	free(who);
	free(author);
	free(text);
	free(detail);
	free(cut);
}

/* Print one row as a line of JSON; 0, or -1 if it could not be. */
static int
cmd_log_json(const struct store_activity *a)
{
	json_t	*o;
	char	*s, *who, *author, *text, *detail;
	int	 rc = -1;

	who = cmd_clean(a->who, 0);
	author = cmd_clean(a->author, 0);
	text = cmd_clean(a->text, 0);
	detail = cmd_clean(a->detail, 0);
	o = json_pack("{s:I, s:s?, s:s, s:s?, s:I, s:s?, s:s?}", "time",
	    (json_int_t)a->time, "who", who, "action", a->action, "detail",
	    detail, "item", (json_int_t)a->item_id, "author", author, "text",
	    text);
	if (o != NULL && (s = json_dumps(o, JSON_COMPACT)) != NULL) {
		rc = puts(s) == EOF ? -1 : 0;
		free(s);
	}
	json_decref(o);
	free(who);
	free(author);
	free(text);
	free(detail);
	return rc;
}

/* heed log [--since WHEN] [--limit N] [--json]. */
int
cmd_log(struct cmd_env *env, int argc, char **argv)
{
	struct cmd_log_opts	 o;
	struct store_activity	*a;
	size_t			 n, i;
	char			*cause = NULL;
	int			 rc;

	if ((rc = cmd_log_options(argc, argv, &o)) != 0)
		return rc;
	if (env->setup(env) != 0)
		return 1;
	if (env->demo && cmd_demo_sync(env) != 0)
		return 1;
	if (store_activity_since(env->store, o.since, (size_t)o.limit, &a, &n,
	    &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return 1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (!o.json)
			cmd_log_line(&a[i]);
		else if (cmd_log_json(&a[i]) != 0)
			rc = 1;
	}
	store_activity_free(a, n);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}
