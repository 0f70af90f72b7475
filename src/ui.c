/*
 * ui.c -- the terminal: start and stop curses, read keys, route them to
 * the current screen, draw the bars, messages and prompts.
 */
#include <sys/ioctl.h>

#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Return the attributes for a colour pair, or a monochrome stand-in. */
int
ui_attr(struct ui *ui, int pair, int extra)
{
	if (ui->color)
		return (int)COLOR_PAIR(pair) | extra;
	switch (pair) {
	case PAIR_TITLE:
	case PAIR_STATUS:
	case PAIR_SELECTED:
		return A_REVERSE | extra;
	case PAIR_LATE:
	case PAIR_ERROR:
	case PAIR_FLAG:
		return A_BOLD | extra;
	case PAIR_DIM:
		return A_DIM | extra;
	case PAIR_OWN:
		return A_UNDERLINE | extra;
	}
	return extra;
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

/* Draw sanitized text at (y, x) in at most width columns. */
void
ui_draw_text(int y, int x, const char *s, size_t width)
{
	size_t	n, used;
	char	*cut;

	if (width == 0)
		return;
	n = text_fit(s, width, &used);
	cut = xstrndup(s, n);
	mvaddstr(y, x, cut);
	free(cut);
}

/* Fill width columns with spaces from (y, x). */
void
ui_draw_fill(int y, int x, int width)
{
	for (; width > 0; width--)
		mvaddch(y, x++, ' ');
}

/* Show a message on the bottom line until the next key. */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;
	char	*raw;

	va_start(ap, fmt);
	raw = xvprintf(fmt, ap);
	va_end(ap);
	free(ui->msg);
	ui->msg = text_sanitize_line(raw, strlen(raw));
	free(raw);
	ui->msg_error = error;
	ui->msg_logged = 0;
	ui->dirty = 1;
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

/* Clear a prompt. */
static void
ui_prompt_clear(struct ui *ui)
{
	free(ui->prompt.label);
	free(ui->prompt.body);
	free(ui->prompt.choices);
	if (ui->prompt.active && !ui->prompt.choice)
		edit_free(&ui->prompt.ed);
	memset(&ui->prompt, 0, sizeof ui->prompt);
	ui->dirty = 1;
}

/* Ask for a line of text; fn gets it, or NULL when cancelled. */
void
ui_ask_line(struct ui *ui, const char *label, const char *initial,
    ui_answer_cb fn)
{
	ui_prompt_clear(ui);
	ui->prompt.active = 1;
	ui->prompt.label = xstrdup(label);
	edit_init(&ui->prompt.ed, 0);
	if (initial != NULL)
		edit_set(&ui->prompt.ed, initial);
	ui->prompt.done = fn;
}

/* Ask a question in a box; fn gets the key pressed, or NULL on Esc. */
void
ui_ask_choice(struct ui *ui, const char *label, const char *body,
    const char *choices, ui_answer_cb fn)
{
	ui_prompt_clear(ui);
	ui->prompt.active = 1;
	ui->prompt.choice = 1;
	ui->prompt.label = xstrdup(label);
	ui->prompt.body = xstrdup(body);
	ui->prompt.choices = xstrdup(choices);
	ui->prompt.done = fn;
}

/* Finish a prompt with an answer (NULL: cancelled). */
static void
ui_prompt_finish(struct ui *ui, const char *answer)
{
	ui_answer_cb	 fn = ui->prompt.done;
	char		*copy = answer != NULL ? xstrdup(answer) : NULL;

	ui_prompt_clear(ui);
	fn(ui, copy);
	free(copy);
}

/* Feed a key to the active prompt. */
static void
ui_prompt_key(struct ui *ui, uint32_t key)
{
	struct edit	*e = &ui->prompt.ed;
	char		 s[8];
	size_t		 n;

	ui->dirty = 1;
	if (key == KEYC_ESC || key == KEYC_CTRL('c') || key == KEYC_CTRL('g')) {
		ui_prompt_finish(ui, NULL);
		return;
	}
	if (ui->prompt.choice) {
		if (key >= 0x20 && key < KEYC_BASE) {
			n = text_encode(key, s);
			s[n] = '\0';
			if (strstr(ui->prompt.choices, s) != NULL)
				ui_prompt_finish(ui, s);
		} else if (key == KEYC_ENTER)
			ui_prompt_finish(ui, "\r");
		return;
	}
	switch (key) {
	case KEYC_ENTER:
		ui_prompt_finish(ui, e->text);
		return;
	case KEYC_CTRL('w'):
		edit_kill_word(e);
		return;
	case KEYC_CTRL('u'):
		edit_kill_line(e);
		return;
	}
	edit_key(e, key);
}

static const char *const ui_view_names[VIEW_COUNT] = {
	"Inbox", "Flagged", "Snoozed", "Done", "All"
};

/* Reload the counts for the bars. */
void
ui_refresh_counts(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 target;

	target = config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET);
	if (store_counts(ui->ctx.store, ui->now, target, &ui->counts,
	    &cause) != 0) {
		/* No number is better than a wrong one: the bars say "?". */
		if (!ui->counts_failed)
			ui_message(ui, 1, "The counts could not be read: %s",
			    cause);
		ui->counts_failed = 1;
		free(cause);
		return;
	}
	ui->counts_failed = 0;
}

/* A count for the bars: the number, or "?" when it could not be read. */
static void
ui_count(struct ui *ui, int64_t n, char *buf, size_t len)
{
	if (ui->counts_failed)
		snprintf(buf, len, "?");
	else
		snprintf(buf, len, "%lld", (long long)n);
}

/* Draw the title bar with the views and their counts. */
static void
ui_draw_title(struct ui *ui)
{
	char	label[64], n[24];
	int	x, v, w, attr;

	attrset(ui_attr(ui, PAIR_TITLE, 0));
	ui_draw_fill(0, 0, ui->cols);
	mvaddstr(0, 1, "heed");
	x = 6;
	if (ui->ctx.title != NULL && ui->cols > 60) {
		w = (int)text_width(ui->ctx.title);
		if (w > 24)
			w = 24;
		ui_draw_text(0, x, ui->ctx.title, (size_t)w);
		x += w + 2;
	}
	for (v = 0; v < VIEW_COUNT && x < ui->cols; v++) {
		ui_count(ui, ui->counts.view[v], n, sizeof n);
		snprintf(label, sizeof label, " %s %s ", ui_view_names[v], n);
		attr = ui_attr(ui, PAIR_TITLE, 0);
		if (v == (int)ui->view && ui->search == NULL)
			attr = A_BOLD | A_REVERSE;
		attrset(attr);
		w = (int)strlen(label);
		if (x + w > ui->cols)
			w = ui->cols - x;
		ui_draw_text(0, x, label, (size_t)w);
		x += w;
	}
	attrset(A_NORMAL);
}

/* Say when an account last synced, into b. */
static void
ui_sync_age(struct ui *ui, const struct sync_account_status *st,
    struct buf *b)
{
	char	age[16];

	if (st->last_success == 0) {
		buf_addstr(b, "never synced");
		return;
	}
	util_format_age(ui->now - st->last_success, age, sizeof age);
	buf_printf(b, "synced %s%s", age, strcmp(age, "now") == 0 ? "" :
	    " ago");
}

/*
 * Describe the sync state of each account into b, then the network as a
 * whole: "online" when every account reaches its platform, "offline" only
 * when none does; otherwise each account has said what is true of it.
 */
static void
ui_sync_summary(struct ui *ui, struct buf *b)
{
	const struct sync_account_status	*st;
	size_t					 i, n, offline = 0, bad = 0;

	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		buf_printf(b, "%s %s ", st[i].tag, st[i].name);
		switch (st[i].state) {
		case SYNC_RUNNING:
			/* A page refused for now, tried again later. */
			buf_addstr(b, st[i].last_error != NULL ? "retrying" :
			    "syncing");
			break;
		case SYNC_AUTH:
			bad++;
			buf_addstr(b, "LOGIN NEEDED");
			break;
		case SYNC_NO_KEYRING:
			bad++;
			buf_addstr(b, "NO CREDENTIAL");
			break;
		case SYNC_FAILED:
			bad++;
			buf_addstr(b, "failed, ");
			ui_sync_age(ui, &st[i], b);
			break;
		case SYNC_OFFLINE:
			offline++;
			buf_addstr(b, "offline, ");
			/* FALLTHROUGH */
		default:
			ui_sync_age(ui, &st[i], b);
		}
		buf_addstr(b, " | ");
	}
	if (n == 0)
		buf_addstr(b, "no accounts");
	else if (offline == n)
		buf_addstr(b, "offline");
	else if (offline == 0 && bad == 0)
		buf_addstr(b, "online");
	else {
		/* Drop the last separator: the accounts said it all. */
		b->len -= 3;
		b->data[b->len] = '\0';
	}
}

/* Draw the status bar on line y. */
static void
ui_draw_status(struct ui *ui, int y)
{
	struct buf	b;
	char		target[16], waiting[24], over[24];

	util_format_age(config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET),
	    target, sizeof target);
	buf_init(&b, 0);
	ui_count(ui, ui->counts.view[VIEW_INBOX], waiting, sizeof waiting);
	ui_count(ui, ui->counts.overdue, over, sizeof over);
	buf_printf(&b, " %s waiting, %s over %s | ", waiting, over, target);
	if (ui->counts_failed)
		buf_addstr(&b, "outbox ? | ");
	else if (ui->counts.outbox_pending != 0 || ui->counts.outbox_failed != 0)
		buf_printf(&b, "outbox %lld%s | ",
		    (long long)ui->counts.outbox_pending,
		    ui->counts.outbox_failed != 0 ? " + FAILED" : "");
	ui_sync_summary(ui, &b);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	ui_draw_fill(y, 0, ui->cols);
	ui_draw_text(y, 0, b.data, (size_t)ui->cols);
	if (ui->counts.outbox_failed != 0 && ui->color) {
		/* Make a failed send impossible to miss. */
		attrset(ui_attr(ui, PAIR_ERROR, A_BOLD));
		ui_draw_text(y, ui->cols > 9 ? ui->cols - 9 : 0, " FAILED ", 8);
	}
	attrset(A_NORMAL);
	buf_free(&b);
}

/* Draw a line prompt on the bottom line, with the cursor in it. */
static void
ui_draw_line_prompt(struct ui *ui)
{
	struct edit	*e = &ui->prompt.ed;
	size_t		 lw, room, before, skip = 0;
	char		*head;

	lw = text_width(ui->prompt.label);
	if (lw > (size_t)ui->cols / 2)
		lw = (size_t)ui->cols / 2;
	attrset(A_BOLD);
	ui_draw_text(ui->rows - 1, 0, ui->prompt.label, lw);
	attrset(A_NORMAL);
	room = (size_t)ui->cols - lw - 1;
	head = xstrndup(e->text, e->cursor);
	before = text_width(head);
	free(head);
	/* Scroll so the cursor stays in view. */
	while (before > room - 1 && skip < e->cursor) {
		skip = text_next(e->text, e->len, skip);
		head = xstrndup(e->text + skip, e->cursor - skip);
		before = text_width(head);
		free(head);
	}
	ui_draw_text(ui->rows - 1, (int)lw + 1, e->text + skip, room);
	move(ui->rows - 1, (int)(lw + 1 + before));
	curs_set(1);
}

/*
 * Draw a choice prompt as a box in the middle of the screen. In a window
 * too small for all of its text, the end (the keys that answer) still
 * shows, and the cut is marked.
 */
static void
ui_draw_choice(struct ui *ui)
{
	char	**lines, *cut;
	size_t	  n, i, w, room, tail;
	int	  top, left, height, width, y;

	width = ui->cols > 70 ? 66 : ui->cols - 4;
	w = (size_t)width - 4;
	n = text_wrap(ui->prompt.body, w, &lines);
	height = (int)n + 4;
	if (height > ui->rows - 2)
		height = ui->rows - 2;
	top = (ui->rows - height) / 2;
	left = (ui->cols - width) / 2;
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	for (i = 0; i < (size_t)height; i++)
		ui_draw_fill(top + (int)i, left, width);
	attrset(ui_attr(ui, PAIR_STATUS, A_BOLD));
	ui_draw_text(top, left + 2, ui->prompt.label, w);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	room = height > 3 ? (size_t)height - 3 : 1;
	y = top + 2;
	if (n <= room) {
		for (i = 0; i < n; i++)
			ui_draw_text(y++, left + 2, lines[i], w);
	} else {
		/* The last paragraph (the keys) whole, the start up to a cut. */
		for (tail = n - 1; tail > 0 && *lines[tail - 1] != '\0'; tail--)
			;
		if (n - tail >= room)
			tail = n - room;
		for (i = 0; i + 1 < room - (n - tail); i++)
			ui_draw_text(y++, left + 2, lines[i], w);
		if (room > n - tail) {
			cut = xstrdup(lines[i]);
			cut[text_fit(cut, w > 3 ? w - 3 : 0, NULL)] = '\0';
			free(lines[i]);
			lines[i] = xprintf("%s...", cut);
			free(cut);
			ui_draw_text(y++, left + 2, lines[i], w);
		}
		for (i = tail; i < n; i++)
			ui_draw_text(y++, left + 2, lines[i], w);
	}
	attrset(A_NORMAL);
	text_lines_free(lines, n);
}

/*
 * Wrap the message to the width of the screen, on as many lines as it
 * needs, up to all but the title, the status bar and one row: a message
 * often ends with the fix, which must not be cut. Beyond that (a tiny
 * window) the last line says where the rest is.
 */
static size_t
ui_message_lines(struct ui *ui, char ***lines)
{
	size_t	n, max, keep;
	char	*last;

	*lines = NULL;
	if (ui->msg == NULL || (ui->prompt.active && !ui->prompt.choice))
		return 0;
	n = text_wrap(ui->msg, (size_t)ui->cols, lines);
	max = ui->rows > 4 ? (size_t)ui->rows - 3 : 1;
	if (n <= max)
		return n;
	if (!ui->msg_logged) {
		/* The log has what the screen had no room for. */
		log_debug("message cut on the screen: %s", ui->msg);
		ui->msg_logged = 1;
	}
	for (keep = max; keep < n; keep++)
		free((*lines)[keep]);
	last = (*lines)[max - 1];
	last[text_fit(last, (size_t)ui->cols > 24 ? (size_t)ui->cols - 24 :
	    0, NULL)] = '\0';
	(*lines)[max - 1] = xprintf("%s... (all of it: the log)", last);
	free(last);
	return max;
}

/* Draw the bottom lines: a prompt, a message or a hint. */
static void
ui_draw_bottom(struct ui *ui, char **lines, size_t n)
{
	size_t	i;
	int	y;

	move(ui->rows - 1, 0);
	clrtoeol();
	if (ui->prompt.active && !ui->prompt.choice) {
		ui_draw_line_prompt(ui);
		return;
	}
	if (ui->prompt.active)
		ui_draw_choice(ui);
	if (n > 0) {
		attrset(ui->msg_error ? ui_attr(ui, PAIR_ERROR, 0) : (int)A_NORMAL);
		for (i = 0; i < n; i++) {
			y = ui->rows - (int)n + (int)i;
			ui_draw_fill(y, 0, ui->cols);
			ui_draw_text(y, 0, lines[i], (size_t)ui->cols);
		}
		attrset(A_NORMAL);
	} else if (!ui->prompt.active) {
		attrset(ui_attr(ui, PAIR_DIM, 0));
		ui_draw_text(ui->rows - 1, 0, ui->screen == SCREEN_COMPOSE &&
		    ui->checking ? "y or Enter send now  e or Esc back to "
		    "editing" : ui->screen == SCREEN_COMPOSE ?
		    "Enter check & send  M-Enter new line  C-e editor  "
		    "Esc keep draft  F1 help" :
		    "? help  Enter open  r reply  d done  u undo  s snooze  "
		    "/ search  Tab view  q quit", (size_t)ui->cols);
		attrset(A_NORMAL);
	}
}

/* Paint the whole screen if anything changed. */
static void
ui_paint(void *arg)
{
	struct ui	*ui = arg;
	char		**lines;
	size_t		  n;

	if (sync_changes(ui->ctx.sync) != ui->seen_changes) {
		ui->seen_changes = sync_changes(ui->ctx.sync);
		ui->now = util_now();
		ui_refresh_counts(ui);
		if (ui->screen == SCREEN_QUEUE)
			ui_queue_reload(ui);
		else if (ui->screen == SCREEN_THREAD)
			ui_thread_reload(ui);
		else if (ui->screen == SCREEN_OUTBOX)
			ui_outbox_reload(ui);
		ui->dirty = 1;
	}
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
		return;
	}
	ui_draw_title(ui);
	switch (ui->screen) {
	case SCREEN_QUEUE:
		ui_queue_draw(ui);
		break;
	case SCREEN_THREAD:
		ui_thread_draw(ui);
		break;
	case SCREEN_COMPOSE:
		ui_compose_draw(ui);
		break;
	case SCREEN_OUTBOX:
		ui_outbox_draw(ui);
		break;
	}
	/* A message of several lines pushes the status bar up over the rows. */
	n = ui_message_lines(ui, &lines);
	ui_draw_status(ui, ui->rows - 1 - (n > 1 ? (int)n : 1));
	if (ui->help)
		ui_help_draw(ui);
	ui_draw_bottom(ui, lines, n);
	text_lines_free(lines, n);
	if (ui->cur_show && !ui->prompt.active && !ui->help && n <= 1) {
		move(ui->cur_y, ui->cur_x);
		curs_set(1);
	}
	refresh();
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
	int	action;

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
	action = keymap_lookup(&ui->ctx.cfg->keys, ui->screen, key);
	if (ui->help) {
		if (action == ACT_DOWN)
			ui->help_scroll++;
		else if (action == ACT_UP && ui->help_scroll > 0)
			ui->help_scroll--;
		else
			ui->help = 0;
		return;
	}
	if (key == KEYC_CTRL('c') && ui->screen != SCREEN_COMPOSE) {
		ui_quit(ui);
		return;
	}
	if (action == ACT_HELP) {
		ui->help = 1;
		ui->help_scroll = 0;
		return;
	}
	if (action == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	switch (ui->screen) {
	case SCREEN_QUEUE:
		ui_queue_key(ui, action);
		break;
	case SCREEN_THREAD:
		ui_thread_key(ui, action);
		break;
	case SCREEN_COMPOSE:
		ui_compose_key(ui, action, key);
		break;
	case SCREEN_OUTBOX:
		ui_outbox_key(ui, action);
		break;
	}
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
	struct ui	*ui = arg;
	struct winsize	 ws;

	(void)signo;
	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->tlines_cols = 0;
	ui_queue_reload(ui);
	clearok(curscr, TRUE);
	ui->dirty = 1;
}

/* Answer of the question before quitting without an unsaved draft. */
static void
ui_quit_answered(struct ui *ui, const char *key)
{
	if (key != NULL && *key == 'y') {
		ui->quit = 1;
		return;
	}
	ui_message(ui, 0, "Still here; heed saves the draft as soon as the "
	    "cache can be written.");
}

/*
 * Quit, unless the composer holds a draft that the cache could not take:
 * then ask first, since it would be gone.
 */
void
ui_quit(struct ui *ui)
{
	char	*body;

	if (ui->screen == SCREEN_COMPOSE && ui_compose_save(ui) != 0 &&
	    ui_compose_unsaved(ui)) {
		body = xprintf("The draft to %s could not be saved in the cache "
		    "(%s).\n\nIf heed quits now, the text is printed in the "
		    "terminal once heed has closed, and kept nowhere else.\n\n"
		    "y: quit anyway    n or Esc: stay (heed keeps trying to save "
		    "it)", ui_compose_to(&ui->reply), ui->draft_error);
		ui_ask_choice(ui, "Quit without the draft?", body, "yn",
		    ui_quit_answered);
		free(body);
		return;
	}
	ui->quit = 1;
}

/*
 * Leave on SIGINT, SIGTERM or SIGHUP, keeping any draft. A draft the
 * cache could not take holds the first SIGINT or SIGTERM back (a second
 * one quits); after SIGHUP there is no terminal to keep heed open for.
 */
static void
ui_on_quit_signal(int signo, void *arg)
{
	struct ui	*ui = arg;

	if (signo != SIGHUP && !ui->quit_asked && ui_compose_save(ui) != 0 &&
	    ui_compose_unsaved(ui)) {
		ui->quit_asked = 1;
		log_warn("caught signal %d with a draft not saved; a second one "
		    "quits", signo);
		ui_message(ui, 1, "heed was asked to quit (signal %d), but the "
		    "draft is not saved (%s); it stays open. Another signal "
		    "quits and prints the draft.", signo, ui->draft_error);
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
	ui->dirty = 1;
	loop_timer_add(ui->ctx.loop, 30 * 1000, ui_on_tick, ui);
}

/* Give the terminal back to a child (the editor). */
void
ui_suspend(struct ui *ui)
{
	(void)ui;
	def_prog_mode();
	endwin();
}

/* Take the terminal back after a child. */
void
ui_resume(struct ui *ui)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->dirty = 1;
	refresh();
}

/* The platform of an item's account. */
const struct platform_ops *
ui_platform(struct ui *ui, const struct item *it)
{
	return sync_platform_of(ui->ctx.sync, it->account_id);
}

/* Start curses. */
static void
ui_start(struct ui *ui)
{
	setlocale(LC_ALL, "");
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
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
	getmaxyx(stdscr, ui->rows, ui->cols);
}

/* Free what the interface holds. */
static void
ui_free(struct ui *ui)
{
	size_t	i;

	ui_compose_free(ui);
	ui_thread_free(ui);
	ui_outbox_free(ui);
	item_list_free(&ui->q);
	free(ui->q_error);
	free(ui->wake_error);
	for (i = 0; i < ui->nundo; i++)
		item_clear(&ui->undo[i]);
	ui_prompt_clear(ui);
	free(ui->msg);
	free(ui->filter_text);
	free(ui->search);
	free((char *)ui->filter.author);
	free((char *)ui->filter.lang);
	free((char *)ui->filter.text);
	free((char *)ui->filter.platform);
}

/*
 * Save the draft a last time as heed leaves; when the cache still cannot
 * take it, return the text to print once the terminal is back (new).
 */
static char *
ui_lost_draft(struct ui *ui)
{
	if (ui->screen != SCREEN_COMPOSE || ui_compose_save(ui) == 0 ||
	    !ui_compose_unsaved(ui))
		return NULL;
	/* The log may be on another disk; after SIGHUP it is all there is. */
	log_error("the draft to %s was not saved (%s); its text: %s",
	    ui_compose_to(&ui->reply), ui->draft_error, ui->ed.text);
	return xprintf("heed: the draft to %s was not saved (%s); here is its "
	    "text:\n\n%s\n\n", ui_compose_to(&ui->reply), ui->draft_error,
	    ui->ed.text);
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
	ui.view = VIEW_INBOX;
	ui.now = util_now();
	ui.seen_changes = sync_changes(ctx->sync);
	ui.screen = SCREEN_QUEUE;
	ui.dirty = 1;
	ui_start(&ui);
	log_set_hook(ui_log_hook, &ui);
	loop_fd_set(ctx->loop, STDIN_FILENO, POLLIN, ui_on_input, &ui);
	loop_signal(ctx->loop, SIGWINCH, ui_on_winch, &ui);
	loop_signal(ctx->loop, SIGINT, ui_on_quit_signal, &ui);
	loop_signal(ctx->loop, SIGTERM, ui_on_quit_signal, &ui);
	loop_signal(ctx->loop, SIGHUP, ui_on_quit_signal, &ui);
	loop_before_sleep(ctx->loop, ui_paint, &ui);
	loop_timer_add(ctx->loop, 30 * 1000, ui_on_tick, &ui);
	ui_refresh_counts(&ui);
	ui_queue_reload(&ui);
	rc = loop_run(ctx->loop);
	lost = ui_lost_draft(&ui);
	log_set_hook(NULL, NULL);
	loop_before_sleep(ctx->loop, NULL, NULL);
	loop_fd_clear(ctx->loop, STDIN_FILENO);
	ui_restore_terminal();
	if (lost != NULL) {
		/* The last place the text can go: the terminal. */
		fputs(lost, stderr);
		free(lost);
	}
	ui_free(&ui);
	return rc;
}
