/*
 * alert-send.c -- a batch of alerts delivered outside the terminal: the
 * desktop notification and notify_command, each in a child (notify.c),
 * waited for by the commands and polled by the open inbox. Both have
 * notify_limit_ms from the start, together: one that runs longer is
 * ended, with all it started.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	as->started = util_mono_ms();
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

/* Whether a child still runs; see alert.h. */
int
alert_send_busy(const struct alert_sending *as)
{
	return as->desktop != -1 || as->command != -1;
}

/* Whether they have run past the limit; see alert.h. */
int
alert_send_overdue(const struct alert_sending *as)
{
	return alert_send_busy(as) &&
	    util_mono_ms() - as->started >= notify_limit_ms();
}

/* End one child; what it says goes to *cause. */
static void
alert_send_end_one(int *pid, const char *what, char **cause)
{
	char	*why = NULL;

	if (*pid == -1)
		return;
	if (notify_end(*pid, what, &why) != 0)
		alert_send_fail(cause, why);
	*pid = -1;
}

/* End what still runs; see alert.h. */
int
alert_send_end(struct alert_sending *as, char **cause)
{
	*cause = NULL;
	alert_send_end_one(&as->desktop, ALERT_DESKTOP_WHAT, cause);
	alert_send_end_one(&as->command, ALERT_COMMAND_WHAT, cause);
	return *cause != NULL ? -1 : 0;
}

/* Wait for both, up to the limit; see alert.h. */
int
alert_send_wait(struct alert_sending *as, char **cause)
{
	struct timespec	 tick = { 0, 20 * 1000 * 1000 };
	char		*why = NULL;
	int		 rc = 0;

	*cause = NULL;
	for (;;) {
		if (alert_send_poll(as, &why) < 0) {
			alert_send_fail(cause, why);
			rc = -1;
		}
		if (!alert_send_busy(as))
			return rc;
		if (alert_send_overdue(as)) {
			if (alert_send_end(as, &why) != 0)
				alert_send_fail(cause, why);
			return *cause != NULL ? -1 : rc;
		}
		nanosleep(&tick, NULL);
	}
}
