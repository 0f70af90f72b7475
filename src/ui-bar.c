/*
 * ui-bar.c -- the bars around every screen: the title with the views and
 * their counts (the saved views of the config after heed's own), the
 * status bar with the state of each account's sync and the outbox, and
 * the bottom line with the message, the prompt or the screen's hint.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

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
void
ui_draw_title(struct ui *ui)
{
	char	label[64], n[24];
	int	x, v, w, attr;
	int64_t	count;

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
	for (v = 0; v < ui_views_count(ui) && x < ui->cols; v++) {
		count = ui_view_count(ui, v);
		if (count == UI_COUNT_PENDING)
			snprintf(n, sizeof n, "...");
		else if (count < 0)
			snprintf(n, sizeof n, "?");
		else
			snprintf(n, sizeof n, "%lld%s", (long long)count,
			    v >= VIEW_COUNT && count >= UI_FILTER_COUNT ? "+" :
			    "");
		if (v == ui->bar_view && ui->bar_filter != NULL)
			snprintf(label, sizeof label, " %s %lld%s of %s ",
			    ui_view_title(ui, v), (long long)ui->bar_filtered,
			    ui->bar_filtered >= UI_FILTER_COUNT ? "+" : "", n);
		else
			snprintf(label, sizeof label, " %s %s ",
			    ui_view_title(ui, v), n);
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
void
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
void
ui_draw_status(struct ui *ui, int y)
{
	struct buf	b;
	char		target[16], waiting[24], over[24], *why;

	util_format_age(config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET),
	    target, sizeof target);
	buf_init(&b, 0);
	if (ui->delay_until > util_now()) {
		/* The reply u can still take back, before all else. */
		buf_printf(&b, " Reply to %s leaves in %llds: u takes it back |",
		    ui->delay_who, (long long)(ui->delay_until - util_now()));
	} else if (*ui->bar_why != '\0') {
		/* Why the row is where it is, in a third of the width. */
		why = text_first_line(ui->bar_why, (size_t)(ui->cols / 3));
		buf_printf(&b, " %s |", why);
		free(why);
	}
	/* Counted by conversation (once the first frame is up). */
	ui_count(ui, ui->conv_waiting, waiting, sizeof waiting);
	ui_count(ui, ui->conv_overdue, over, sizeof over);
	if (!ui->conv_counted && !ui->counts_failed) {
		snprintf(waiting, sizeof waiting, "...");
		snprintf(over, sizeof over, "...");
	}
	if (ui->clock_ok && !ui->clock.simple)
		buf_printf(&b, " %s waiting, %s over %s of opening hours | ",
		    waiting, over, target);
	else
		buf_printf(&b, " %s waiting, %s over %s | ", waiting, over,
		    target);
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
size_t
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
void
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

/*
 * While a send waits for its answer, or a reply out its send delay,
 * paint the bar every second.
 */
void
ui_bar_ticks(struct ui *ui)
{
	const struct sync_account_status	*st;
	size_t					 i, n;

	if (ui->bar_timer != 0)
		return;
	if (ui->delay_until != 0) {
		/* Counted down to the end, then read again. */
		if (util_now() >= ui->delay_until)
			ui_delay_read(ui);
		if (ui->delay_until != 0) {
			ui->bar_timer = loop_timer_add(ui->ctx.loop, 1000,
			    ui_on_bar_timer, ui);
			return;
		}
	}
	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		if (st[i].outbox == SYNC_OUTBOX_SENDING) {
			ui->bar_timer = loop_timer_add(ui->ctx.loop, 1000,
			    ui_on_bar_timer, ui);
			return;
		}
	}
}

