/*
 * ui.c -- the terminal: start and stop curses, read keys, route them to
 * the screen on top, paint it with the bars, messages and prompts, and
 * answer signals and timers.
 */
#include <sys/ioctl.h>

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

static int ui_curses_up;

/* Give the terminal back (also from fatal() and signal exits). */
static void
ui_restore_terminal(void)
{
	if (ui_curses_up) {
		endwin();
		ui_curses_up = 0;
	}
}

/* Set up colours unless NO_COLOR, the config or the terminal says no. */
static void
ui_colors(struct ui *ui)
{
	int64_t		 mode = config_int(ui->ctx.cfg, NULL, OPT_COLOR);
	const char	*nc = getenv("NO_COLOR");

	ui->color = 0;
	if (mode == COLOR_NEVER || !has_colors())
		return;
	if (mode == COLOR_AUTO && nc != NULL && *nc != '\0')
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_WHITE);
	init_pair(PAIR_OK, COLOR_GREEN, -1);
	init_pair(PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(PAIR_LATE, COLOR_RED, -1);
	init_pair(PAIR_OWN, COLOR_CYAN, -1);
	init_pair(PAIR_DIM, COLOR_BLUE, -1);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
	init_pair(PAIR_FLAG, COLOR_MAGENTA, -1);
	init_pair(PAIR_TAG, COLOR_BLUE, -1);
	ui->color = 1;
}

/*
 * Decide how charts draw their bars: in Unicode blocks, unless the
 * config says ascii, or says auto and the locale's character set is not
 * UTF-8 or NO_COLOR is set (a plain terminal, plainly drawn).
 */
static void
ui_charts(struct ui *ui)
{
	int64_t		 mode = config_int(ui->ctx.cfg, NULL, OPT_CHARTS);
	const char	*nc = getenv("NO_COLOR"), *set;

	set = nl_langinfo(CODESET);
	if (mode == CHARTS_AUTO)
		ui->ascii = (nc != NULL && *nc != '\0') || set == NULL ||
		    (strcasecmp(set, "UTF-8") != 0 &&
		    strcasecmp(set, "UTF8") != 0);
	else
		ui->ascii = mode == CHARTS_ASCII;
}

/* Show warnings and errors from the rest of heed on the message line. */
static void
ui_log_hook(enum log_level level, const char *msg, void *arg)
{
	struct ui	*ui = arg;

	/* What sync finished shows too, unless a question is up. */
	if (level >= LOG_WARN || !ui->prompt.active)
		ui_message(ui, level == LOG_ERROR, "%s", msg);
}

/* The variables of the locale categories, besides LC_ALL and LANG. */
static const char *const ui_locale_vars[] = {
	"LC_COLLATE", "LC_CTYPE", "LC_MESSAGES", "LC_MONETARY", "LC_NUMERIC",
	"LC_TIME", "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
	"LC_MEASUREMENT", "LC_IDENTIFICATION"
};

/*
 * Tell whether every locale category takes the same name from the
 * environment, as setlocale reads it: LC_ALL, else the category's own
 * variable, else LANG.
 */
static int
ui_locale_one_name(void)
{
	const char	*all = getenv("LC_ALL"), *lang = getenv("LANG"), *v;
	size_t		 i;

	if (all != NULL && *all != '\0')
		return 1;
	for (i = 0; i < nitems(ui_locale_vars); i++) {
		v = getenv(ui_locale_vars[i]);
		if (v != NULL && *v != '\0' &&
		    (lang == NULL || strcmp(v, lang) != 0))
			return 0;
	}
	return 1;
}

/*
 * Set the locale from the environment. The first screen needs only the
 * character set (LC_CTYPE, for curses) and the words of strerror; the
 * other categories (times, numbers, collation and the rest) are set by
 * ui_locale_rest once it is up: reading every category was a twentieth
 * of the time to the first screen. That is the same locale only when
 * all the categories have one name, so that one that fails fails them
 * all, as setlocale(LC_ALL) does; otherwise all of it is set here.
 */
static void
ui_locale(struct ui *ui)
{
	if (!ui_locale_one_name()) {
		setlocale(LC_ALL, "");
		return;
	}
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	ui->locale_part = 1;
}

/* Set the rest of the locale once the first screen is up. */
static void
ui_locale_rest(struct ui *ui)
{
	if (ui->locale_part) {
		ui->locale_part = 0;
		setlocale(LC_ALL, "");
	}
}

/* How long after the first frame the bars are counted. */
#define UI_SETTLE_MS	10

/*
 * What waits for the first frame to be up: the counts of the bars (the
 * conversations waiting read much of the inbox's index) and the sorting
 * of what came unsorted. They run a few milliseconds after the frame is
 * written, so that the terminal (and, on a machine of two cores, the
 * kernel's delivery of the frame to it) is not kept waiting by them.
 */
static void
ui_after_first_frame(void *arg)
{
	struct ui	*ui = arg;

	ui->settle_timer = 0;
	ui_refresh_counts(ui);
	ui->dirty = 1;
	ui_action_sort_rest(ui);
}

/* Paint the whole screen if anything changed. */
static void
ui_paint(void *arg)
{
	struct ui		 *ui = arg;
	struct ui_screen	 *s, *top;
	char			**lines;
	size_t			  n;

	if (sync_changes(ui->ctx.sync) != ui->seen_changes) {
		ui->seen_changes = sync_changes(ui->ctx.sync);
		ui->now = util_now();
		ui_refresh_counts(ui);
		ui_screen_reload(ui);
		ui->dirty = 1;
	}
	ui_sync_watch(ui);
	ui_bar_ticks(ui);
	ui_alert_check(ui, 0);
	if (!ui->dirty || ui->quit)
		return;
	ui->dirty = 0;
	erase();
	curs_set(0);
	ui->cur_show = 0;
	if (ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS) {
		mvaddnstr(0, 0, "heed: too small", ui->cols);
		mvaddnstr(1, 0, "(40x10 at least)", ui->cols);
		refresh();
		ui_locale_rest(ui);
		return;
	}
	ui_draw_title(ui);
	s = ui_screen_main(ui);
	ui->bar_why[0] = '\0';		/* the screen says it, if it has one */
	s->ops->draw(ui, s->data);
	/* A message of several lines pushes the status bar up over the rows. */
	n = ui_message_lines(ui, &lines);
	ui_draw_status(ui, ui->rows - 1 - (n > 1 ? (int)n : 1));
	/* An overlay (the help) goes over the bars. */
	top = ui_screen_top(ui);
	if (top != s)
		top->ops->draw(ui, top->data);
	ui_draw_bottom(ui, lines, n);
	text_lines_free(lines, n);
	if (ui->cur_show && !ui->prompt.active && top == s && n <= 1) {
		move(ui->cur_y, ui->cur_x);
		curs_set(1);
	}
	refresh();
	ui_alert_title(ui);
	ui_locale_rest(ui);
	if (!ui->painted) {
		/*
		 * The bars are counted from now on: the views, the saved
		 * views, the conversations waiting and the outbox. The
		 * first frame says "..." for them.
		 */
		ui->painted = 1;
		ui->settle_timer = loop_timer_add(ui->ctx.loop,
		    UI_SETTLE_MS, ui_after_first_frame, ui);
	}
}

/* Map a curses key code to heed's own. */
static uint32_t
ui_map_key(int rc, wint_t wc)
{
	static const struct {
		int		curses;
		uint32_t	key;
	} map[] = {
		{ KEY_UP, KEYC_UP }, { KEY_DOWN, KEYC_DOWN },
		{ KEY_LEFT, KEYC_LEFT }, { KEY_RIGHT, KEYC_RIGHT },
		{ KEY_PPAGE, KEYC_PPAGE }, { KEY_NPAGE, KEYC_NPAGE },
		{ KEY_HOME, KEYC_HOME }, { KEY_END, KEYC_END },
		{ KEY_DC, KEYC_DC }, { KEY_IC, KEYC_IC },
		{ KEY_BTAB, KEYC_BTAB }, { KEY_BACKSPACE, KEYC_BACKSPACE },
		{ KEY_ENTER, KEYC_ENTER }, { KEY_RESIZE, KEYC_RESIZE },
	};
	size_t	i;

	if (rc == KEY_CODE_YES) {
		if ((int)wc >= KEY_F(1) && (int)wc <= KEY_F(12))
			return KEYC_F1 + (uint32_t)((int)wc - KEY_F(1));
		for (i = 0; i < nitems(map); i++) {
			if (map[i].curses == (int)wc)
				return map[i].key;
		}
		return 0;
	}
	if (wc == 0x7f || wc == 0x08)
		return KEYC_BACKSPACE;
	if (wc == '\n')
		return KEYC_ENTER;
	return (uint32_t)wc;
}

/* Route a key to help, a prompt or the current screen. */
static void
ui_key(struct ui *ui, uint32_t key)
{
	struct ui_screen	*top = ui_screen_top(ui);
	int			 action;

	ui->now = util_now();
	if (key == KEYC_RESIZE)
		return;
	if (ui->prompt.active) {
		ui_prompt_key(ui, key);
		return;
	}
	free(ui->msg);
	ui->msg = NULL;
	ui->dirty = 1;
	action = keymap_lookup(&ui->ctx.cfg->keys, ui_screen_keys(ui), key);
	/* An overlay takes every key, C-c too. */
	if (top->ops->overlay) {
		top->ops->key(ui, top->data, action, key);
		return;
	}
	if (key == KEYC_CTRL('c') && !top->ops->own_ctrl_c) {
		ui_quit(ui);
		return;
	}
	ui_command_action(ui, action, key);
}

/* Read every key waiting on the terminal. */
static void
ui_on_input(int fd, short events, void *arg)
{
	struct ui	*ui = arg;
	wint_t		 wc, wc2;
	int		 rc, rc2;
	uint32_t	 key;

	(void)fd;
	(void)events;
	while (!ui->quit && (rc = get_wch(&wc)) != ERR) {
		key = ui_map_key(rc, wc);
		if (key == KEYC_ESC) {
			/* ESC followed at once by a key is Alt+key. */
			rc2 = get_wch(&wc2);
			if (rc2 != ERR)
				key = KEYC_META | ui_map_key(rc2, wc2);
			if (key == (KEYC_META | KEYC_ESC))
				key = KEYC_ESC;
		}
		if (key != 0)
			ui_key(ui, key);
	}
	if (ui->quit)
		loop_stop(ui->ctx.loop, 0);
}

/* Take the new size of the terminal. */
static void
ui_on_winch(int signo, void *arg)
{
	struct ui		*ui = arg;
	struct ui_screen	*s;
	struct winsize		 ws;
	size_t			 i;

	(void)signo;
	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	getmaxyx(stdscr, ui->rows, ui->cols);
	for (i = 0; i < ui->nstack; i++) {
		s = &ui->stack[i];
		if (s->ops->resize != NULL)
			s->ops->resize(ui, s->data);
	}
	clearok(curscr, TRUE);
	ui->dirty = 1;
}

/*
 * Follow a resize that came before heed listened for SIGWINCH: ncurses
 * reads the size as it starts, and a window resized between then and the
 * handler (a window manager placing a new terminal, a slow start on a
 * loaded machine) left the screen laid out for the old size until the
 * next resize.
 */
static void
ui_check_size(struct ui *ui)
{
	struct winsize	ws;

	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != ui->rows || ws.ws_col != ui->cols))
		ui_on_winch(SIGWINCH, ui);
}

/*
 * Leave on SIGINT, SIGTERM or SIGHUP, keeping any draft. A draft the
 * cache could not take holds the first SIGINT or SIGTERM back (a second
 * one quits); after SIGHUP there is no terminal to keep heed open for.
 */
static void
ui_on_quit_signal(int signo, void *arg)
{
	struct ui		*ui = arg;
	struct ui_unsaved	 u;

	if (signo != SIGHUP && !ui->quit_asked && ui_screen_unsaved(ui, &u)) {
		ui->quit_asked = 1;
		log_warn("caught signal %d with a draft not saved; a second one "
		    "quits", signo);
		ui_message(ui, 1, "heed was asked to quit (signal %d), but the "
		    "draft is not saved (%s); it stays open. Another signal "
		    "quits and prints the draft.", signo, u.error);
		return;
	}
	log_info("caught signal %d, leaving", signo);
	ui->quit = 1;
	loop_stop(ui->ctx.loop, signo == SIGHUP ? 0 : 128 + signo);
}

/* Periodic chores: wake snoozed items, keep waiting times fresh. */
static void
ui_on_tick(void *arg)
{
	struct ui	*ui = arg;
	int64_t		 woken = 0;
	char		*cause = NULL;

	ui->now = util_now();
	if (store_wake_snoozed(ui->ctx.store, ui->now, &woken, &cause) != 0) {
		/* Said once, not every half minute. */
		if (ui->wake_error == NULL || strcmp(ui->wake_error, cause) != 0)
			ui_message(ui, 1, "Snoozed items whose time has come could "
			    "not be woken: %s", cause);
		free(ui->wake_error);
		ui->wake_error = cause;
	} else {
		free(ui->wake_error);
		ui->wake_error = NULL;
		if (woken > 0)
			ui->seen_changes = -1;
	}
	ui_refresh_counts(ui);
	ui_alert_check(ui, 1);
	ui->dirty = 1;
	loop_timer_add(ui->ctx.loop, 30 * 1000, ui_on_tick, ui);
}

/* Start curses. */
static void
ui_start(struct ui *ui)
{
	ui_locale(ui);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	/*
	 * ncurses 6 sends its buffer to the terminal at every move of the
	 * cursor until its screen has been left once (its screen stays in a
	 * first state until endwin), so each frame went out in one write(2)
	 * a row or more: some seventy for the queue, a tenth of the time to
	 * the first screen, and again at every key. Leaving the screen once
	 * before anything is drawn sends each frame in as few writes as the
	 * buffer allows; it costs two tcsetattr calls. The first frame's
	 * refresh comes back to the screen: coming back with a refresh of
	 * its own painted a blank screen first, about a thirtieth of the
	 * instructions run to the first screen.
	 */
	endwin();
	ui_curses_up = 1;
	util_set_fatal_hook(ui_restore_terminal);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* Every key gets its own complete frame. */
	typeahead(-1);
	curs_set(0);
	ui_colors(ui);
	ui_charts(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
}

/* Free what the interface holds. */
static void
ui_free(struct ui *ui)
{
	while (ui->nstack > 0)
		ui_screen_drop(ui, ui_screen_top(ui)->data);
	if (ui->bar_timer != 0)
		loop_timer_cancel(ui->ctx.loop, ui->bar_timer);
	if (ui->settle_timer != 0)
		loop_timer_cancel(ui->ctx.loop, ui->settle_timer);
	free(ui->wake_error);
	ui_undo_free(ui);
	ui_views_free(ui);
	ui_prompt_clear(ui);
	free(ui->msg);
}

/*
 * Save the draft a last time as heed leaves; when the cache still cannot
 * take it, return the text to print once the terminal is back (new).
 */
static char *
ui_lost_draft(struct ui *ui)
{
	struct ui_unsaved	u;

	if (!ui_screen_unsaved(ui, &u))
		return NULL;
	/* The log may be on another disk; after SIGHUP it is all there is. */
	log_error("the draft to %s was not saved (%s); its text: %s", u.to,
	    u.error, u.text);
	return xprintf("heed: the draft to %s was not saved (%s); here is its "
	    "text:\n\n%s\n\n", u.to, u.error, u.text);
}

/* Run the interface. */
int
ui_run(const struct ui_context *ctx)
{
	struct ui	 ui;
	char		*lost;
	int		 rc;

	memset(&ui, 0, sizeof ui);
	ui.ctx = *ctx;
	ui.open_thread = ui_thread_open;
	ui.open_compose = ui_compose_open;
	ui.now = util_now();
	ui.seen_changes = sync_changes(ctx->sync);
	ui.dirty = 1;
	ui_start(&ui);
	log_set_hook(ui_log_hook, &ui);
	loop_fd_set(ctx->loop, STDIN_FILENO, POLLIN, ui_on_input, &ui);
	loop_signal(ctx->loop, SIGWINCH, ui_on_winch, &ui);
	ui_check_size(&ui);
	loop_signal(ctx->loop, SIGINT, ui_on_quit_signal, &ui);
	loop_signal(ctx->loop, SIGTERM, ui_on_quit_signal, &ui);
	loop_signal(ctx->loop, SIGHUP, ui_on_quit_signal, &ui);
	loop_before_sleep(ctx->loop, ui_paint, &ui);
	loop_timer_add(ctx->loop, 30 * 1000, ui_on_tick, &ui);
	ui_views_init(&ui);
	ui_alert_start(&ui);
	ui_queue_open(&ui);
	rc = loop_run(ctx->loop);
	lost = ui_lost_draft(&ui);
	log_set_hook(NULL, NULL);
	loop_before_sleep(ctx->loop, NULL, NULL);
	loop_fd_clear(ctx->loop, STDIN_FILENO);
	ui_restore_terminal();
	ui_alert_end(&ui);
	if (lost != NULL) {
		/* The last place the text can go: the terminal. */
		fputs(lost, stderr);
		free(lost);
	}
	ui_free(&ui);
	return rc;
}
