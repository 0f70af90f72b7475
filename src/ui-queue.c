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
#include "ui-queue-private.h"
#include "util.h"

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
	/*
	 * What an empty screen says (no accounts, nothing synced yet, inbox
	 * zero) depends on the counts: read them now if the first frame is
	 * to go up without them.
	 */
	if (q->items.n == 0 && !ui->counts_known && !ui->counts_failed)
		ui_refresh_counts(ui);
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

/*
 * The view after (or before) the one shown, past a saved view whose
 * filter cannot be read (the title shows it with a "?").
 */
static int
ui_queue_next_view(struct ui_queue *q, int next)
{
	enum store_view	 from;
	const char	*saved, *error;
	int		 n = ui_views_count(q->ui), place = q->place, i;

	for (i = 0; i < n; i++) {
		place = (place + (next ? 1 : n - 1)) % n;
		if (ui_view_of(q->ui, place, &from, &saved, &error) == 0)
			break;
	}
	return place;
}

/* Replace the view by the results of a search (NULL ends it). */
static void
ui_queue_search(struct ui_queue *q, const char *words)
{
	struct ui	*ui = q->ui;

	free(q->search);
	q->search = words != NULL && *words != '\0' ? xstrdup(words) : NULL;
	ui->bar_view = q->search != NULL ? -1 : q->place;
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

/*
 * Parse and apply a filter expression ("" clears it) on top of the saved
 * view's own, if the view is one.
 */
static int
ui_queue_filter(struct ui_queue *q, const char *expr, char **cause)
{
	struct store_filter	 f;
	enum store_view		 from;
	const char		*saved, *error;
	char			*copy, *both;
	int			 rc;

	saved = NULL;
	if (ui_view_of(q->ui, q->place, &from, &saved, &error) != 0)
		return util_fail(cause, "%s", error);
	both = xprintf("%s %s", saved != NULL ? saved : "", expr);
	rc = filter_parse(q->ui->ctx.store, both, &f, cause);
	free(both);
	if (rc != 0)
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

/*
 * Switch to the view at a place of the title (heed's own or a saved
 * one), starting at the top and keeping the filter typed.
 */
static void
ui_queue_set_view(struct ui_queue *q, int place)
{
	struct ui	*ui = q->ui;
	enum store_view	 from;
	const char	*saved, *error;
	char		*cause = NULL, *expr;

	if (ui_view_of(ui, place, &from, &saved, &error) != 0) {
		ui_message(ui, 1, "The view %s cannot be shown: %s (its filter "
		    "in the config)", ui_view_title(ui, place), error);
		return;
	}
	free(q->search);
	q->search = NULL;
	q->view = from;
	q->place = place;
	ui->bar_view = place;
	q->at_start = 1;
	expr = xstrdup(q->filter_text != NULL ? q->filter_text : "");
	if (ui_queue_filter(q, expr, &cause) != 0) {
		/* The typed filter does not go with the saved one's. */
		ui_message(ui, 1, "%s", cause);
		free(cause);
		ui_queue_filter(q, "", NULL);
	}
	free(expr);
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
	const char	*view = ui_view_title(ui, q->place);
	int64_t		 all = ui_view_count(ui, q->place);
	char		*cause = NULL, *was;

	was = q->filter_text != NULL ? xstrdup(q->filter_text) : NULL;
	if (ui_queue_filter(q, expr, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else if (q->filter_text != NULL) {
		ui_message(ui, 0, "Filter %s: %lld%s of %lld in %s. \\ then an "
		    "empty line clears it.", q->filter_text,
		    (long long)ui->bar_filtered, ui->bar_filtered >=
		    UI_FILTER_COUNT ? "+" : "", (long long)all, view);
	} else if (was != NULL)
		ui_message(ui, 0, "Filter %s cleared: %s shows all %lld.", was,
		    view, (long long)all);
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

/* Say how many rows are marked, and what to do with them. */
static void
ui_queue_say_marks(struct ui_queue *q)
{
	size_t	n;

	ui_list_marks(&q->list, &n);
	if (n == 0 && !q->list.visual)
		ui_message(q->ui, 0, "No row is marked.");
	else
		ui_message(q->ui, 0, "%zu marked%s: d, s, f, K or # acts on all "
		    "of them; Esc takes the marks off.", n, q->list.visual ?
		    " (marking the rows you move over; V stops)" : "");
}

/* Mark the selected row, start or stop marking a range, or unmark all. */
static void
ui_queue_mark(struct ui_queue *q, int action)
{
	size_t	n;

	if (q->items.n == 0) {
		ui_message(q->ui, 0, "Nothing to mark.");
		return;
	}
	switch (action) {
	case ACT_MARK:
		ui_list_toggle(&q->list);
		ui_queue_step(q, 1);
		break;
	case ACT_MARK_RANGE:
		ui_list_visual(&q->list, !q->list.visual);
		break;
	case ACT_UNMARK:
		ui_list_marks(&q->list, &n);
		ui_list_unmark_all(&q->list);
		if (n != 0)
			ui_message(q->ui, 0, "Marks taken off %zu row%s.", n,
			    n == 1 ? "" : "s");
		else
			ui_message(q->ui, 0, "No row is marked.");
		return;
	}
	ui_queue_say_marks(q);
}

/*
 * Run an action on the selected conversation, or on every marked one:
 * each up to its newest message on the page (one marked further away
 * whole).
 */
static int
ui_queue_act(struct ui_queue *q, int action, struct item *it)
{
	struct ui_target	*t;
	const int64_t		*marks;
	size_t			 n, i;
	ssize_t			 row;
	int			 rc;

	marks = ui_list_marks(&q->list, &n);
	if (n == 0)
		return ui_action_item(q->ui, action, it);
	t = xreallocarray(NULL, n, sizeof *t);
	for (i = 0; i < n; i++) {
		t[i].id = marks[i];
		row = ui_queue_row_of(q, marks[i]);
		t[i].upto = row >= 0 && q->convs.n == q->items.n ?
		    q->convs.v[row].newest : 0;
	}
	rc = ui_action_marked(q->ui, action, it, t, n);
	free(t);
	return rc;
}

/* Take every mark off (the op: a change was made to the marked rows). */
static void
ui_queue_unmark_op(struct ui *ui, void *data)
{
	struct ui_queue	*q = data;

	(void)ui;
	ui_list_unmark_all(&q->list);
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
		ui_queue_set_view(q, ui_queue_next_view(q, action ==
		    ACT_NEXT_VIEW));
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
	case ACT_MARK:
	case ACT_MARK_RANGE:
	case ACT_UNMARK:
		ui_queue_mark(q, action);
		break;
	default:
		/* An action on a conversation leaves what came after. */
		c = ui_queue_conv(q);
		ui->act_upto = c != NULL ? c->newest : 0;
		if (ui_queue_act(q, action, it) != 0)
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
			ui_queue_set_view(q, v);
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
	.unmark = ui_queue_unmark_op,
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
