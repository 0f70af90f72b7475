/*
 * ui.c -- the terminal: start and stop curses, read keys, route them to
 * the screen on top, paint it with the bars, messages and prompts, and
 * answer signals and timers.
 */
#include <sys/ioctl.h>

#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
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

/* Show warnings and errors from the rest of heed on the message line. */
static void
ui_log_hook(enum log_level level, const char *msg, void *arg)
{
	struct ui	*ui = arg;

	/* What sync finished shows too, unless a question is up. */
	if (level >= LOG_WARN || !ui->prompt.active)
		ui_message(ui, level == LOG_ERROR, "%s", msg);
}

static const char *const ui_view_names[VIEW_COUNT] = {
	"Inbox", "Flagged", "Snoozed", "Done", "All", "Spam"
};

/* The name of a view as the title bar shows it ("Inbox"). */
const char *
ui_view_name(enum store_view v)
{
	return (unsigned)v < VIEW_COUNT ? ui_view_names[v] : "?";
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
		if (v == ui->bar_view && ui->bar_filter != NULL)
			snprintf(label, sizeof label, " %s %lld%s of %s ",
			    ui_view_names[v], (long long)ui->bar_filtered,
			    ui->bar_filtered >= UI_FILTER_COUNT ? "+" : "", n);
		else
			snprintf(label, sizeof label, " %s %s ",
			    ui_view_names[v], n);
		attr = ui_attr(ui, PAIR_TITLE, 0);
		if (v == ui->bar_view)
			attr = A_BOLD | A_REVERSE;
		attrset(attr);
		w = (int)strlen(label);
		if (x + w > ui->cols)
			w = ui->cols - x;
		ui_draw_text(0, x, label, (size_t)w);
		x += w;
	}
	if (ui->bar_filter != NULL && x + 10 < ui->cols) {
		/* The counts above are the filter's: say which. */
		attrset(ui_attr(ui, PAIR_TITLE, 0));
		ui_draw_text(0, x, " filter: ", 9);
		ui_draw_text(0, x + 9, ui->bar_filter, (size_t)(ui->cols - x -
		    9));
	}
	attrset(A_NORMAL);
}

/* A state of an account's sync in a word or two. */
static const char *
ui_sync_word(int state)
{
	switch (state) {
	case SYNC_RUNNING:
		return "still syncing";
	case SYNC_AUTH:
		return "LOGIN NEEDED";
	case SYNC_NO_KEYRING:
		return "NO CREDENTIAL";
	case SYNC_FAILED:
		return "failed";
	case SYNC_OFFLINE:
		return "offline";
	}
	return "synced, but";
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
 * Say into b what an account's request in flight does for the outbox:
 * "sending…", "sending… no answer yet (12s)" once the answer is late,
 * or "checking whether it went out"; 0 when it does nothing for it.
 */
static int
ui_sync_outbox(struct buf *b, const struct sync_account_status *st)
{
	switch (st->outbox) {
	case SYNC_OUTBOX_SENDING:
		if (st->outbox_ms < UI_NO_ANSWER_MS)
			buf_addstr(b, "sending\xe2\x80\xa6");
		else
			buf_printf(b, "sending\xe2\x80\xa6 no answer yet (%llds)",
			    (long long)(st->outbox_ms / 1000));
		return 1;
	case SYNC_OUTBOX_CHECKING:
		buf_addstr(b, "checking whether it went out");
		return 1;
	}
	return 0;
}

/*
 * Describe the sync state of each account into b, then the network as a
 * whole: "online" when every account reaches its platform and nothing
 * sent waits for its answer, "offline" only when none does; otherwise
 * each account has said what is true of it.
 */
static void
ui_sync_summary(struct ui *ui, struct buf *b)
{
	const struct sync_account_status	*st;
	size_t					 i, n, offline = 0, bad = 0;

	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		buf_printf(b, "%s %s ", st[i].tag, st[i].name);
		if (ui_sync_outbox(b, &st[i])) {
			/* Until its answer comes, nothing is sure. */
			bad++;
			buf_addstr(b, " | ");
			continue;
		}
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
	if (ui->counts.outbox_checking > 0 && !ui->counts_failed)
		bad++;
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

/* Add "A", "A and B" or "A, B and C" to b: the name of each account. */
static void
ui_sync_names(struct buf *b, const struct sync_account_status *st,
    size_t n, const int *pick)
{
	size_t	i, said = 0, total = 0;

	for (i = 0; i < n; i++)
		total += pick[i] != 0;
	for (i = 0; i < n; i++) {
		if (!pick[i])
			continue;
		if (said != 0)
			buf_addstr(b, said + 1 == total ? " and " : ", ");
		buf_printf(b, "%s %s", st[i].tag, st[i].name);
		said++;
	}
}

/* Say what came of the sync asked for, in place of "Syncing...". */
static void
ui_sync_ended(struct ui *ui, const struct sync_account_status *st, size_t n)
{
	struct buf	 b;
	int		*ok;
	size_t		 i, bad = 0;
	int64_t		 added;

	if (n == 0) {
		ui_message(ui, 1, "There is no account to sync: add an [account "
		    "NAME] section to the config (see heed.conf(5)).");
		return;
	}
	ok = xcalloc(n, sizeof *ok);
	for (i = 0; i < n; i++) {
		ok[i] = st[i].state == SYNC_IDLE && st[i].last_error == NULL;
		bad += !ok[i];
	}
	buf_init(&b, 0);
	if (bad == 0) {
		buf_addstr(&b, "Synced ");
		ui_sync_names(&b, st, n, ok);
		added = ui->counts.view[VIEW_ALL] - ui->sync_items;
		if (ui->sync_items < 0 || ui->counts_failed)
			buf_addch(&b, '.');
		else if (added <= 0)
			buf_addstr(&b, ": nothing new.");
		else
			buf_printf(&b, ": %lld new item%s.", (long long)added,
			    added == 1 ? "" : "s");
	} else {
		buf_addstr(&b, "Sync ended:");
		if (bad < n) {
			buf_addstr(&b, " synced ");
			ui_sync_names(&b, st, n, ok);
			buf_addch(&b, ';');
		}
		for (i = 0; i < n; i++) {
			if (!ok[i])
				buf_printf(&b, " %s %s %s%s%s;", st[i].tag,
				    st[i].name, ui_sync_word(st[i].state),
				    st[i].last_error != NULL ? ": " : "",
				    st[i].last_error != NULL ?
				    st[i].last_error : "");
		}
		b.data[b.len - 1] = '.';
	}
	ui_message(ui, bad != 0, "%s", b.data);
	buf_free(&b);
	free(ok);
}

/*
 * Watch the sync asked for with $: while its message is up, wait for the
 * accounts to stop syncing (or, if none started, for the engine to have
 * nothing more to do), then say how it went. A key or another message
 * ends the watch.
 */
static void
ui_sync_watch(struct ui *ui)
{
	const struct sync_account_status	*st;
	size_t					 i, n;

	if (ui->sync_msg == 0)
		return;
	if (ui->msg == NULL || ui->msg_serial != ui->sync_msg) {
		ui->sync_msg = 0;
		return;
	}
	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		if (st[i].state == SYNC_RUNNING) {
			ui->sync_ran = 1;
			return;
		}
	}
	if (!ui->sync_ran && sync_busy(ui->ctx.sync))
		return;
	ui->sync_msg = 0;
	ui_sync_ended(ui, st, n);
}

/* Draw the status bar on line y. */
static void
ui_draw_status(struct ui *ui, int y)
{
	struct buf	b;
	char		target[16], waiting[24], over[24], *why;

	util_format_age(config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET),
	    target, sizeof target);
	buf_init(&b, 0);
	ui_count(ui, ui->counts.view[VIEW_INBOX], waiting, sizeof waiting);
	ui_count(ui, ui->counts.overdue, over, sizeof over);
	if (*ui->bar_why != '\0') {
		/* Why the row is where it is, in a third of the width. */
		why = text_first_line(ui->bar_why, (size_t)(ui->cols / 3));
		buf_printf(&b, " %s |", why);
		free(why);
	}
	buf_printf(&b, " %s waiting, %s over %s | ", waiting, over, target);
	if (ui->counts_failed)
		buf_addstr(&b, "outbox ? | ");
	else if (ui->counts.outbox_pending != 0 || ui->counts.outbox_failed != 0)
		buf_printf(&b, "outbox %lld%s%s | ",
		    (long long)ui->counts.outbox_pending,
		    ui->counts.outbox_checking != 0 ? ", checking whether it "
		    "went out" : "",
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
	struct ui_screen	*s;
	const char		*hint;
	size_t		 i;
	int		 y;

	move(ui->rows - 1, 0);
	clrtoeol();
	if (ui->prompt.active && !ui->prompt.choice) {
		if (ui->prompt.body != NULL) {
			/* What Tab found, over the status bar. */
			attrset(ui_attr(ui, PAIR_STATUS, A_BOLD));
			ui_draw_fill(ui->rows - 2, 0, ui->cols);
			ui_draw_text(ui->rows - 2, 0, ui->prompt.body,
			    (size_t)ui->cols);
			attrset(A_NORMAL);
		}
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
		s = ui_screen_main(ui);
		hint = s->ops->hint_now != NULL ? s->ops->hint_now(ui, s->data) :
		    s->ops->hint;
		attrset(ui_attr(ui, PAIR_DIM, 0));
		ui_draw_text(ui->rows - 1, 0, hint != NULL ? hint :
		    "? help  Enter open  r reply  d done  u undo  s snooze  "
		    "/ search  Tab view  q quit", (size_t)ui->cols);
		attrset(A_NORMAL);
	}
}

/* Paint the bars again: a send's wait for its answer goes on. */
static void
ui_on_bar_timer(void *arg)
{
	struct ui	*ui = arg;

	ui->bar_timer = 0;
	ui->dirty = 1;
}

/* While a send waits for its answer, paint the bar every second. */
static void
ui_bar_ticks(struct ui *ui)
{
	const struct sync_account_status	*st;
	size_t					 i, n;

	if (ui->bar_timer != 0)
		return;
	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		if (st[i].outbox == SYNC_OUTBOX_SENDING) {
			ui->bar_timer = loop_timer_add(ui->ctx.loop, 1000,
			    ui_on_bar_timer, ui);
			return;
		}
	}
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
	ui_locale_rest(ui);
	if (!ui->painted) {
		ui->painted = 1;
		ui_action_sort_rest(ui);
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
	 * the first screen, and again at every key. Leaving the screen and
	 * coming back before anything is drawn sends each frame in as few
	 * writes as the buffer allows; it costs two tcsetattr calls, and
	 * leaving and entering the alternate screen in one write, which
	 * shows nothing.
	 */
	endwin();
	refresh();
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
	while (ui->nstack > 0)
		ui_screen_drop(ui, ui_screen_top(ui)->data);
	if (ui->bar_timer != 0)
		loop_timer_cancel(ui->ctx.loop, ui->bar_timer);
	free(ui->wake_error);
	ui_undo_free(ui);
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
	ui.now = util_now();
	ui.seen_changes = sync_changes(ctx->sync);
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
	ui_queue_open(&ui);
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
