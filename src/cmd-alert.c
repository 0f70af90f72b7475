/*
 * cmd-alert.c -- heed alert: try the alerts that reach the owner outside
 * the terminal (--test sends a sample through the desktop notification
 * and notify_command, as configured, and says how each went), and show
 * one desktop notification (--desktop, what heed runs in a child of its
 * own to notify without waiting). Also heed sync --notify's part: look
 * at the cache after a sync and deliver what there is to tell.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "clock.h"
#include "cmd.h"
#include "config-alert.h"
#include "config.h"
#include "notify.h"
#include "store.h"
#include "util.h"

/* A sample batch: one made-up message, for --test. */
static void
cmd_alert_sample(struct alert_batch *b)
{
	memset(b, 0, sizeof *b);
	b->now = util_now();
	b->v = xcalloc(1, sizeof *b->v);
	b->n = 1;
	b->count[ALERT_NEW] = 1;
	b->v[0].what = ALERT_NEW;
	b->v[0].first = b->now;
	b->v[0].due = b->now + 4 * 3600;
	b->v[0].kind = -1;
	b->v[0].account = xstrdup("test");
	b->v[0].platform = xstrdup("test");
	b->v[0].author = xstrdup("heed");
	b->v[0].text = xstrdup("A test alert: if you read this, alerts reach "
	    "you here.");
}

/* heed alert --test: send a sample and say how each way went. */
static int
cmd_alert_test(struct cmd_env *env)
{
	struct alert_batch	 b;
	struct alert_sending	 as;
	char			*cause = NULL;
	int			 ways = 0, rc = 0;
	const char		*command;

	if (env->setup(env) != 0)
		return 1;
	command = config_str(env->cfg, NULL, OPT_NOTIFY_COMMAND);
	if (config_alert_ways(config_str(env->cfg, NULL, OPT_ALERT), &ways,
	    &cause) != 0) {
		free(cause);
		cause = NULL;
	}
	if (!(ways & ALERT_DESKTOP) && *command == '\0') {
		printf("Nothing to try: alert has no desktop and notify_command "
		    "is not set, so heed alerts only in the open inbox.\n");
		return 0;
	}
	cmd_alert_sample(&b);
	alert_send_start(env->cfg, &b, 0, &as, &cause);
	if (cause != NULL) {
		cmd_print(stderr, "heed alert: %s\n", cause);
		free(cause);
		rc = 1;
	}
	if (alert_send_wait(&as, &cause) != 0) {
		cmd_print(stderr, "heed alert: %s\n", cause);
		free(cause);
		rc = 1;
	}
	if (rc == 0)
		printf("Sent a test alert:%s%s.\n", ways & ALERT_DESKTOP ?
		    " a desktop notification" : "", *command != '\0' ?
		    (ways & ALERT_DESKTOP ? " and notify_command" :
		    " notify_command") : "");
	alert_batch_free(&b);
	return rc;
}

/*
 * heed alert --desktop [--urgent] [--] TITLE TEXT: one notification, now.
 * heed puts "--" before them: a title may begin with a customer's "-Bob".
 */
static int
cmd_alert_desktop(int urgent, int argc, char **argv)
{
	char	*cause = NULL;

	if (argc != 2) {
		cmd_print(stderr, "heed alert --desktop: a title and a text "
		    "are expected\n");
		return CMD_EXIT_USAGE;
	}
	if (notify_desktop_show(argv[0], argv[1], urgent, &cause) != 0) {
		cmd_print(stderr, "heed: desktop notification: %s\n", cause);
		free(cause);
		return 1;
	}
	return 0;
}

/* heed alert --test | --desktop [--urgent] [--] TITLE TEXT */
int
cmd_alert(struct cmd_env *env, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "test", no_argument, NULL, 't' },
		{ "desktop", no_argument, NULL, 'd' },
		{ "urgent", no_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 }
	};
	int	c, test = 0, desktop = 0, urgent = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			test = 1;
			break;
		case 'd':
			desktop = 1;
			break;
		case 'u':
			urgent = 1;
			break;
		default:
			return CMD_EXIT_USAGE;
		}
	}
	if (desktop && !test)
		return cmd_alert_desktop(urgent, argc - optind, argv + optind);
	if (!test || desktop || urgent || optind != argc) {
		cmd_print(stderr, "usage: heed alert --test\n");
		return CMD_EXIT_USAGE;
	}
	return cmd_alert_test(env);
}

/*
 * heed sync --notify: look at the cache after the sync and deliver what
 * there is to tell, waiting for it. 0, or 1 once said what failed.
 */
int
cmd_alert_after_sync(struct cmd_env *env, int quiet)
{
	struct clock		 clock;
	struct alert_conf	 ac;
	struct alert_batch	 b;
	struct alert_sending	 as;
	char			*cause = NULL, *title;
	int			 rc = 0;

	if (clock_open(&clock, env->cfg, env->store, &cause) != 0 ||
	    alert_conf_read(&ac, env->cfg, &cause) != 0) {
		cmd_print(stderr, "heed: alerts: %s\n", cause);
		free(cause);
		return 1;
	}
	if (alert_collect(env->store, &clock, &ac, util_now(), &b,
	    &cause) != 0) {
		cmd_print(stderr, "heed: alerts: %s\n", cause);
		free(cause);
		rc = 1;
	} else if (b.n > 0) {
		title = alert_title(&b);
		if (!quiet)
			printf("alert: %s\n", title);
		free(title);
		alert_send_start(env->cfg, &b, 0, &as, &cause);
		if (cause != NULL) {
			cmd_print(stderr, "heed: alerts: %s\n", cause);
			free(cause);
			rc = 1;
		}
		if (alert_send_wait(&as, &cause) != 0) {
			cmd_print(stderr, "heed: alerts: %s\n", cause);
			free(cause);
			rc = 1;
		}
	}
	alert_batch_free(&b);
	alert_conf_free(&ac);
	clock_close(&clock);
	return rc;
}
