/*
 * ui-alert.c -- alerts in the open inbox: when the cache's clock says a
 * new conversation waits, or one is about to pass its target (alert.c
 * decides, once for every heed on the cache), the terminal's bell rings,
 * the message line says who, and the desktop notification and
 * notify_command go out in children that a timer follows (alert-send.c):
 * one that fails, or runs past the limit and is ended, is said, and what
 * comes while they run goes out together once they are done. The
 * window's title (and tmux's pane title) says how many wait, as the
 * status bar counts them.
 *
 * The first look at a cache waits until the sync has nothing in flight,
 * so that the first sync of a new cache is not told as news.
 */
#include <curses.h>
#include <term.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "config-alert.h"
#include "config.h"
#include "log.h"
#include "loop.h"
#include "notify.h"
#include "sync.h"
#include "ui-private.h"
#include "util.h"

/* How often the children are looked at while they run (ms). */
#define UI_ALERT_WATCH_MS	250

struct ui_alerts {
	int			 ways;		/* ALERT_* */
	struct alert_conf	 conf;
	int			 conf_ok;
	int			 busy;		/* the sync was, last look */
	struct alert_sending	 sending;
	uint64_t		 watch;		/* the timer that follows it */
	struct alert_batch	 pending;	/* came while it went out */
	int			 title_pushed;	/* saved the terminal's own */
	char			*title;		/* the last one set */
};

/* Whether the terminal takes a title, and how: OSC 2 for xterm's kin. */
static int
ui_alert_titles(void)
{
	const char	*term = getenv("TERM");
	char		*tsl;

	if (getenv("TMUX") != NULL)
		return 1;
	tsl = tigetstr("tsl");
	if (tsl != NULL && tsl != (char *)-1)
		return 1;
	if (tigetflag("XT") > 0)
		return 1;
	return term != NULL && (strncmp(term, "xterm", 5) == 0 ||
	    strncmp(term, "screen", 6) == 0 || strncmp(term, "tmux", 4) == 0 ||
	    strncmp(term, "rxvt", 4) == 0 || strncmp(term, "foot", 4) == 0 ||
	    strncmp(term, "alacritty", 9) == 0 ||
	    strncmp(term, "xterm-kitty", 11) == 0);
}

/* Read how the config wants alerts; say once what is wrong with it. */
void
ui_alert_start(struct ui *ui)
{
	struct ui_alerts	*a;
	char			*cause = NULL;

	a = ui->alerts = xcalloc(1, sizeof *a);
	a->sending.desktop = a->sending.command = -1;
	a->busy = 1;
	if (config_alert_ways(config_str(ui->ctx.cfg, NULL, OPT_ALERT),
	    &a->ways, &cause) != 0 || alert_conf_read(&a->conf, ui->ctx.cfg,
	    &cause) != 0) {
		ui_message(ui, 1, "Alerts are off: %s", cause);
		free(cause);
		return;
	}
	a->conf_ok = 1;
	if ((a->ways & ALERT_TITLE) && !ui_alert_titles())
		a->ways &= ~ALERT_TITLE;
	if (a->ways & ALERT_TITLE) {
		/* xterm keeps the title heed replaces; others ignore this. */
		fputs("\033[22;2t", stdout);
		fflush(stdout);
		a->title_pushed = 1;
	}
}

/* Say what could not be delivered outside the terminal, and free it. */
static void
ui_alert_failed(struct ui *ui, char *cause)
{
	ui_message(ui, 1, "An alert could not be delivered: %s (heed alert "
	    "--test says more)", cause);
	free(cause);
}

static int64_t	ui_alert_watch(void *);

/* Send a batch outside the terminal, and follow the children. */
static void
ui_alert_send(struct ui *ui, const struct alert_batch *b)
{
	struct ui_alerts	*a = ui->alerts;
	char			*cause = NULL;

	alert_send_start(ui->ctx.cfg, b, NOTIFY_QUIET, &a->sending, &cause);
	if (cause != NULL)
		ui_alert_failed(ui, cause);
	if (alert_send_busy(&a->sending) && a->watch == 0)
		a->watch = loop_every(ui->ctx.loop, UI_ALERT_WATCH_MS,
		    ui_alert_watch, ui);
}

/*
 * Follow the children: say what failed, end them past the limit, and
 * once they are done send what came meanwhile. The ms until the next
 * look, or -1 once there is nothing left to follow.
 */
static int64_t
ui_alert_watch(void *arg)
{
	struct ui		*ui = arg;
	struct ui_alerts	*a = ui->alerts;
	struct alert_batch	 b;
	char			*cause = NULL;

	if (alert_send_poll(&a->sending, &cause) < 0)
		ui_alert_failed(ui, cause);
	if (alert_send_overdue(&a->sending) &&
	    alert_send_end(&a->sending, &cause) != 0)
		ui_alert_failed(ui, cause);
	if (!alert_send_busy(&a->sending) && a->pending.n > 0) {
		b = a->pending;
		memset(&a->pending, 0, sizeof a->pending);
		ui_alert_send(ui, &b);
		alert_batch_free(&b);
	}
	if (alert_send_busy(&a->sending))
		return UI_ALERT_WATCH_MS;
	a->watch = 0;
	return -1;
}

/* Tell the owner of a batch: bell, message line, the children. */
static void
ui_alert_tell(struct ui *ui, struct alert_batch *b)
{
	struct ui_alerts	*a = ui->alerts;
	char			*title;

	if (a->ways & ALERT_BELL)
		beep();
	title = alert_title(b);
	ui_message(ui, 0, "%s", title);
	free(title);
	if (!alert_send_busy(&a->sending)) {
		ui_alert_send(ui, b);
		return;
	}
	/*
	 * The last one is still on its way: this goes out after it. Only in
	 * the log's debug lines: an info line would take the message line.
	 */
	log_debug("alert kept to go out when the last one is done");
	alert_batch_merge(ui->ctx.store, &ui->clock, &a->pending, b);
}

/*
 * Whether every account has synced (or failed to) since heed started:
 * before that, the cache is not yet what the platforms hold.
 */
static int
ui_alert_synced(struct ui *ui)
{
	const struct sync_account_status	*st;
	size_t					 i, n;

	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		if (st[i].state == SYNC_IDLE && st[i].last_success == 0)
			return 0;
	}
	return 1;
}

/*
 * Look whether there is something to tell: on every tick, and when a
 * sync has just finished (or, the first time, once the first frame is
 * up). Never while a sync is still in flight.
 */
void
ui_alert_check(struct ui *ui, int tick)
{
	struct ui_alerts	*a = ui->alerts;
	struct alert_batch	 b;
	char			*cause = NULL;
	int			 busy;

	/* Never on the way to the first frame: it reads the whole inbox. */
	if (a == NULL || !ui->painted)
		return;
	busy = sync_busy(ui->ctx.sync) || !ui_alert_synced(ui);
	if (busy || !a->conf_ok || !ui->clock_ok || (!tick && !a->busy)) {
		a->busy = busy;
		return;
	}
	a->busy = 0;
	if (alert_collect(ui->ctx.store, &ui->clock, &a->conf, util_now(), &b,
	    &cause) != 0) {
		log_warn("alerts: %s", cause);
		free(cause);
		return;
	}
	if (b.n > 0)
		ui_alert_tell(ui, &b);
	alert_batch_free(&b);
}

/* Set the window's title to how many wait, when it changed. */
void
ui_alert_title(struct ui *ui)
{
	struct ui_alerts	*a = ui->alerts;
	int64_t			 waiting, over;
	char			*title;

	if (a == NULL || !(a->ways & ALERT_TITLE) || (!ui->conv_counted &&
	    !ui->counts_failed))
		return;
	waiting = ui->conv_waiting;
	over = ui->conv_overdue;
	if (ui->counts_failed)
		title = xstrdup("heed");
	else if (waiting == 0)
		title = xstrdup("heed: nothing waiting");
	else if (over == 0)
		title = xprintf("heed: %lld waiting", (long long)waiting);
	else
		title = xprintf("heed: %lld waiting, %lld overdue",
		    (long long)waiting, (long long)over);
	if (a->title != NULL && strcmp(a->title, title) == 0) {
		free(title);
		return;
	}
	free(a->title);
	a->title = title;
	printf("\033]2;%s\007", title);
	fflush(stdout);
}

/* Give the terminal its title back and free what alerts hold. */
void
ui_alert_end(struct ui *ui)
{
	struct ui_alerts	*a = ui->alerts;

	if (a == NULL)
		return;
	if (a->title_pushed) {
		fputs("\033[23;2t", stdout);
		fflush(stdout);
	}
	if (a->watch != 0)
		loop_timer_cancel(ui->ctx.loop, a->watch);
	if (a->pending.n > 0)
		log_info("%zu conversations not told outside the terminal: "
		    "heed was closed before the last alert was done",
		    a->pending.n);
	alert_batch_free(&a->pending);
	if (a->conf_ok)
		alert_conf_free(&a->conf);
	free(a->title);
	free(a);
	ui->alerts = NULL;
}
