/*
 * ui-list.c -- the list every list-shaped screen draws its rows with: the
 * selected row, the first line shown, moving by a row, a page, to either
 * end or to a row, keeping the selection on the screen when the window
 * changes size, and marks on rows. A row may take several lines (an entry
 * of the outbox, a comment of a thread), and lines may come before the
 * first row (a thread's post). The list holds no row itself: the screen
 * keeps its data and draws each line shown through a callback, as tmux's
 * mode-tree.c does.
 *
 * A list in UI_LIST_SCROLL has no selection (the help): moving scrolls.
 * In UI_LIST_SNAP the first line shown is always the first line of a row
 * (the outbox shows its entries whole). Marks are kept by the key of a
 * row, which the screen gives (an item's id), so that they stay with
 * their rows when the rows are read again in another order.
 */
#include <stdlib.h>
#include <string.h>

#include "ui-private.h"
#include "util.h"

static void	ui_list_visual_update(struct ui_list *, long);

/* Set up an empty list that draws its lines with draw(ui, arg, line). */
void
ui_list_init(struct ui_list *l, int flags, ui_list_draw_cb draw,
    ui_list_key_cb key, void *arg)
{
	memset(l, 0, sizeof *l);
	l->flags = flags;
	l->height = 1;
	l->draw = draw;
	l->key = key;
	l->arg = arg;
}

/* Free what a list holds (not the list itself). */
void
ui_list_free(struct ui_list *l)
{
	free(l->start);
	free(l->marks);
	free(l->vkeys);
	l->start = NULL;
	l->marks = l->vkeys = NULL;
	l->n = l->nmarks = l->nvkeys = 0;
}

/* The first line of row i (i may be n: the line after the last). */
static size_t
ui_list_start(const struct ui_list *l, size_t i)
{
	if (l->start == NULL)
		return l->head + i;
	return l->start[i];
}

/* Lines in the list, those above the first row included. */
size_t
ui_list_lines(const struct ui_list *l)
{
	return ui_list_start(l, l->n);
}

/* The row that holds a line (the last row for a line past the end). */
static size_t
ui_list_row_of(const struct ui_list *l, size_t line)
{
	size_t	lo = 0, hi = l->n, mid;

	if (l->n == 0 || line < ui_list_start(l, 0))
		return 0;
	/* The last row whose first line is at or before the line. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (ui_list_start(l, mid) <= line)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The highest first line shown that still fills the screen. */
static size_t
ui_list_max_top(const struct ui_list *l)
{
	size_t	lines = ui_list_lines(l), r;

	if (lines <= l->height)
		return 0;
	if (!(l->flags & UI_LIST_SNAP) || l->n == 0)
		return lines - l->height;
	/* The first row that starts late enough for the rest to fit. */
	r = ui_list_row_of(l, lines - l->height);
	if (ui_list_start(l, r) < lines - l->height && r + 1 < l->n)
		r++;
	return ui_list_start(l, r);
}

/*
 * Scroll so that the selected row shows: whole when it fits, else from
 * its first line; never past the point where the last line is at the
 * bottom of the screen.
 */
static void
ui_list_show(struct ui_list *l)
{
	size_t	first, end, max = ui_list_max_top(l), r;

	if ((l->flags & UI_LIST_SCROLL) || l->n == 0) {
		if (l->top > max)
			l->top = max;
		return;
	}
	first = ui_list_start(l, l->sel);
	end = ui_list_start(l, l->sel + 1);
	if (l->flags & UI_LIST_SNAP) {
		/* The first line shown is a row's (or one above them all). */
		if (first < l->top)
			l->top = first;
		if (l->top >= ui_list_start(l, 0))
			l->top = ui_list_start(l, ui_list_row_of(l, l->top));
		while (end - l->top > l->height && l->top < first) {
			r = ui_list_row_of(l, l->top);
			l->top = l->top < ui_list_start(l, 0) ?
			    ui_list_start(l, 0) : ui_list_start(l, r + 1);
		}
	} else {
		if (end > l->top + l->height)
			l->top = end - l->height;
		if (first < l->top || end - first > l->height)
			l->top = first;
	}
	if (l->top > max)
		l->top = max;
}

/*
 * Take a new set of rows: n of them, each heights[i] lines high (one
 * each when heights is NULL), after head lines that belong to no row.
 * The selection stays on the same index when there is one, else on the
 * last row.
 */
void
ui_list_set_rows(struct ui_list *l, size_t n, size_t head,
    const size_t *heights)
{
	size_t	i;

	free(l->start);
	l->start = NULL;
	l->n = n;
	l->head = head;
	if (heights != NULL) {
		l->start = xreallocarray(NULL, n + 1, sizeof *l->start);
		l->start[0] = head;
		for (i = 0; i < n; i++)
			l->start[i + 1] = l->start[i] + heights[i];
	}
	if (l->sel >= n)
		l->sel = n != 0 ? n - 1 : 0;
	ui_list_show(l);
}

/* Show the lines from line on, as far as the selection lets. */
void
ui_list_set_top(struct ui_list *l, size_t line)
{
	l->top = line;
	ui_list_show(l);
}

/* The screen has room for height lines now; keep the selection in view. */
void
ui_list_resize(struct ui_list *l, size_t height)
{
	l->height = height != 0 ? height : 1;
	ui_list_show(l);
}

/*
 * Move the selection by rows (down when positive). Return how many rows
 * of the move did not fit before the first or after the last row (with
 * the sign of the move), 0 when it all did: a screen that holds only a
 * window of its rows reads more then. Moving up into the first row shows
 * the lines above it. Without a selection, scroll by lines instead.
 */
long
ui_list_move(struct ui_list *l, long by)
{
	size_t	from, to, max;
	long	done;

	if (l->flags & UI_LIST_SCROLL) {
		max = ui_list_max_top(l);
		from = l->top;
		if (by < 0)
			l->top = (size_t)-by > from ? 0 : from - (size_t)-by;
		else
			l->top = max - from < (size_t)by ? max : from + (size_t)by;
		done = (long)l->top - (long)from;
		return by - done;
	}
	if (l->n == 0)
		return by;
	from = l->sel;
	if (by < 0)
		to = (size_t)-by > from ? 0 : from - (size_t)-by;
	else
		to = l->n - 1 - from < (size_t)by ? l->n - 1 : from + (size_t)by;
	done = (long)to - (long)from;
	l->sel = to;
	if (by < 0 && done != by)
		l->top = 0;
	ui_list_show(l);
	ui_list_visual_update(l, by);
	return by - done;
}

/* The row for a page move: the first to start at or after the line. */
static size_t
ui_list_page_row(const struct ui_list *l, size_t line)
{
	size_t	r = ui_list_row_of(l, line);

	if (ui_list_start(l, r) < line && r + 1 < l->n &&
	    ui_list_start(l, r + 1) < l->top + l->height)
		r++;
	return r;
}

/*
 * Move a screenful down or up: the lines shown scroll by the height of
 * the screen and the selection keeps its place on it. When there is
 * nothing more to scroll to, the selection goes to the last (or first)
 * row.
 */
void
ui_list_page(struct ui_list *l, int down)
{
	size_t	max = ui_list_max_top(l), off, from = l->sel;

	if (l->flags & UI_LIST_SCROLL) {
		ui_list_move(l, down ? (long)l->height : -(long)l->height);
		return;
	}
	if (l->n == 0)
		return;
	off = ui_list_start(l, l->sel) > l->top ?
	    ui_list_start(l, l->sel) - l->top : 0;
	if (down && l->top >= max)
		l->sel = l->n - 1;
	else if (!down && l->top == 0)
		l->sel = 0;
	else {
		if (down)
			l->top = max - l->top < l->height ? max :
			    l->top + l->height;
		else
			l->top = l->top > l->height ? l->top - l->height : 0;
		l->sel = ui_list_page_row(l, l->top + off);
	}
	ui_list_show(l);
	ui_list_visual_update(l, (long)l->sel - (long)from);
}

/* Go to the first row (and the lines above it) or to the last. */
void
ui_list_end(struct ui_list *l, int last)
{
	size_t	from = l->sel;

	l->top = last ? ui_list_max_top(l) : 0;
	if (l->n != 0 && !(l->flags & UI_LIST_SCROLL))
		l->sel = last ? l->n - 1 : 0;
	ui_list_show(l);
	ui_list_visual_update(l, (long)l->sel - (long)from);
}

/* Select a row (the last one if there are fewer), and show it. */
void
ui_list_jump(struct ui_list *l, size_t row)
{
	size_t	from = l->sel;

	if (l->n == 0)
		return;
	l->sel = row < l->n ? row : l->n - 1;
	ui_list_show(l);
	ui_list_visual_update(l, (long)l->sel - (long)from);
}

/*
 * Draw the lines on the screen from line y down, each through the
 * screen's callback, which is told its row and whether that row is
 * selected or marked.
 */
void
ui_list_draw(struct ui *ui, const struct ui_list *l, int y)
{
	struct ui_list_line	ln;
	size_t			i, lines = ui_list_lines(l), row;

	row = ui_list_row_of(l, l->top);
	for (i = 0; i < l->height && l->top + i < lines; i++) {
		memset(&ln, 0, sizeof ln);
		ln.line = l->top + i;
		ln.y = y + (int)i;
		while (row + 1 < l->n && ui_list_start(l, row + 1) <= ln.line)
			row++;
		if (l->n == 0 || ln.line < ui_list_start(l, 0))
			ln.row = UI_LIST_HEAD;
		else {
			ln.row = row;
			ln.part = ln.line - ui_list_start(l, row);
			ln.selected = !(l->flags & UI_LIST_SCROLL) &&
			    row == l->sel;
			ln.marked = ui_list_marked(l, row);
		}
		l->draw(ui, l->arg, &ln);
	}
}

/* The key of a row: the screen's, or the row's index. */
static int64_t
ui_list_key(const struct ui_list *l, size_t row)
{
	return l->key != NULL ? l->key(l->arg, row) : (int64_t)row;
}

/* Find a key in a sorted set; 1 if there, with its place in *at. */
static int
ui_list_find(const int64_t *v, size_t n, int64_t k, size_t *at)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return lo < n && v[lo] == k;
}

/* Put a key in a sorted set or take it out; 1 if that changed it. */
static int
ui_list_set_key(int64_t **v, size_t *n, size_t *cap, int64_t k, int on)
{
	size_t	at;
	int	there = ui_list_find(*v, *n, k, &at);

	if (there == on)
		return 0;
	if (!on) {
		memmove(*v + at, *v + at + 1, (*n - at - 1) * sizeof **v);
		(*n)--;
		return 1;
	}
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	memmove(*v + at + 1, *v + at, (*n - at) * sizeof **v);
	(*v)[at] = k;
	(*n)++;
	return 1;
}

/* Return 1 if a row is marked. */
int
ui_list_marked(const struct ui_list *l, size_t row)
{
	size_t	at;

	if (row >= l->n)
		return 0;
	return ui_list_find(l->marks, l->nmarks, ui_list_key(l, row), &at);
}

/* Mark a row (on) or take its mark off. */
void
ui_list_mark(struct ui_list *l, size_t row, int on)
{
	if (row < l->n)
		ui_list_set_key(&l->marks, &l->nmarks, &l->capmarks,
		    ui_list_key(l, row), on);
}

/* Mark the selected row, or take the mark off if it has one. */
void
ui_list_toggle(struct ui_list *l)
{
	if (l->n != 0 && !(l->flags & UI_LIST_SCROLL))
		ui_list_mark(l, l->sel, !ui_list_marked(l, l->sel));
}

/* Take every mark off (and end a range being marked). */
void
ui_list_unmark_all(struct ui_list *l)
{
	l->nmarks = 0;
	l->nvkeys = 0;
	l->visual = 0;
}

/* The keys of the marked rows, lowest first, and how many (lent). */
const int64_t *
ui_list_marks(const struct ui_list *l, size_t *n)
{
	*n = l->nmarks;
	return l->marks;
}

/*
 * Start marking a range at the selected row (on), or stop: from the
 * start every move marks the rows between the row it started on and the
 * selection, and takes its marks off the rows it leaves behind when it
 * comes back. Rows marked before stay marked; what the range marked
 * stays marked when it stops.
 */
void
ui_list_visual(struct ui_list *l, int on)
{
	l->nvkeys = 0;
	l->visual = on && l->n != 0 && !(l->flags & UI_LIST_SCROLL);
	if (!l->visual)
		return;
	l->anchor = ui_list_key(l, l->sel);
	l->anchor_side = 0;
	ui_list_visual_update(l, 0);
}

/*
 * Mark the range after a move of by rows: from the row the range started
 * on to the selection. A screen that holds a window of its rows may have
 * let that row go; then the range reaches to the edge of the window on
 * the side it was last seen (or the side the move came from).
 */
static void
ui_list_visual_update(struct ui_list *l, long by)
{
	size_t	i, a, b, at;
	int64_t	k;
	int	in, found = 0;

	if (!l->visual || l->n == 0)
		return;
	for (i = 0; i < l->n && !found; i++)
		found = ui_list_key(l, i) == l->anchor;
	if (found) {
		i--;
		l->anchor_side = i < l->sel ? -1 : i > l->sel ? 1 : 0;
	} else if (l->anchor_side == 0)
		l->anchor_side = by > 0 ? -1 : 1;
	a = found ? i : l->anchor_side < 0 ? 0 : l->n - 1;
	b = l->sel;
	if (a > b) {
		i = a;
		a = b;
		b = i;
	}
	for (i = 0; i < l->n; i++) {
		k = ui_list_key(l, i);
		in = i >= a && i <= b;
		if (in && ui_list_set_key(&l->marks, &l->nmarks, &l->capmarks,
		    k, 1))
			ui_list_set_key(&l->vkeys, &l->nvkeys, &l->capvkeys, k, 1);
		else if (!in && ui_list_find(l->vkeys, l->nvkeys, k, &at)) {
			ui_list_set_key(&l->marks, &l->nmarks, &l->capmarks, k, 0);
			ui_list_set_key(&l->vkeys, &l->nvkeys, &l->capvkeys, k, 0);
		}
	}
}
