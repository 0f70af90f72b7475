/*
 * alert-send.c -- a batch of alerts delivered outside the terminal: the
 * desktop notification and notify_command, each in a child (notify.c),
 * waited for by the commands and polled by the open inbox.
 */
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "config-alert.h"
#include "config.h"
#include "notify.h"
#include "util.h"

#define ALERT_DESKTOP_WHAT	"the desktop notification"
#define ALERT_COMMAND_WHAT	"notify_command"

/* Add a line to what failed. */
static void
alert_send_fail(char **cause, char *line)
{
	char	*both;

	if (*cause == NULL) {
		*cause = line;
		return;
	}
	both = xprintf("%s\n%s", *cause, line);
	free(*cause);
	free(line);
	*cause = both;
}

/* Start the desktop notification and notify_command; see alert.h. */
void
alert_send_start(const struct config *cfg, const struct alert_batch *b,
    int flags, struct alert_sending *as, char **cause)
{
	const char	*command = config_str(cfg, NULL, OPT_NOTIFY_COMMAND);
	char		*title, *body, **env, *why = NULL;
	int		 ways = 0;

	as->desktop = as->command = -1;
	*cause = NULL;
	if (config_alert_ways(config_str(cfg, NULL, OPT_ALERT), &ways,
	    &why) != 0)
		free(why);
	if (ways & ALERT_DESKTOP) {
		title = alert_title(b);
		body = alert_body(b);
		as->desktop = notify_desktop_start(title, body, b->count[
		    ALERT_LATE] > 0, flags, &why);
		if (as->desktop == -1)
			alert_send_fail(cause, why);
		free(title);
		free(body);
	}
	if (*command != '\0') {
		env = alert_env(b);
		as->command = notify_command_start(command, env, flags, &why);
		if (as->command == -1)
			alert_send_fail(cause, why);
		alert_env_free(env);
	}
}

/* Wait for one child; what failed goes to *cause. */
static int
alert_send_wait_one(int *pid, int ms, const char *what, char **cause)
{
	char	*why = NULL;
	int	 rc = 0;

	if (*pid == -1)
		return 0;
	if (notify_wait(*pid, ms, what, &why) != 0) {
		alert_send_fail(cause, why);
		rc = -1;
	}
	*pid = -1;
	return rc;
}

/* Wait for both; see alert.h. */
int
alert_send_wait(struct alert_sending *as, int ms, char **cause)
{
	int	rc = 0;

	*cause = NULL;
	rc |= alert_send_wait_one(&as->desktop, ms, ALERT_DESKTOP_WHAT,
	    cause);
	rc |= alert_send_wait_one(&as->command, ms, ALERT_COMMAND_WHAT,
	    cause);
	return rc != 0 ? -1 : 0;
}

/* Reap one child without waiting: 0 running, 1 done (or none), -1. */
static int
alert_send_poll_one(int *pid, const char *what, char **cause)
{
	char	*why = NULL;
	int	 rc;

	if (*pid == -1)
		return 1;
	if ((rc = notify_poll(*pid, what, &why)) == 0)
		return 0;
	*pid = -1;
	if (rc < 0)
		alert_send_fail(cause, why);
	return rc;
}

/* Reap without waiting; see alert.h. */
int
alert_send_poll(struct alert_sending *as, char **cause)
{
	int	d, c;

	*cause = NULL;
	d = alert_send_poll_one(&as->desktop, ALERT_DESKTOP_WHAT, cause);
	c = alert_send_poll_one(&as->command, ALERT_COMMAND_WHAT, cause);
	if (d < 0 || c < 0)
		return -1;
	return d == 1 && c == 1 ? 1 : 0;
}
