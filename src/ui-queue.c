/*
 * ui-queue.c -- the queue screen: one screenful of a view, read from the
 * store a page at a time, never the whole queue.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "filter.h"
#include "log.h"
#include "platform.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* The queue screen's own state. */
struct ui_queue {
	struct ui		*ui;
	enum store_view		 view;
	struct store_filter	 filter;
	char			*filter_text;
	char			*search;	/* a search replaces the view */
	struct item_list	 items;		/* the rows read: each head */
	struct store_conv_list	 convs;		/* their conversations; none
						   for a search */
	struct ui_list		 list;		/* the rows on the screen */
	char			*error;		/* why they could not be read */
	int64_t			 sel_id;
	int			 have_top;
	int			 at_start;	/* the first row is the view's
						   first: rows that come to
						   sort before it show */
	int			 touched;	/* a key came: the selection
						   stays on its item; until
						   then, on the first row */
	struct store_key	 top;		/* the first row */
};

static const struct ui_screen_ops ui_queue_ops;

/* The key of a row for its mark: the item's id. */
static int64_t
ui_queue_key_of(void *arg, size_t row)
{
	struct ui_queue	*q = arg;

	return q->items.v[row].id;
}

/* Rows of the list: everything but the title, status and bottom lines. */
static size_t
ui_queue_rows(const struct ui *ui)
{
	return ui->rows > 4 ? (size_t)ui->rows - 3 : 1;
}

/* Return 1 if the view lists its rows in ascending key order. */
static int
ui_view_ascending(enum store_view v)
{
	return v == VIEW_INBOX || v == VIEW_FLAGGED || v == VIEW_SNOOZED ||
	    v == VIEW_SPAM;
}

/* Turn a row's key into one that starts a page at that row itself. */
static struct store_key
ui_key_at(enum store_view v, const struct store_key *k)
{
	struct store_key	r = *k;

	/* Keys are (sort, id) with integer ids: "after id - 1" is "at id". */
	if (ui_view_ascending(v))
		r.id--;
	else
		r.id++;
	return r;
}

/*
 * Load a page into the queue, replacing what is there. When the cache
 * cannot give it, the rows go too (they would be stale) and the screen
 * says what failed in their place until a load works again.
 */
static int
ui_queue_load(struct ui_queue *q, const struct store_key *key, int dir)
{
	struct ui		*ui = q->ui;
	struct item_list	 l;
	struct store_conv_list	 cl;
	char			*cause = NULL;

	memset(&l, 0, sizeof l);
	memset(&cl, 0, sizeof cl);
	if (q->search != NULL) {
		if (store_search(ui->ctx.store, q->search, 500, &l,
		    &cause) != 0)
			goto fail;
	} else if (store_conv_page(ui->ctx.store, q->view, &q->filter, key,
	    dir, ui_queue_rows(ui), &l, &cl, &cause) != 0)
		goto fail;
	item_list_free(&q->items);
	store_conv_list_free(&q->convs);
	q->items = l;
	q->convs = cl;
	ui_list_set_rows(&q->list, q->items.n, 0, NULL);
	free(q->error);
	q->error = NULL;
	return 0;
fail:
	if (q->error == NULL || strcmp(q->error, cause) != 0)
		log_error("%s", cause);
	free(q->error);
	q->error = cause;
	item_list_free(&l);
	item_list_free(&q->items);
	store_conv_list_free(&q->convs);
	ui_list_set_rows(&q->list, 0, 0, NULL);
	ui->dirty = 1;
	return -1;
}

/*
 * Find the row of an item on the page: its own, or that of the
 * conversation it is in; -1 if none.
 */
static ssize_t
ui_queue_row_of(const struct ui_queue *q, int64_t id)
{
	size_t	i, j;

	for (i = 0; i < q->items.n; i++) {
		if (q->items.v[i].id == id)
			return (ssize_t)i;
	}
	for (i = 0; i < q->convs.n; i++) {
		for (j = 0; j < q->convs.v[i].n; j++) {
			if (q->convs.v[i].ids[j] == id)
				return (ssize_t)i;
		}
	}
	return -1;
}

/* Put the selection back on sel_id if it is on the page. */
static void
ui_queue_reselect(struct ui_queue *q, size_t fallback)
{
	ssize_t	row;

	if ((row = ui_queue_row_of(q, q->sel_id)) >= 0) {
		ui_list_jump(&q->list, (size_t)row);
		q->sel_id = q->items.v[row].id;
		return;
	}
	ui_list_jump(&q->list, fallback);
	q->sel_id = q->items.n ? q->items.v[q->list.sel].id : 0;
}

/* Remember the first row as the top of the screen. */
static void
ui_queue_set_top(struct ui_queue *q)
{
	if (q->items.n == 0 || q->search != NULL) {
		q->have_top = 0;
		return;
	}
	store_key_of(q->view, &q->items.v[0], &q->top);
	q->have_top = 1;
}

/*
 * Count what the filter lets through of the view, for the title bar (up
 * to UI_FILTER_COUNT), or say there is no filter. A count that fails
 * shows as 0 and is logged; the rows are what matter.
 */
static void
ui_queue_count_filtered(struct ui_queue *q)
{
	struct ui	*ui = q->ui;
	char		*cause = NULL;

	ui->bar_filter = q->search == NULL ? q->filter_text : NULL;
	ui->bar_filtered = 0;
	if (ui->bar_filter == NULL)
		return;
	if (store_queue_count(ui->ctx.store, q->view, &q->filter,
	    UI_FILTER_COUNT, &ui->bar_filtered, &cause) != 0) {
		log_error("%s", cause);
		free(cause);
	}
}

/*
 * Reload the screenful from the same top row, keeping the selection on the
 * same item when it is still there (new items never move it), else on the
 * same line.
 */
static void
ui_queue_reload(struct ui_queue *q)
{
	struct ui		*ui = q->ui;
	struct store_key	 k;
	size_t			 old = q->list.sel;

	ui_list_resize(&q->list, ui_queue_rows(ui));
	if (q->search != NULL || !q->have_top || q->at_start)
		ui_queue_load(q, NULL, 1);
	else {
		k = ui_key_at(q->view, &q->top);
		ui_queue_load(q, &k, 1);
		if (q->items.n < ui_queue_rows(ui)) {
			/* Rows left the end: fill the screen from below. */
			ui_queue_load(q, NULL, -1);
		}
	}
	ui_queue_set_top(q);
	if (!q->touched && q->at_start)
		q->sel_id = 0;	/* nothing chosen yet: the first row */
	ui_queue_reselect(q, old);
	ui_queue_count_filtered(q);
	ui->dirty = 1;
}

/*
 * Select an item, scrolling so it is on the screen: reload from the same
 * top, and if the item is above it (undo brings back a row that sorts
 * before the top), start the screen at the item.
 */
static void
ui_queue_show(struct ui_queue *q, int64_t id)
{
	struct ui		*ui = q->ui;
	struct item		 it;
	struct store_key	 k;

	q->sel_id = id;
	ui_queue_reload(q);
	if (ui_queue_row_of(q, id) >= 0)
		return;
	if (q->search != NULL || store_item_get(ui->ctx.store, id, &it,
	    NULL) != 0)
		return;
	store_key_of(q->view, &it, &k);
	item_clear(&it);
	k = ui_key_at(q->view, &k);
	q->at_start = 0;
	if (ui_queue_load(q, &k, 1) == 0 && q->items.n > 0 &&
	    ui_queue_row_of(q, id) == 0) {
		ui_list_jump(&q->list, 0);
		q->sel_id = q->items.v[0].id;
		ui_queue_set_top(q);
	} else
		ui_queue_reload(q);
}

/* Switch views, starting at the top. */
static void
ui_queue_set_view(struct ui_queue *q, enum store_view v)
{
	free(q->search);
	q->search = NULL;
	q->view = v;
	q->ui->bar_view = (int)v;
	q->have_top = 0;
	q->at_start = 1;
	ui_list_end(&q->list, 0);
	q->sel_id = 0;
	ui_queue_reload(q);
}

/* Replace the view by the results of a search (NULL ends it). */
static void
ui_queue_search(struct ui_queue *q, const char *words)
{
	struct ui	*ui = q->ui;

	free(q->search);
	q->search = words != NULL && *words != '\0' ? xstrdup(words) : NULL;
	ui->bar_view = q->search != NULL ? -1 : (int)q->view;
	q->have_top = 0;
	q->at_start = 1;
	ui_list_end(&q->list, 0);
	q->sel_id = 0;
	ui_queue_reload(q);
	if (q->search != NULL && q->error == NULL)
		ui_message(ui, 0, "%zu match%s for \"%s\" (newest first; q "
		    "to leave the search)", q->items.n, q->items.n == 1 ? "" : "es",
		    q->search);
}

/* The selected row's conversation, or NULL (a search, an empty page). */
static const struct store_conv *
ui_queue_conv(const struct ui_queue *q)
{
	if (q->items.n == 0 || q->convs.n != q->items.n)
		return NULL;
	return &q->convs.v[q->list.sel];
}

/* The selected item, or NULL on an empty page. */
static struct item *
ui_queue_current(struct ui_queue *q)
{
	return q->items.n == 0 ? NULL : &q->items.v[q->list.sel];
}

/*
 * Read the page that starts a row further down, when the selection is on
 * the last row of a full page; when no row comes after it, the page
 * stays as it was.
 */
static void
ui_queue_scroll_down(struct ui_queue *q)
{
	struct store_key	k;
	size_t			n = q->items.n;

	store_key_of(q->view, &q->items.v[1 < n ? 1 : 0], &k);
	k = ui_key_at(q->view, &k);
	q->sel_id = q->items.v[q->list.sel].id;
	if (ui_queue_load(q, &k, 1) == 0 && q->items.n > 0 &&
	    q->items.v[q->items.n - 1].id != q->sel_id) {
		ui_list_jump(&q->list, q->items.n - 1);
		q->at_start = 0;
	} else
		ui_queue_reload(q);
}

/* Read the page that starts a row further up, if there is such a row. */
static void
ui_queue_scroll_up(struct ui_queue *q)
{
	struct store_key	k;

	store_key_of(q->view, &q->items.v[0], &k);
	q->sel_id = q->items.v[0].id;
	if (ui_queue_load(q, &k, -1) == 0 && q->items.n > 0 &&
	    q->items.v[0].id != q->sel_id) {
		/* Got the rows before: show one more at the top. */
		store_key_of(q->view, &q->items.v[q->items.n - 1], &k);
		k = ui_key_at(q->view, &k);
		ui_queue_load(q, &k, 1);
		ui_list_jump(&q->list, 0);
	} else {
		/* Nothing before: the screen starts at the view's start. */
		q->at_start = 1;
		ui_queue_reload(q);
	}
}

/*
 * Move the selection by one row. The screen holds a page of the view:
 * past its first or last row, the page scrolls a row at a time; the
 * results of a search are all there, and the list scrolls them itself.
 */
static void
ui_queue_step(struct ui_queue *q, int down)
{
	if (q->items.n == 0)
		return;
	if (ui_list_move(&q->list, down ? 1 : -1) != 0 && q->search == NULL) {
		if (down && q->items.n == ui_queue_rows(q->ui))
			ui_queue_scroll_down(q);
		else if (!down)
			ui_queue_scroll_up(q);
	}
	ui_queue_set_top(q);
	if (q->items.n > 0)
		q->sel_id = q->items.v[q->list.sel].id;
}

/* Move a screenful down or up. */
static void
ui_queue_page(struct ui_queue *q, int down)
{
	struct ui		*ui = q->ui;
	struct store_key	 k;
	size_t			 n = q->items.n, rows = ui_queue_rows(ui);

	if (n == 0 || q->search != NULL)
		ui_list_page(&q->list, down);
	else if (down) {
		store_key_of(q->view, &q->items.v[n - 1], &k);
		if (n == rows)
			q->at_start = 0;
		if (n == rows && ui_queue_load(q, &k, 1) == 0 &&
		    q->items.n == 0)
			ui_queue_load(q, NULL, -1);
		if (n < rows || q->items.n < rows)
			ui_list_end(&q->list, 1);
	} else {
		store_key_of(q->view, &q->items.v[0], &k);
		if (ui_queue_load(q, &k, -1) == 0 && q->items.n == 0)
			ui_queue_load(q, NULL, 1);
		if (q->items.n < rows) {
			ui_queue_load(q, NULL, 1);
			ui_list_end(&q->list, 0);
			q->at_start = 1;
		}
	}
	ui_queue_set_top(q);
	q->sel_id = q->items.n ? q->items.v[q->list.sel].id : 0;
}

/* Jump to the first or last row of the view. */
static void
ui_queue_end(struct ui_queue *q, int bottom)
{
	if (q->search == NULL)
		ui_queue_load(q, NULL, bottom ? -1 : 1);
	q->at_start = !bottom;
	ui_list_end(&q->list, bottom);
	ui_queue_set_top(q);
	q->sel_id = q->items.n ? q->items.v[q->list.sel].id : 0;
}

/* Colour a waiting time against the response target. */
static int
ui_wait_attr(struct ui *ui, int64_t waited, int64_t target)
{
	if (waited >= target)
		return ui_attr(ui, PAIR_LATE, A_BOLD);
	if (waited >= target / 2)
		return ui_attr(ui, PAIR_WARN, 0);
	return ui_attr(ui, PAIR_OK, 0);
}

/*
 * The marks of a row, in three columns: the first says whether it is new
 * or the business's own, the second whether it is flagged or answered,
 * the third what else it has. The help and the legend say them from this
 * table, so that they say what the rows show.
 */
enum ui_queue_mark {
	MARK_COMPLAINT, MARK_QUESTION, MARK_PRAISE, MARK_SPAM, MARK_NEW,
	MARK_OWN, MARK_FLAGGED, MARK_REPLIED, MARK_DRAFT, MARK_NOTE,
	MARK_HIDDEN, MARK_DELETED
};
static const struct ui_mark ui_queue_marks[] = {
	[MARK_COMPLAINT] = { 'C', "complaint", "a complaint: answer it first" },
	[MARK_QUESTION] = { '?', "question", "a question or a request" },
	[MARK_PRAISE] = { '+', "praise", "praise or thanks: no reply needed?" },
	[MARK_SPAM] = { 'S', "spam", "spam or a scam: do not follow its links" },
	[MARK_NEW] = { '*', "new", "new: not opened yet" },
	[MARK_OWN] = { '>', "your reply", "one of your own replies" },
	[MARK_FLAGGED] = { '!', "flagged", "flagged" },
	[MARK_REPLIED] = { 'r', "answered", "answered by you" },
	[MARK_DRAFT] = { 'd', "draft", "a draft of a reply is waiting" },
	[MARK_NOTE] = { 'n', "note", "an internal note" },
	[MARK_HIDDEN] = { 'h', "hidden", "hidden on the platform" },
	[MARK_DELETED] = { 'x', "deleted", "deleted on the platform" },
	{ 0, NULL, NULL }
};

/*
 * Fill the four mark columns of a row: what it is (the kind), then new or
 * own, flagged or answered, and what else it has.
 */
static void
ui_queue_flags(const struct item *it, char flags[5])
{
	const struct ui_mark	*m = ui_queue_marks;

	switch (it->ckind) {
	case CLASSIFY_COMPLAINT:
		*flags++ = m[MARK_COMPLAINT].mark;
		break;
	case CLASSIFY_QUESTION:
		*flags++ = m[MARK_QUESTION].mark;
		break;
	case CLASSIFY_PRAISE:
		*flags++ = m[MARK_PRAISE].mark;
		break;
	case CLASSIFY_SPAM:
		*flags++ = m[MARK_SPAM].mark;
		break;
	default:
		*flags++ = ' ';
		break;
	}
	flags[0] = it->own ? m[MARK_OWN].mark : it->status == STATUS_NEW ?
	    m[MARK_NEW].mark : ' ';
	flags[1] = it->flags != 0 ? m[MARK_FLAGGED].mark : it->replied ?
	    m[MARK_REPLIED].mark : ' ';
	flags[2] = it->has_draft ? m[MARK_DRAFT].mark : it->note != NULL ?
	    m[MARK_NOTE].mark : it->hidden ? m[MARK_HIDDEN].mark :
	    it->deleted ? m[MARK_DELETED].mark : ' ';
	flags[3] = '\0';
}

/* Say on the message line what each mark of a row means. */
static void
ui_queue_legend(struct ui *ui)
{
	struct buf		 b;
	const struct ui_mark	*m;

	buf_init(&b, 0);
	buf_addstr(&b, "Marks:");
	for (m = ui_queue_marks; m->mark != 0; m++)
		buf_printf(&b, "%s%c %s", m == ui_queue_marks ? " " : "  ",
		    m->mark, m->word);
	ui_message(ui, 0, "%s", b.data);
	buf_free(&b);
}

/*
 * Draw the waiting time and the marks of a row at column x; return the
 * column after them.
 */
static int
ui_queue_age_marks(struct ui_queue *q, const struct item *it,
    const struct store_conv *c, const struct ui_list_line *ln, int base,
    int x)
{
	struct ui	*ui = q->ui;
	int64_t		 shown;
	char		 age[16], cell[24], flags[5];
	int		 y = ln->y, selected = ln->selected;

	if (q->view == VIEW_SNOOZED && q->search == NULL) {
		shown = it->snooze_until - ui->now;
		util_format_age(shown > 0 ? shown : 0, age, sizeof age);
		attrset(base);
	} else {
		/* A conversation has waited since its first message. */
		shown = ui->now - (c != NULL && c->n > 0 ? c->first :
		    it->created);
		util_format_age(shown > 0 ? shown : 0, age, sizeof age);
		/* Colour says "late" only of what needs an answer. */
		if (!selected && !it->own && it->status != STATUS_DONE &&
		    (it->lane == LANE_ANSWER || it->lane == LANE_UNSORTED))
			attrset(ui_wait_attr(ui, shown, config_int(
			    ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET)));
	}
	snprintf(cell, sizeof cell, "%5s", age);
	mvaddstr(y, x, cell);
	x += 6;
	ui_queue_flags(it, flags);
	attrset(base | (it->flags != 0 && !selected ?
	    ui_attr(ui, PAIR_FLAG, A_BOLD) : 0));
	mvaddstr(y, x, flags);
	if (!selected && (it->ckind == CLASSIFY_COMPLAINT ||
	    it->ckind == CLASSIFY_SPAM)) {
		/* What to answer first, and what not to trust, stand out. */
		attrset(ui_attr(ui, PAIR_LATE, A_BOLD));
		mvaddch(y, x, (chtype)(unsigned char)flags[0]);
	}
	return x + 5;
}

/* Draw one row of the queue (the list's callback). */
static void
ui_queue_row(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_queue			*q = arg;
	const struct item		*it = &q->items.v[ln->row];
	const struct store_conv		*c = NULL;
	const struct platform_ops	*ops = ui_platform(ui, it);
	char				 cell[24], *line;
	const char			*who, *text = it->text;
	int				 base, x = 0, y = ln->y;
	int				 selected = ln->selected, aw;

	if (q->convs.n == q->items.n)
		c = &q->convs.v[ln->row];
	/* The author's column: wider in a wider window. */
	aw = ui->cols >= 110 ? 22 : ui->cols >= 80 ? 16 : ui->cols >= 60 ?
	    12 : 8;
	base = selected ? ui_attr(ui, PAIR_SELECTED, A_BOLD) : (int)A_NORMAL;
	attrset(base);
	/* Other rows stand on the blank line that ui_paint's erase left. */
	if (selected)
		ui_draw_fill(y, 0, ui->cols);
	if (!selected)
		attrset(ui_attr(ui, PAIR_TAG, 0));
	ui_draw_text(y, x + 1, ops != NULL ? ops->tag : "??", 2);
	x += 4;
	attrset(base | (it->own && !selected ? ui_attr(ui, PAIR_OWN, 0) : 0));
	who = it->author_name != NULL && *it->author_name != '\0' ?
	    it->author_name : it->author_handle != NULL ?
	    it->author_handle : "?";
	ui_draw_text(y, x, who, (size_t)aw);
	x += aw + 1;
	x = ui_queue_age_marks(q, it, c, ln, base, x);
	attrset(base);
	if (c != NULL && c->n > 1 && x + 4 < ui->cols) {
		/* A conversation: how many messages, then the newest. */
		snprintf(cell, sizeof cell, "%zu", c->n);
		if (!selected)
			attrset(ui_attr(ui, PAIR_DIM, A_BOLD));
		mvaddstr(y, x, cell);
		x += (int)strlen(cell) + 1;
		attrset(base);
		text = c->text;
	}
	if (x < ui->cols) {
		/* Cut to the width already: no need to measure it again. */
		line = text_first_line(it->deleted && text == it->text ?
		    "(deleted on the platform)" : text != NULL ? text : "",
		    (size_t)(ui->cols - x));
		mvaddstr(y, x, line);
		free(line);
	}
	attrset(A_NORMAL);
}

/* Say, in place of the rows, that the cache could not give them. */
static void
ui_queue_failed(struct ui_queue *q)
{
	static const char *const names[VIEW_COUNT] = {
		"inbox", "flagged view", "snoozed view", "done view",
		"all view", "spam view"
	};
	struct ui	*ui = q->ui;
	const char	*name = q->search != NULL ? "search" : names[q->view];
	char		*what;

	what = xprintf("The %s could not be read from the cache, so heed "
	    "cannot show it: %s.\n\nThis is not an empty %s. heed doctor "
	    "checks the cache and says what to do; heed reads it again at the "
	    "next key or sync.", name, q->error, name);
	attrset(ui_attr(ui, PAIR_LATE, A_BOLD));
	ui_draw_wrapped(2, 2, what, (size_t)ui->cols - 4, ui->rows - 2);
	attrset(A_NORMAL);
	free(what);
}

/* Say why the view is empty, plainly. */
static void
ui_queue_empty(struct ui_queue *q)
{
	struct ui	*ui = q->ui;
	const char	*what;

	if (q->error != NULL) {
		ui_queue_failed(q);
		return;
	}
	if (q->search != NULL)
		what = "Nothing matches this search. q leaves the search.";
	else if (q->filter_text != NULL)
		what = "Nothing in this view matches the filter. \\ then Enter "
		    "on an empty line clears it.";
	else if (ui->counts.view[VIEW_ALL] == 0 &&
	    ui->ctx.cfg->naccounts == 0)
		what = "No accounts yet: add an [account NAME] section to the "
		    "config (see heed.conf(5)), or try heed --demo.";
	else if (ui->counts.view[VIEW_ALL] == 0)
		what = "Nothing in the cache yet: the first sync fills it "
		    "(the status bar shows how it goes).";
	else if (q->view == VIEW_INBOX)
		what = "Inbox zero: nobody is waiting for an answer.";
	else
		what = "Nothing here.";
	attrset(ui_attr(ui, PAIR_DIM, 0));
	ui_draw_wrapped(2, 2, what, (size_t)ui->cols - 4, ui->rows - 2);
	attrset(A_NORMAL);
}

/*
 * Say in the status bar why the selected row is where it is: what it is,
 * whether it needs an answer, what gave it away, and who said so.
 */
static void
ui_queue_why(struct ui_queue *q)
{
	static const char *const needs[] = {
		[CLASSIFY_REPLY_NO] = "no reply needed?",
		[CLASSIFY_REPLY_UNCLEAR] = "may need an answer",
		[CLASSIFY_REPLY_YES] = "needs an answer"
	};
	struct ui			*ui = q->ui;
	const struct item		*it;
	struct classify_result		 res;
	struct classify_signals		 sig;
	const char			*need;

	if (q->search != NULL || q->items.n == 0)
		return;
	it = &q->items.v[q->list.sel];
	if (it->own || it->ckind < 0 || it->creply < 0 ||
	    it->creply >= (int)nitems(needs)) {
		snprintf(ui->bar_why, sizeof ui->bar_why, "not sorted yet");
		return;
	}
	need = it->lane == LANE_SPAM ? "do not follow its links" :
	    it->urgency >= 3 ? "answer it first" : needs[it->creply];
	if (it->kind_by == KIND_BY_CLASSIFIER && ui->painted) {
		/*
		 * The reasons are the classifier's: read them again (not for
		 * the first frame, which comes before its tables are built).
		 */
		memset(&sig, 0, sizeof sig);
		sig.lang = it->lang;
		sig.author_name = it->author_name;
		classify_text(it->text != NULL ? it->text : "", &sig, &res);
		snprintf(ui->bar_why, sizeof ui->bar_why, "%s; %s",
		    res.kind == (enum classify_kind)it->ckind && *res.why !=
		    '\0' ? res.why : classify_kind_name(it->ckind), need);
	} else if (it->kind_by == KIND_BY_CLASSIFIER)
		snprintf(ui->bar_why, sizeof ui->bar_why, "%s; %s",
		    classify_kind_name(it->ckind), need);
	else
		snprintf(ui->bar_why, sizeof ui->bar_why, "%s; %s (%s)",
		    classify_kind_name(it->ckind), need, it->kind_by ==
		    KIND_BY_OWNER ? "you said so" : "a rule said so");
}

/* Draw the queue screen. */
static void
ui_queue_draw(struct ui *ui, void *data)
{
	struct ui_queue	*q = data;

	if (q->items.n == 0)
		ui_queue_empty(q);
	ui_list_draw(ui, &q->list, 1);
	ui_queue_why(q);
}

/* Parse and apply a filter expression; "" clears the filter. */
static int
ui_queue_filter(struct ui_queue *q, const char *expr, char **cause)
{
	struct store_filter	 f;
	char			*copy;

	if (filter_parse(q->ui->ctx.store, expr, &f, cause) != 0)
		return -1;
	filter_clear(&q->filter);
	q->filter = f;
	free(q->filter_text);
	q->filter_text = *util_trim(copy = xstrdup(expr)) != '\0' ?
	    xstrdup(util_trim(copy)) : NULL;
	free(copy);
	q->have_top = 0;
	ui_list_end(&q->list, 0);
	q->sel_id = 0;
	ui_queue_reload(q);
	return 0;
}

/* Answer of the search prompt. */
static void
ui_queue_search_done(struct ui *ui, const char *words)
{
	struct ui_queue	*q = ui_screen_find(ui, &ui_queue_ops);

	if (words != NULL && q != NULL)
		ui_queue_search(q, words);
}

/*
 * Apply a filter expression and say what it did on the bottom line, or
 * say why it cannot be applied.
 */
static void
ui_queue_filter_say(struct ui_queue *q, const char *expr)
{
	struct ui	*ui = q->ui;
	const char	*view = ui_view_name(q->view);
	char		*cause = NULL, *was;

	was = q->filter_text != NULL ? xstrdup(q->filter_text) : NULL;
	if (ui_queue_filter(q, expr, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else if (q->filter_text != NULL) {
		ui_message(ui, 0, "Filter %s: %lld%s of %lld in %s. \\ then an "
		    "empty line clears it.", q->filter_text,
		    (long long)ui->bar_filtered, ui->bar_filtered >=
		    UI_FILTER_COUNT ? "+" : "",
		    (long long)ui->counts.view[q->view], view);
	} else if (was != NULL)
		ui_message(ui, 0, "Filter %s cleared: %s shows all %lld.", was,
		    view, (long long)ui->counts.view[q->view]);
	free(was);
}

/* Answer of the filter prompt. */
static void
ui_queue_filter_done(struct ui *ui, const char *expr)
{
	struct ui_queue	*q = ui_screen_find(ui, &ui_queue_ops);

	if (expr != NULL && q != NULL)
		ui_queue_filter_say(q, expr);
}

/* Handle an action on the queue screen. */
static void
ui_queue_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_queue			*q = data;
	struct item			*it = ui_queue_current(q);
	const struct store_conv		*c;

	(void)key;
	q->touched = 1;
	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_queue_step(q, action == ACT_DOWN);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_queue_page(q, action == ACT_PAGE_DOWN);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		ui_queue_end(q, action == ACT_BOTTOM);
		break;
	case ACT_OPEN:
		if (it != NULL)
			ui_thread_open(ui, it->id);
		break;
	case ACT_QUIT:
	case ACT_BACK:
		if (q->search != NULL)
			ui_queue_search(q, NULL);
		else
			ui_quit(ui);
		break;
	case ACT_NEXT_VIEW:
	case ACT_PREV_VIEW:
		ui_queue_set_view(q, (enum store_view)(((int)q->view +
		    (action == ACT_NEXT_VIEW ? 1 : VIEW_COUNT - 1)) %
		    VIEW_COUNT));
		break;
	case ACT_SEARCH:
		ui_ask_line(ui, "Search:", q->search, ui_queue_search_done);
		break;
	case ACT_FILTER:
		ui_ask_line(ui, "Filter:", q->filter_text,
		    ui_queue_filter_done);
		break;
	case ACT_LEGEND:
		ui_queue_legend(ui);
		break;
	default:
		/* An action on a conversation leaves what came after. */
		c = ui_queue_conv(q);
		ui->act_upto = c != NULL ? c->newest : 0;
		if (ui_action_item(ui, action, it) != 0)
			ui_queue_reload(q);
		break;
	}
}

/* Commands of the queue: view, search, filter, and snooze with a time. */
static int
ui_queue_command(struct ui *ui, void *data, const char *name,
    const char *arg)
{
	struct ui_queue	*q = data;
	struct item	*it;
	int		 v;

	if (strcmp(name, "view") == 0) {
		if ((v = ui_view_arg(ui, arg)) != -1)
			ui_queue_set_view(q, (enum store_view)v);
	} else if (strcmp(name, "search") == 0)
		ui_queue_search(q, arg);
	else if (strcmp(name, "filter") == 0)
		ui_queue_filter_say(q, arg != NULL ? arg : "");
	else if (strcmp(name, "snooze") == 0 && arg != NULL) {
		if ((it = ui_queue_current(q)) != NULL)
			ui_action_snooze(ui, it, arg);
	} else
		return 0;
	return 1;
}

/* Read the screenful again (the op). */
static void
ui_queue_reload_op(struct ui *ui, void *data)
{
	(void)ui;
	ui_queue_reload(data);
}

/* Bring an item into view (the op). */
static void
ui_queue_show_op(struct ui *ui, void *data, int64_t id)
{
	(void)ui;
	ui_queue_show(data, id);
}

/* Free the queue screen. */
static void
ui_queue_free(struct ui *ui, void *data)
{
	struct ui_queue	*q = data;

	(void)ui;
	item_list_free(&q->items);
	store_conv_list_free(&q->convs);
	ui_list_free(&q->list);
	free(q->error);
	free(q->filter_text);
	free(q->search);
	filter_clear(&q->filter);
	free(q);
}

/* The commands of the queue that take a word or more. */
static const struct ui_cmd ui_queue_cmds[] = {
	{ "view", "view", "show a view", ui_view_words },
	{ "search", "words", "search for them", NULL },
	{ "filter", "expression", "narrow the view (empty: all of it)",
	    NULL },
	{ "snooze", "time", "snooze the selected item until then", NULL },
	{ NULL, NULL, NULL, NULL }
};

static const struct ui_screen_ops ui_queue_ops = {
	.name = "queue",
	.keys = SCREEN_QUEUE,
	.marks = ui_queue_marks,
	.draw = ui_queue_draw,
	.key = ui_queue_key,
	.free = ui_queue_free,
	.reload = ui_queue_reload_op,
	.resize = ui_queue_reload_op,
	.cmds = ui_queue_cmds,
	.command = ui_queue_command,
	.show = ui_queue_show_op,
};

/* Open the queue on the inbox, at the bottom of the stack. */
void
ui_queue_open(struct ui *ui)
{
	struct ui_queue	*q = xcalloc(1, sizeof *q);

	q->ui = ui;
	q->view = VIEW_INBOX;
	q->at_start = 1;
	ui_list_init(&q->list, 0, ui_queue_row, ui_queue_key_of, q);
	ui->bar_view = VIEW_INBOX;
	ui_screen_push(ui, &ui_queue_ops, q);
	ui_queue_reload(q);
}
