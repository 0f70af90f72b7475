/*
 * ui-log.c -- the activity log screen: every change heed made (done,
 * snooze, flag, note, tags, kind, undo, what was queued and what went
 * out), newest first, a row each: when, who did it (the local user),
 * what, and to whose message with the start of its text and the
 * action's detail. Enter opens the thread of a row's message while the
 * cache still has it.
 *
 * The log only grows, and can be long: it is read a page at a time
 * (store_activity_before), the next page when the selection comes near
 * the end of what was read, never all of it at once.
 */
#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "ui-private.h"
#include "util.h"

#define UI_LOG_PAGE	200	/* rows read at a time */
#define UI_LOG_WHO	10	/* the columns of who, */
#define UI_LOG_WHAT	10	/* and of the action */

/* The log screen's own state. */
struct ui_log {
	struct ui_list		 list;		/* a line a row */
	struct store_activity	*a;		/* newest first */
	size_t			 n;
	int			 more;		/* older rows may be left */
	char			*error;		/* why it could not be read */
};

static const struct ui_screen_ops ui_log_ops;

/* The key of a row: its place in the log. */
static int64_t
ui_log_key_of(void *arg, size_t row)
{
	struct ui_log	*l = arg;

	return l->a[row].id;
}

/* Read the next page, older than what is read; 0, or -1 (said). */
static int
ui_log_more(struct ui *ui, struct ui_log *l)
{
	struct store_activity	*a;
	size_t			 n;
	char			*cause = NULL;

	if (store_activity_before(ui->ctx.store, l->n > 0 ? l->a[l->n - 1].id :
	    0, UI_LOG_PAGE, &a, &n, &cause) != 0) {
		free(l->error);
		l->error = cause;
		l->more = 0;
		return -1;
	}
	l->a = xreallocarray(l->a, l->n + n + 1, sizeof *l->a);
	memcpy(&l->a[l->n], a, n * sizeof *a);
	l->n += n;
	free(a);
	l->more = n == UI_LOG_PAGE;
	ui_list_set_rows(&l->list, l->n, 0, NULL);
	ui->dirty = 1;
	return 0;
}

/* Read more when the selection is within a screen of the end. */
static void
ui_log_near_end(struct ui *ui, struct ui_log *l)
{
	if (l->more && l->list.sel + l->list.height + 1 >= l->n)
		ui_log_more(ui, l);
}

/*
 * Read the log again from the newest row, as many rows as were read (a
 * page at least), and keep the selected row selected.
 */
static void
ui_log_reload(struct ui *ui, void *data)
{
	struct ui_log	*l = data;
	int64_t		 sel = l->n > 0 ? l->a[l->list.sel].id : 0;
	size_t		 want = l->n > UI_LOG_PAGE ? l->n : UI_LOG_PAGE, i;

	store_activity_free(l->a, l->n);
	l->a = NULL;
	l->n = 0;
	free(l->error);
	l->error = NULL;
	ui_list_set_rows(&l->list, 0, 0, NULL);
	do {
		if (ui_log_more(ui, l) != 0)
			break;
	} while (l->more && l->n < want);
	for (i = 0; sel != 0 && i < l->n; i++) {
		if (l->a[i].id <= sel) {
			ui_list_jump(&l->list, i);
			break;
		}
	}
}

/* A one-line copy of s that the screen can show; new string. */
static char *
ui_log_clean(const char *s)
{
	return text_sanitize_line(s, strlen(s));
}

/*
 * Whose message a row is about, the start of it cut so that the
 * detail after it still fits in width columns, and the detail; new.
 */
static char *
ui_log_about(const struct store_activity *a, size_t width)
{
	struct buf	 b;
	char		*detail = activity_detail(a->action, a->detail), *clean;
	char		*cut;
	size_t		 used, room;

	buf_init(&b, 0);
	if (a->author != NULL) {
		clean = ui_log_clean(a->author);
		buf_addstr(&b, clean);
		free(clean);
	}
	if (a->text != NULL) {
		used = text_width(b.data != NULL ? b.data : "") + 2 +
		    (detail != NULL ? text_width(detail) + 3 : 0);
		room = width > used + 12 ? width - used : 12;
		clean = ui_log_clean(a->text);
		cut = text_first_line(clean, room);
		buf_printf(&b, "%s%s", b.len > 0 ? ": " : "", cut);
		free(cut);
		free(clean);
	} else if (a->item_id != 0 && a->author == NULL)
		buf_addstr(&b, "(a message no longer in the cache)");
	if (detail != NULL)
		buf_printf(&b, b.len > 0 ? " (%s)" : "(%s)", detail);
	free(detail);
	return buf_steal(&b);
}

/* When a row was, to the minute: the year too when there is room. */
static void
ui_log_when(struct ui *ui, int64_t t, char *buf, size_t len)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	localtime_r(&tt, &tm);
	if (strftime(buf, len, ui->cols >= 100 ? "%Y-%m-%d %H:%M" :
	    "%m-%d %H:%M", &tm) == 0)
		*buf = '\0';
}

/* Draw a row (the list's callback): when, who, what, about what. */
static void
ui_log_line(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_log		*l = arg;
	struct store_activity	*a = &l->a[ln->row];
	char			 when[32], *who, *what, *about, *s;
	size_t			 used;

	ui_log_when(ui, a->time, when, sizeof when);
	who = text_pad(a->who != NULL ? a->who : "?", UI_LOG_WHO);
	what = text_pad(a->action, UI_LOG_WHAT);
	used = strlen(when) + UI_LOG_WHO + UI_LOG_WHAT + 6 + 2;
	about = ui_log_about(a, (size_t)ui->cols > used ? (size_t)ui->cols -
	    used : 1);
	s = xprintf("%s  %s  %s  %s", when, who, what, about);
	attrset(ln->selected ? ui_attr(ui, PAIR_SELECTED, 0) : (int)A_NORMAL);
	ui_draw_fill(ln->y, 0, ui->cols);
	ui_draw_text(ln->y, 1, s, (size_t)ui->cols - 2);
	attrset(A_NORMAL);
	free(s);
	free(about);
	free(what);
	free(who);
}

/* Draw the heading and the column names. */
static void
ui_log_heading(struct ui *ui, struct ui_log *l)
{
	char	*head, when[32], *cols, *who, *what;

	head = xprintf("Activity log: every action, newest first (%zu%s)",
	    l->n, l->more ? " read, older ones as you scroll" : "");
	attrset(A_BOLD);
	ui_draw_text(1, 1, head, (size_t)ui->cols - 2);
	ui_log_when(ui, 0, when, sizeof when);
	who = text_pad("who", UI_LOG_WHO);
	what = text_pad("action", UI_LOG_WHAT);
	cols = xprintf("%-*s  %s  %s  %s", (int)strlen(when), "when", who,
	    what, "whose message, and the detail");
	attrset(ui_attr(ui, PAIR_DIM, 0));
	ui_draw_text(2, 1, cols, (size_t)ui->cols - 2);
	attrset(A_NORMAL);
	free(cols);
	free(what);
	free(who);
	free(head);
}

/* Draw the log screen. */
static void
ui_log_draw(struct ui *ui, void *data)
{
	struct ui_log	*l = data;
	char		*what;

	ui_list_resize(&l->list, ui->rows > 5 ? (size_t)ui->rows - 5 : 1);
	if (l->n == 0) {
		what = l->error != NULL ? xprintf("The activity log could not "
		    "be read from the cache: %s.", l->error) : xstrdup("The "
		    "activity log is empty: nothing was done yet. q goes back.");
		attrset(l->error != NULL ? ui_attr(ui, PAIR_LATE, A_BOLD) :
		    ui_attr(ui, PAIR_DIM, 0));
		ui_draw_wrapped(2, 2, what, (size_t)ui->cols - 4, ui->rows - 2);
		attrset(A_NORMAL);
		free(what);
		return;
	}
	ui_log_heading(ui, l);
	ui_list_draw(ui, &l->list, 3);
}

/* Open the thread of the selected row's message, if the cache has it. */
static void
ui_log_open_thread(struct ui *ui, struct ui_log *l)
{
	struct item	it;

	if (l->n == 0)
		return;
	if (l->a[l->list.sel].item_id == 0) {
		ui_message(ui, 0, "This action was not on a message.");
		return;
	}
	if (store_item_get(ui->ctx.store, l->a[l->list.sel].item_id, &it,
	    NULL) != 0) {
		ui_message(ui, 1, "That message is no longer in the cache.");
		return;
	}
	item_clear(&it);
	if (ui->open_thread != NULL)
		ui->open_thread(ui, l->a[l->list.sel].item_id);
}

/* Handle an action on the log screen. */
static void
ui_log_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_log	*l = data;

	(void)key;
	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_list_move(&l->list, action == ACT_DOWN ? 1 : -1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_list_page(&l->list, action == ACT_PAGE_DOWN);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		ui_list_end(&l->list, action == ACT_BOTTOM);
		break;
	case ACT_OPEN:
		ui_log_open_thread(ui, l);
		return;
	case ACT_BACK:
	case ACT_QUIT:
		ui_screen_pop(ui, l);
		return;
	}
	ui_log_near_end(ui, l);
}

/* Free the log screen. */
static void
ui_log_free(struct ui *ui, void *data)
{
	struct ui_log	*l = data;

	(void)ui;
	store_activity_free(l->a, l->n);
	free(l->error);
	ui_list_free(&l->list);
	free(l);
}

static const struct ui_screen_ops ui_log_ops = {
	.name = "log",
	.keys = SCREEN_LOG,
	.hint = "? help  Enter open the thread  j/k move  G older  q back",
	.draw = ui_log_draw,
	.key = ui_log_key,
	.free = ui_log_free,
	.reload = ui_log_reload,
};

/* Show the activity log, newest first, in place of a thread. */
void
ui_log_open(struct ui *ui)
{
	struct ui_log	*l = xcalloc(1, sizeof *l);

	ui_list_init(&l->list, 0, ui_log_line, ui_log_key_of, l);
	while (ui->nstack > 1)
		ui_screen_drop(ui, ui_screen_top(ui)->data);
	ui_screen_push(ui, &ui_log_ops, l);
	ui_log_reload(ui, l);
}
