/*
 * cmd-sync.c -- heed sync: bring the cache up to date and send what the
 * outbox holds, without a terminal, for cron or a systemd timer.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "loop.h"
#include "store.h"
#include "sync.h"
#include "text.h"
#include "util.h"

#define CMD_SYNC_DEADLINE_MS	(10 * 60 * 1000)

struct cmd_sync_run {
	struct loop	*loop;
	struct sync	*sync;
	int		 timed_out;
};

/* Stop once sync has nothing left to do. */
static void
cmd_sync_poll(void *arg)
{
	struct cmd_sync_run	*r = arg;

	if (!sync_busy(r->sync))
		loop_stop(r->loop, 0);
	else
		loop_timer_add(r->loop, 20, cmd_sync_poll, r);
}

/* Give up on a sync that takes far too long. */
static void
cmd_sync_deadline(void *arg)
{
	struct cmd_sync_run	*r = arg;

	r->timed_out = 1;
	loop_stop(r->loop, 0);
}

/* Keep only the named account in the config; 0, or -1 if there is none. */
static int
cmd_sync_only(struct config *cfg, const char *name)
{
	size_t	i, j;

	for (i = 0; i < cfg->naccounts; i++) {
		if (strcmp(cfg->accounts[i].name, name) == 0)
			break;
	}
	if (i == cfg->naccounts)
		return -1;
	for (j = 0; j < cfg->naccounts; j++) {
		if (j == i)
			continue;
		free(cfg->accounts[j].name);
		for (size_t k = 0; k < OPT_COUNT; k++)
			free(cfg->accounts[j].v[k].s);
	}
	cfg->accounts[0] = cfg->accounts[i];
	cfg->naccounts = 1;
	return 0;
}

/*
 * Print how each account did; return how many failed. An account that
 * synced with something to say (a stream its login may not read) counts
 * in *warned: the run is partial, not failed.
 */
static size_t
cmd_sync_report(struct sync *sync, int quiet, size_t *n, size_t *warned)
{
	const struct sync_account_status	*st;
	size_t					 i, failed = 0;

	*n = sync_status(sync, &st);
	*warned = 0;
	for (i = 0; i < *n; i++) {
		if (st[i].state == SYNC_IDLE && st[i].last_error == NULL) {
			if (!quiet)
				cmd_print(stdout, "%s: synced\n", st[i].name);
			continue;
		}
		if (st[i].state == SYNC_IDLE) {
			(*warned)++;
			cmd_print(stderr, "heed sync: %s: synced, but: %s\n",
			    st[i].name, st[i].last_error);
			continue;
		}
		failed++;
		cmd_print(stderr, "heed sync: %s: %s\n", st[i].name,
		    st[i].last_error != NULL ? st[i].last_error : "not synced");
	}
	return failed;
}

/*
 * Say what the outbox still holds, if anything: what failed, what waits
 * to be sent, and what heed is still looking for on the platform (a reply
 * whose answer was lost), with when it looks next.
 */
static void
cmd_sync_outbox(struct store *store, int quiet)
{
	struct outbox_entry	*e;
	char			*cause = NULL, when[48];
	size_t			 n, i, failed = 0, waiting = 0, checking = 0;
	int64_t			 now = util_now(), next = 0;

	if (store_outbox_list(store, &e, &n, &cause) != 0) {
		cmd_print(stderr, "heed sync: %s\n", cause);
		free(cause);
		return;
	}
	for (i = 0; i < n; i++) {
		if (e[i].state == OUTBOX_FAILED)
			failed++;
		else if (e[i].state == OUTBOX_CHECKING) {
			checking++;
			if (next == 0 || e[i].next_attempt < next)
				next = e[i].next_attempt;
		} else
			waiting++;
	}
	store_outbox_list_free(e, n);
	if (failed != 0)
		cmd_print(stderr, "heed sync: %zu send%s failed: see heed's "
		    "outbox (O) to retry, edit or discard\n", failed,
		    failed == 1 ? "" : "s");
	if (checking != 0) {
		util_format_age(next > now ? next - now : 0, when, sizeof when);
		cmd_print(stderr, "heed sync: %zu repl%s may or may not have "
		    "gone out (the answer was lost); heed looks on the "
		    "platform again in %s, and sends only what is still "
		    "missing then: run heed sync again after that\n", checking,
		    checking == 1 ? "y" : "ies", when);
	}
	if (waiting != 0 && !quiet)
		cmd_print(stdout, "outbox: %zu waiting to be sent\n", waiting);
}

/* Check that the cache is sound; print why not and return -1. */
static int
cmd_sync_check(struct store *store)
{
	char	*cause = NULL;

	if (store_check(store, &cause) == 0)
		return 0;
	cmd_print(stderr, "heed sync: %s; heed doctor says more\n", cause);
	free(cause);
	return -1;
}

/*
 * heed sync [--account NAME] [--quiet] [--notify]: exit 0 when every
 * account synced, 1 when some did (or an alert could not be delivered),
 * 2 when none did.
 */
int
cmd_sync(struct cmd_env *env, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "account", required_argument, NULL, 'a' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "notify", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct config		*cfg = env->cfg;
	struct store		*store = env->store;
	struct cmd_sync_run	 r;
	char			*cause = NULL;
	const char		*only = NULL;
	int			 c, quiet = 0, notify = 0, alerted = 0;
	size_t			 failed, n, warned;
	uint64_t		 deadline;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'a')
			only = optarg;
		else if (c == 'q')
			quiet = 1;
		else if (c == 'n')
			notify = 1;
		else
			return 2;
	}
	if (optind != argc) {
		cmd_print(stderr, "usage: heed sync [--account NAME] "
		    "[--quiet] [--notify]\n");
		return 2;
	}
	if (only != NULL && cmd_sync_only(cfg, only) != 0) {
		cmd_print(stderr, "heed sync: no account named %s\n", only);
		return 2;
	}
	if (cfg->naccounts == 0) {
		cmd_print(stderr, "heed sync: no accounts in the config (see "
		    "heed.conf(5))\n");
		return 2;
	}
	memset(&r, 0, sizeof r);
	r.loop = loop_new();
	if ((r.sync = sync_new(r.loop, store, cfg, 0, &cause)) == NULL) {
		cmd_print(stderr, "heed sync: %s\n", cause);
		free(cause);
		loop_free(r.loop);
		return 2;
	}
	sync_now(r.sync);
	loop_timer_add(r.loop, 20, cmd_sync_poll, &r);
	deadline = loop_timer_add(r.loop, CMD_SYNC_DEADLINE_MS,
	    cmd_sync_deadline, &r);
	loop_run(r.loop);
	loop_timer_cancel(r.loop, deadline);
	failed = cmd_sync_report(r.sync, quiet, &n, &warned);
	cmd_sync_outbox(store, quiet);
	if (r.timed_out)
		cmd_print(stderr, "heed sync: gave up after %d minutes\n",
		    CMD_SYNC_DEADLINE_MS / 60000);
	sync_free(r.sync);
	loop_free(r.loop);
	if (cmd_sync_check(store) != 0)
		return 2;
	/* What the sync brought is told even when an account failed. */
	if (notify)
		alerted = cmd_alert_after_sync(env, quiet);
	if (failed == 0 && warned == 0 && !r.timed_out)
		return alerted;
	return failed < n && !r.timed_out ? 1 : 2;
}
