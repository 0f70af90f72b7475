/*
 * cmd-status.c -- heed status: one line from the cache saying who waits
 * for an answer ("3 waiting, 1 overdue, oldest 2h10m"), for a status bar
 * (tmux's status-right, waybar, i3blocks) and for scripts, which read
 * the exit status: 0 when nothing is overdue, 3 when something is.
 * It reads the cache only: no sync, no network, a few milliseconds.
 * Overdue is past an account's response target in its business hours
 * (clock.h); with no hours set anywhere and one target, one statement
 * counts it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "cmd.h"
#include "config.h"
#include "store.h"
#include "util.h"

/* The exit status when a conversation has waited past the target. */
#define CMD_STATUS_OVERDUE	3

/* The line printed without --format. */
#define CMD_STATUS_FORMAT	"%w waiting, %o overdue, oldest %a"

/*
 * Write the status line of a format into b: %w the conversations
 * waiting, %o those overdue, %a how long the oldest has waited ("-" if
 * none), %t the response target, %% a %. 0, or -1 with *cause for an
 * unknown escape.
 */
static int
cmd_status_format(struct buf *b, const char *fmt,
    const struct store_waiting *w, int64_t now, int64_t target,
    char **cause)
{
	const char	*p;
	char		 age[16];

	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			buf_addch(b, *p);
			continue;
		}
		switch (*++p) {
		case 'w':
			buf_printf(b, "%lld", (long long)w->waiting);
			break;
		case 'o':
			buf_printf(b, "%lld", (long long)w->overdue);
			break;
		case 'a':
			if (w->waiting == 0)
				snprintf(age, sizeof age, "-");
			else
				util_format_age(now > w->oldest ? now -
				    w->oldest : 0, age, sizeof age);
			buf_addstr(b, age);
			break;
		case 't':
			util_format_age(target, age, sizeof age);
			buf_addstr(b, age);
			break;
		case '%':
			buf_addch(b, '%');
			break;
		case '\0':
			return util_fail(cause, "--format: a %% at the end "
			    "(%%%% is a %%)");
		default:
			return util_fail(cause, "--format: %%%.1s is not known "
			    "(%%w waiting, %%o overdue, %%a oldest, %%t target, "
			    "%%%% a %%)", p);
		}
	}
	return 0;
}

/* What the conversations add up to, one at a time. */
struct cmd_status_count {
	const struct clock	*clock;
	int64_t			 now;
	struct store_waiting	*w;
};

/* Count one waiting conversation (store_waiting_each's callback). */
static void
cmd_status_one(void *arg, int64_t account, int64_t first)
{
	struct cmd_status_count	*c = arg;

	c->w->waiting++;
	if (c->w->oldest == 0 || first < c->w->oldest)
		c->w->oldest = first;
	c->w->overdue += clock_overdue(c->clock, account, first, c->now);
}

/* Count what waits, on the clock of each account; 0, or -1. */
static int
cmd_status_count(struct cmd_env *env, int64_t now, struct store_waiting *w,
    int64_t *target, char **cause)
{
	struct clock		c;
	struct cmd_status_count	cc;
	int			rc;

	if (clock_open(&c, env->cfg, env->store, cause) != 0)
		return -1;
	*target = c.dflt.target;
	if (c.simple)
		rc = store_waiting(env->store, now - c.dflt.target, w, cause);
	else {
		memset(w, 0, sizeof *w);
		cc.clock = &c;
		cc.now = now;
		cc.w = w;
		rc = store_waiting_each(env->store, cmd_status_one, &cc,
		    cause);
	}
	clock_close(&c);
	return rc;
}

/* heed status [--format FMT]: the line, and the exit status. */
int
cmd_status(struct cmd_env *env, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_waiting	 w;
	struct buf		 b;
	const char		*fmt = NULL;
	char			*cause = NULL;
	int64_t			 now, target;
	int			 c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'f')
			return CMD_EXIT_USAGE;
		fmt = optarg;
	}
	if (optind != argc) {
		cmd_print(stderr, "heed status: unexpected %s\n", argv[optind]);
		return CMD_EXIT_USAGE;
	}
	if (env->setup(env) != 0)
		return 1;
	if (env->demo && cmd_demo_sync(env) != 0)
		return 1;
	now = util_now();
	if (cmd_status_count(env, now, &w, &target, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return 1;
	}
	buf_init(&b, 0);
	if (fmt == NULL && w.waiting == 0)
		buf_addstr(&b, "nothing waiting");
	else if (cmd_status_format(&b, fmt != NULL ? fmt : CMD_STATUS_FORMAT,
	    &w, now, target, &cause) != 0) {
		cmd_print(stderr, "heed status: %s\n", cause);
		free(cause);
		buf_free(&b);
		return CMD_EXIT_USAGE;
	}
	rc = w.overdue > 0 ? CMD_STATUS_OVERDUE : 0;
	if (printf("%s\n", b.len > 0 ? b.data : "") < 0 ||
	    fflush(stdout) != 0) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = 1;
	}
	buf_free(&b);
	return rc;
}
