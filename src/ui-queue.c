/*
 * ui-queue.c -- the queue screen: one screenful of a view, read from the
 * store a page at a time, never the whole queue.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "filter.h"
#include "log.h"
#include "platform.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

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
	return v == VIEW_INBOX || v == VIEW_FLAGGED || v == VIEW_SNOOZED;
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
ui_queue_load(struct ui *ui, const struct store_key *key, int dir)
{
	struct item_list	 l;
	char			*cause = NULL;

	memset(&l, 0, sizeof l);
	if (ui->search != NULL) {
		if (store_search(ui->ctx.store, ui->search, 500, &l,
		    &cause) != 0)
			goto fail;
	} else if (store_queue_page(ui->ctx.store, ui->view, &ui->filter, key,
	    dir, ui_queue_rows(ui), &l, &cause) != 0)
		goto fail;
	item_list_free(&ui->q);
	ui->q = l;
	free(ui->q_error);
	ui->q_error = NULL;
	return 0;
fail:
	if (ui->q_error == NULL || strcmp(ui->q_error, cause) != 0)
		log_error("%s", cause);
	free(ui->q_error);
	ui->q_error = cause;
	item_list_free(&l);
	item_list_free(&ui->q);
	ui->qsel = 0;
	ui->dirty = 1;
	return -1;
}

/* Put the selection back on sel_id if it is on the page. */
static void
ui_queue_reselect(struct ui *ui, size_t fallback)
{
	size_t	i;

	for (i = 0; i < ui->q.n; i++) {
		if (ui->q.v[i].id == ui->sel_id) {
			ui->qsel = i;
			return;
		}
	}
	ui->qsel = fallback < ui->q.n ? fallback : (ui->q.n ? ui->q.n - 1 : 0);
	ui->sel_id = ui->q.n ? ui->q.v[ui->qsel].id : 0;
}

/* Remember the first row as the top of the screen. */
static void
ui_queue_set_top(struct ui *ui)
{
	if (ui->q.n == 0 || ui->search != NULL) {
		ui->have_top = 0;
		return;
	}
	store_key_of(ui->view, &ui->q.v[0], &ui->top);
	ui->have_top = 1;
}

/*
 * Reload the screenful from the same top row, keeping the selection on the
 * same item when it is still there (new items never move it), else on the
 * same line.
 */
void
ui_queue_reload(struct ui *ui)
{
	struct store_key	k;
	size_t			old = ui->qsel;

	if (ui->search != NULL || !ui->have_top)
		ui_queue_load(ui, NULL, 1);
	else {
		k = ui_key_at(ui->view, &ui->top);
		ui_queue_load(ui, &k, 1);
		if (ui->q.n < ui_queue_rows(ui)) {
			/* Rows left the end: fill the screen from below. */
			ui_queue_load(ui, NULL, -1);
		}
	}
	ui_queue_set_top(ui);
	ui_queue_reselect(ui, old);
	ui->dirty = 1;
}

/*
 * Select an item, scrolling so it is on the screen: reload from the same
 * top, and if the item is above it (undo brings back a row that sorts
 * before the top), start the screen at the item.
 */
void
ui_queue_show(struct ui *ui, int64_t id)
{
	struct item		it;
	struct store_key	k;
	size_t			i;

	ui->sel_id = id;
	ui_queue_reload(ui);
	for (i = 0; i < ui->q.n; i++) {
		if (ui->q.v[i].id == id)
			return;
	}
	if (ui->search != NULL || store_item_get(ui->ctx.store, id, &it,
	    NULL) != 0)
		return;
	store_key_of(ui->view, &it, &k);
	item_clear(&it);
	k = ui_key_at(ui->view, &k);
	if (ui_queue_load(ui, &k, 1) == 0 && ui->q.n > 0 &&
	    ui->q.v[0].id == id) {
		ui->qsel = 0;
		ui->sel_id = id;
		ui_queue_set_top(ui);
	} else
		ui_queue_reload(ui);
}

/* Switch views, starting at the top. */
void
ui_queue_set_view(struct ui *ui, enum store_view v)
{
	free(ui->search);
	ui->search = NULL;
	ui->view = v;
	ui->have_top = 0;
	ui->qsel = 0;
	ui->sel_id = 0;
	ui_queue_reload(ui);
}

/* Replace the view by the results of a search (NULL ends it). */
void
ui_queue_search(struct ui *ui, const char *words)
{
	free(ui->search);
	ui->search = words != NULL && *words != '\0' ? xstrdup(words) : NULL;
	ui->have_top = 0;
	ui->qsel = 0;
	ui->sel_id = 0;
	ui_queue_reload(ui);
	if (ui->search != NULL && ui->q_error == NULL)
		ui_message(ui, 0, "%zu match%s for \"%s\" (newest first; q "
		    "to leave the search)", ui->q.n, ui->q.n == 1 ? "" : "es",
		    ui->search);
}

/* The selected item, or NULL on an empty page. */
struct item *
ui_queue_current(struct ui *ui)
{
	return ui->q.n == 0 ? NULL : &ui->q.v[ui->qsel];
}

/* Move the selection by one row, scrolling a row at a time at the edges. */
static void
ui_queue_step(struct ui *ui, int down)
{
	struct store_key	k;

	if (ui->q.n == 0)
		return;
	if (down && ui->qsel + 1 < ui->q.n)
		ui->qsel++;
	else if (!down && ui->qsel > 0)
		ui->qsel--;
	else if (ui->search == NULL && down && ui->q.n == ui_queue_rows(ui)) {
		/* At the bottom: start the page one row further. */
		store_key_of(ui->view, &ui->q.v[1 < ui->q.n ? 1 : 0], &k);
		k = ui_key_at(ui->view, &k);
		ui->sel_id = ui->q.v[ui->qsel].id;
		if (ui_queue_load(ui, &k, 1) == 0 &&
		    ui->q.n > 0 && ui->q.v[ui->q.n - 1].id != ui->sel_id)
			ui->qsel = ui->q.n - 1;
	} else if (ui->search == NULL && !down) {
		store_key_of(ui->view, &ui->q.v[0], &k);
		ui->sel_id = ui->q.v[0].id;
		if (ui_queue_load(ui, &k, -1) == 0 && ui->q.n > 0 &&
		    ui->q.v[0].id != ui->sel_id) {
			/* Got the rows before: show one more at the top. */
			store_key_of(ui->view, &ui->q.v[ui->q.n - 1], &k);
			k = ui_key_at(ui->view, &k);
			ui_queue_load(ui, &k, 1);
			ui->qsel = 0;
		} else
			ui_queue_reload(ui);
	}
	ui_queue_set_top(ui);
	if (ui->q.n > 0)
		ui->sel_id = ui->q.v[ui->qsel].id;
}

/* Move a screenful down or up. */
static void
ui_queue_page(struct ui *ui, int down)
{
	struct store_key	k;
	size_t			n = ui->q.n;

	if (n == 0 || ui->search != NULL) {
		ui->qsel = down ? (n ? n - 1 : 0) : 0;
	} else if (down) {
		store_key_of(ui->view, &ui->q.v[n - 1], &k);
		if (n == ui_queue_rows(ui) && ui_queue_load(ui, &k, 1) == 0 &&
		    ui->q.n == 0)
			ui_queue_load(ui, NULL, -1);
		if (n < ui_queue_rows(ui) || ui->q.n < ui_queue_rows(ui))
			ui->qsel = ui->q.n ? ui->q.n - 1 : 0;
	} else {
		store_key_of(ui->view, &ui->q.v[0], &k);
		if (ui_queue_load(ui, &k, -1) == 0 && ui->q.n == 0)
			ui_queue_load(ui, NULL, 1);
		if (ui->q.n < ui_queue_rows(ui)) {
			ui_queue_load(ui, NULL, 1);
			ui->qsel = 0;
		}
	}
	if (ui->qsel >= ui->q.n)
		ui->qsel = ui->q.n ? ui->q.n - 1 : 0;
	ui_queue_set_top(ui);
	ui->sel_id = ui->q.n ? ui->q.v[ui->qsel].id : 0;
}

/* Jump to the first or last row of the view. */
static void
ui_queue_end(struct ui *ui, int bottom)
{
	if (ui->search == NULL)
		ui_queue_load(ui, NULL, bottom ? -1 : 1);
	ui->qsel = bottom && ui->q.n ? ui->q.n - 1 : 0;
	ui_queue_set_top(ui);
	ui->sel_id = ui->q.n ? ui->q.v[ui->qsel].id : 0;
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

/* Fill the three flag columns of a row. */
static void
ui_queue_flags(const struct item *it, char flags[4])
{
	flags[0] = it->own ? '>' : it->status == STATUS_NEW ? '*' : ' ';
	flags[1] = it->flags != 0 ? '!' : it->replied ? 'r' : ' ';
	flags[2] = it->has_draft ? 'd' : it->note != NULL ? 'n' :
	    it->hidden ? 'h' : it->deleted ? 'x' : ' ';
	flags[3] = '\0';
}

/* Draw one row of the queue. */
static void
ui_queue_row(struct ui *ui, int y, const struct item *it, int selected,
    int aw)
{
	const struct platform_ops	*ops = ui_platform(ui, it);
	int64_t				 target, shown;
	char				 age[16], flags[4], *line;
	const char			*who;
	int				 base, x = 0;

	target = config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET);
	base = selected ? ui_attr(ui, PAIR_SELECTED, A_BOLD) : (int)A_NORMAL;
	attrset(base);
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
	if (ui->view == VIEW_SNOOZED && ui->search == NULL) {
		shown = it->snooze_until - ui->now;
		util_format_age(shown > 0 ? shown : 0, age, sizeof age);
		attrset(base);
	} else {
		shown = ui->now - it->created;
		util_format_age(shown > 0 ? shown : 0, age, sizeof age);
		if (!selected && !it->own && it->status != STATUS_DONE)
			attrset(ui_wait_attr(ui, shown, target));
	}
	mvprintw(y, x, "%5s", age);
	x += 6;
	ui_queue_flags(it, flags);
	attrset(base | (it->flags != 0 && !selected ?
	    ui_attr(ui, PAIR_FLAG, A_BOLD) : 0));
	mvaddstr(y, x, flags);
	x += 4;
	attrset(base);
	if (x < ui->cols) {
		line = text_first_line(it->deleted ? "(deleted on the platform)"
		    : it->text != NULL ? it->text : "", (size_t)(ui->cols - x));
		ui_draw_text(y, x, line, (size_t)(ui->cols - x));
		free(line);
	}
	attrset(A_NORMAL);
}

/* Say, in place of the rows, that the cache could not give them. */
static void
ui_queue_failed(struct ui *ui)
{
	static const char *const names[VIEW_COUNT] = {
		"inbox", "flagged view", "snoozed view", "done view",
		"all view"
	};
	const char	*name = ui->search != NULL ? "search" : names[ui->view];
	char		*what, **lines;
	size_t		 n, i;
	int		 y = 2;

	what = xprintf("The %s could not be read from the cache, so heed "
	    "cannot show it: %s.\n\nThis is not an empty %s. heed doctor "
	    "checks the cache and says what to do; heed reads it again at the "
	    "next key or sync.", name, ui->q_error, name);
	n = text_wrap(what, (size_t)ui->cols - 4, &lines);
	attrset(ui_attr(ui, PAIR_LATE, A_BOLD));
	for (i = 0; i < n && y < ui->rows - 2; i++)
		ui_draw_text(y++, 2, lines[i], (size_t)ui->cols - 4);
	attrset(A_NORMAL);
	text_lines_free(lines, n);
	free(what);
}

/* Say why the view is empty, plainly. */
static void
ui_queue_empty(struct ui *ui)
{
	const char	*what;

	if (ui->q_error != NULL) {
		ui_queue_failed(ui);
		return;
	}
	if (ui->search != NULL)
		what = "Nothing matches this search. q leaves the search.";
	else if (ui->filter_text != NULL)
		what = "Nothing in this view matches the filter. \\ then Enter "
		    "on an empty line clears it.";
	else if (ui->counts.view[VIEW_ALL] == 0 &&
	    ui->ctx.cfg->naccounts == 0)
		what = "No accounts yet: add an [account NAME] section to the "
		    "config (see heed.conf(5)), or try heed --demo.";
	else if (ui->counts.view[VIEW_ALL] == 0)
		what = "Nothing in the cache yet: the first sync fills it "
		    "(the status bar shows how it goes).";
	else if (ui->view == VIEW_INBOX)
		what = "Inbox zero: nobody is waiting for an answer.";
	else
		what = "Nothing here.";
	attrset(ui_attr(ui, PAIR_DIM, 0));
	ui_draw_text(2, 2, what, (size_t)ui->cols - 4);
	attrset(A_NORMAL);
}

/* Draw the queue screen. */
void
ui_queue_draw(struct ui *ui)
{
	size_t	i, rows = ui_queue_rows(ui);
	int	aw;

	aw = ui->cols >= 110 ? 22 : ui->cols >= 80 ? 16 : ui->cols >= 60 ?
	    12 : 8;
	if (ui->q.n == 0)
		ui_queue_empty(ui);
	for (i = 0; i < ui->q.n && i < rows; i++)
		ui_queue_row(ui, 1 + (int)i, &ui->q.v[i], i == ui->qsel, aw);
	if (ui->filter_text != NULL && ui->msg == NULL)
		ui_message(ui, 0, "filter: %s", ui->filter_text);
}

/* Open the selected item's thread. */
static void
ui_queue_open(struct ui *ui)
{
	struct item	*it = ui_queue_current(ui);

	if (it != NULL)
		ui_thread_open(ui, it->id);
}

/* Answer of the search prompt. */
static void
ui_queue_search_done(struct ui *ui, const char *words)
{
	if (words != NULL)
		ui_queue_search(ui, words);
}

/* Answer of the filter prompt. */
static void
ui_queue_filter_done(struct ui *ui, const char *expr)
{
	char	*cause = NULL;

	if (expr == NULL)
		return;
	if (ui_queue_filter(ui, expr, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}

/* Handle an action on the queue screen. */
void
ui_queue_key(struct ui *ui, int action)
{
	struct item	*it = ui_queue_current(ui);

	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_queue_step(ui, action == ACT_DOWN);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_queue_page(ui, action == ACT_PAGE_DOWN);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		ui_queue_end(ui, action == ACT_BOTTOM);
		break;
	case ACT_OPEN:
		ui_queue_open(ui);
		break;
	case ACT_QUIT:
	case ACT_BACK:
		if (ui->search != NULL)
			ui_queue_search(ui, NULL);
		else
			ui_quit(ui);
		break;
	case ACT_NEXT_VIEW:
	case ACT_PREV_VIEW:
		ui_queue_set_view(ui, (enum store_view)(((int)ui->view +
		    (action == ACT_NEXT_VIEW ? 1 : VIEW_COUNT - 1)) %
		    VIEW_COUNT));
		break;
	case ACT_SEARCH:
		ui_ask_line(ui, "Search:", ui->search, ui_queue_search_done);
		break;
	case ACT_FILTER:
		ui_ask_line(ui, "Filter:", ui->filter_text,
		    ui_queue_filter_done);
		break;
	default:
		if (ui_action_item(ui, action, it) != 0)
			ui_queue_reload(ui);
		break;
	}
}

/* Parse and apply a filter expression; "" clears the filter. */
int
ui_queue_filter(struct ui *ui, const char *expr, char **cause)
{
	struct store_filter	 f;
	char			*copy;

	if (filter_parse(ui->ctx.store, expr, &f, cause) != 0)
		return -1;
	filter_clear(&ui->filter);
	ui->filter = f;
	free(ui->filter_text);
	ui->filter_text = *util_trim(copy = xstrdup(expr)) != '\0' ?
	    xstrdup(util_trim(copy)) : NULL;
	free(copy);
	ui->have_top = 0;
	ui->qsel = 0;
	ui->sel_id = 0;
	ui_queue_reload(ui);
	return 0;
}
