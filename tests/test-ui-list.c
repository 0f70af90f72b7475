/*
 * test-ui-list.c -- the list of rows of the screens (ui-list.c): moving
 * by a row, a page, to either end and to a row, in lists of one line a
 * row, of rows of several lines under a few lines of their own (a
 * thread), of rows shown whole (the outbox), and without a selection
 * (the help); keeping the selection in view when the window changes;
 * the lines drawn; marks and a marked range. No terminal is needed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-private.h"
#include "util.h"

/*
 * A case: a list of n rows of the heights given ("2 5 2"; NULL for one
 * line each) under head lines, height lines on the screen; then a script
 * of moves, each a word: +N or -N a move of N rows, pd and pu a page,
 * home and end, jN a jump to row N, hN a new height. The selection and
 * the first line shown at the end are checked, and what the last move
 * could not do.
 */
struct list_case {
	const char	*name;
	int		 flags;
	size_t		 n;
	size_t		 head;
	const char	*heights;
	size_t		 height;
	const char	*script;
	size_t		 sel;
	size_t		 top;
	long		 left;
};

static const struct list_case list_cases[] = {
	/* Ten rows of a line, four on the screen. */
	{ "a move down selects the next row", 0, 10, 0, NULL, 4, "+1",
	    1, 0, 0 },
	{ "a move past the bottom of the screen scrolls just enough", 0, 10,
	    0, NULL, 4, "+5", 5, 2, 0 },
	{ "a move past the last row stops there and says how far it fell "
	    "short", 0, 10, 0, NULL, 4, "+20", 9, 6, 11 },
	{ "a move up at the first row stays and says so", 0, 10, 0, NULL, 4,
	    "-1", 0, 0, -1 },
	{ "a move up within the screen does not scroll", 0, 10, 0, NULL, 4,
	    "+9 -1", 8, 6, 0 },
	{ "a move above the screen scrolls to the row", 0, 10, 0, NULL, 4,
	    "+9 -6", 3, 3, 0 },
	{ "a page down shows the next screenful and keeps the selection's "
	    "place", 0, 10, 0, NULL, 4, "+2 pd", 6, 4, 0 },
	{ "a page down near the end stops with the last row at the bottom",
	    0, 10, 0, NULL, 4, "+2 pd pd", 8, 6, 0 },
	{ "a page down with nothing more to show selects the last row", 0,
	    10, 0, NULL, 4, "+2 pd pd pd", 9, 6, 0 },
	{ "a page up keeps the selection's place", 0, 10, 0, NULL, 4,
	    "end pu", 5, 2, 0 },
	{ "a page up stops at the first screenful", 0, 10, 0, NULL, 4,
	    "end pu pu", 3, 0, 0 },
	{ "a page up at the first screenful selects the first row", 0, 10,
	    0, NULL, 4, "end pu pu pu", 0, 0, 0 },
	{ "end selects the last row at the bottom of the screen", 0, 10, 0,
	    NULL, 4, "end", 9, 6, 0 },
	{ "home selects the first row at the top", 0, 10, 0, NULL, 4,
	    "end home", 0, 0, 0 },
	{ "a jump selects the row and scrolls to it", 0, 10, 0, NULL, 4,
	    "j7", 7, 4, 0 },
	{ "a jump past the end selects the last row", 0, 10, 0, NULL, 4,
	    "j70", 9, 6, 0 },
	{ "a taller window fills from the bottom up", 0, 10, 0, NULL, 4,
	    "end h8", 9, 2, 0 },
	{ "a shorter window keeps the selection on it", 0, 10, 0, NULL, 4,
	    "+3 h2", 3, 2, 0 },
	{ "an empty list does not move and says so", 0, 0, 0, NULL, 4,
	    "+1 pd end", 0, 0, 1 },
	{ "a page down in a list shorter than the screen selects the last "
	    "row", 0, 3, 0, NULL, 4, "pd", 2, 0, 0 },
	{ "a page up in a list shorter than the screen selects the first "
	    "row", 0, 3, 0, NULL, 4, "end pu", 0, 0, 0 },

	/* A thread: a post of three lines, then rows of several lines. */
	{ "rows of several lines: the lines above the first row show first",
	    0, 5, 3, "2 5 2 6 1", 6, "", 0, 0, 0 },
	{ "rows of several lines: a move scrolls until the row shows whole",
	    0, 5, 3, "2 5 2 6 1", 6, "+1", 1, 4, 0 },
	{ "rows of several lines: back to the first row shows only it", 0,
	    5, 3, "2 5 2 6 1", 6, "+1 -1", 0, 3, 0 },
	{ "rows of several lines: up at the first row shows the lines above",
	    0, 5, 3, "2 5 2 6 1", 6, "+1 -1 -1", 0, 0, -1 },
	{ "rows of several lines: a row as tall as the screen fills it", 0,
	    5, 3, "2 5 2 6 1", 6, "+3", 3, 12, 0 },
	{ "rows of several lines: a row taller than the screen shows from its "
	    "start", 0, 5, 3, "2 5 2 6 1", 4, "+3", 3, 12, 0 },
	{ "rows of several lines: end shows the last line at the bottom", 0,
	    5, 3, "2 5 2 6 1", 6, "end", 4, 13, 0 },
	{ "rows of several lines: a page down selects the first row to start "
	    "where the selection was", 0, 5, 3, "2 5 2 6 1", 6, "pd", 2, 6,
	    0 },
	{ "rows of several lines: home shows the lines above the first row",
	    0, 5, 3, "2 5 2 6 1", 6, "end home", 0, 0, 0 },

	/* The outbox: entries shown whole, from the first line of one. */
	{ "rows shown whole: a move within the screen does not scroll",
	    UI_LIST_SNAP, 5, 0, "3 3 4 2 3", 7, "+1", 1, 0, 0 },
	{ "rows shown whole: a move scrolls by whole rows", UI_LIST_SNAP, 5,
	    0, "3 3 4 2 3", 7, "+2", 2, 3, 0 },
	{ "rows shown whole: as few rows scroll away as the selection needs",
	    UI_LIST_SNAP, 5, 0, "3 3 4 2 3", 7, "+3", 3, 6, 0 },
	{ "rows shown whole: the last row", UI_LIST_SNAP, 5, 0, "3 3 4 2 3",
	    7, "+4", 4, 10, 0 },
	{ "rows shown whole: a move above the screen starts it at the row",
	    UI_LIST_SNAP, 5, 0, "3 3 4 2 3", 7, "+4 -2 -1", 1, 3, 0 },
	{ "rows shown whole: a page down starts the screen at a row",
	    UI_LIST_SNAP, 5, 0, "3 3 4 2 3", 7, "pd", 3, 6, 0 },

	/* The help: lines without a selection; moving scrolls. */
	{ "no selection: a move scrolls a line", UI_LIST_SCROLL, 20, 0,
	    NULL, 5, "+1", 0, 1, 0 },
	{ "no selection: scrolling stops with the last line at the bottom",
	    UI_LIST_SCROLL, 20, 0, NULL, 5, "+30", 0, 15, 15 },
	{ "no selection: scrolling up stops at the first line",
	    UI_LIST_SCROLL, 20, 0, NULL, 5, "-3", 0, 0, -3 },
	{ "no selection: pages scroll a screenful", UI_LIST_SCROLL, 20, 0,
	    NULL, 5, "pd pd", 0, 10, 0 },
	{ "no selection: end and home", UI_LIST_SCROLL, 20, 0, NULL, 5,
	    "end", 0, 15, 0 },
	{ "no selection: a taller window shows more of the end",
	    UI_LIST_SCROLL, 20, 0, NULL, 5, "end h10", 0, 10, 0 },
};

/* Parse "2 5 2" into heights; NULL for NULL. */
static size_t *
heights_of(const char *s, size_t n)
{
	size_t	*h, i;
	char	*end;

	if (s == NULL)
		return NULL;
	h = xcalloc(n, sizeof *h);
	for (i = 0; i < n; i++) {
		h[i] = strtoul(s, &end, 10);
		assert_true(end != s);
		s = end;
	}
	return h;
}

/* A draw callback that draws nothing (the movement cases draw none). */
static void
draw_nothing(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	(void)ui;
	(void)arg;
	(void)ln;
}

/* Run a script on a list; what the last move could not do. */
static long
run_script(struct ui_list *l, const char *script)
{
	char	*copy = xstrdup(script), *w, *next;
	long	 left = 0;

	for (w = copy; *w != '\0'; w = next) {
		next = w + strcspn(w, " ");
		if (*next == ' ')
			*next++ = '\0';
		if (*w == '+' || *w == '-')
			left = ui_list_move(l, strtol(w, NULL, 10));
		else if (strcmp(w, "pd") == 0 || strcmp(w, "pu") == 0)
			ui_list_page(l, w[1] == 'd');
		else if (strcmp(w, "home") == 0 || strcmp(w, "end") == 0)
			ui_list_end(l, *w == 'e');
		else if (*w == 'j')
			ui_list_jump(l, strtoul(w + 1, NULL, 10));
		else if (*w == 'h')
			ui_list_resize(l, strtoul(w + 1, NULL, 10));
		else
			fail_msg("unknown word \"%s\" in the script", w);
	}
	free(copy);
	return left;
}

static void
test_list_moves(void **state)
{
	const struct list_case	*c;
	struct ui_list		 l;
	size_t			 i, *h;
	long			 left;

	(void)state;
	for (i = 0; i < nitems(list_cases); i++) {
		c = &list_cases[i];
		ui_list_init(&l, c->flags, draw_nothing, NULL, NULL);
		ui_list_resize(&l, c->height);
		h = heights_of(c->heights, c->n);
		ui_list_set_rows(&l, c->n, c->head, h);
		free(h);
		left = run_script(&l, c->script);
		if (l.sel != c->sel || l.top != c->top || left != c->left)
			fail_msg("%s (%s): selected %zu, top %zu, short by %ld; "
			    "want %zu, %zu, %ld", c->name, c->script, l.sel, l.top,
			    left, c->sel, c->top, c->left);
		ui_list_free(&l);
	}
}

/* Rows that come and go keep the selection on a row that exists. */
static void
test_list_fewer_rows_keep_the_selection_on_the_last(void **state)
{
	struct ui_list	l;

	(void)state;
	ui_list_init(&l, 0, draw_nothing, NULL, NULL);
	ui_list_resize(&l, 4);
	ui_list_set_rows(&l, 10, 0, NULL);
	ui_list_end(&l, 1);
	ui_list_set_rows(&l, 3, 0, NULL);
	assert_int_equal(l.sel, 2);
	assert_int_equal(l.top, 0);
	ui_list_set_rows(&l, 0, 0, NULL);
	assert_int_equal(l.sel, 0);
	ui_list_free(&l);
}

/* A draw callback that writes each line into a buf. */
static void
draw_log(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct buf	*b = arg;

	(void)ui;
	if (ln->row == UI_LIST_HEAD)
		buf_printf(b, "%d:head%zu;", ln->y, ln->line);
	else
		buf_printf(b, "%d:%zu.%zu%s%s;", ln->y, ln->row, ln->part,
		    ln->selected ? "*" : "", ln->marked ? "m" : "");
}

/* The lines on the screen: each with its row, its part, and its marks. */
static void
test_list_draws_the_lines_on_the_screen(void **state)
{
	struct ui_list	 l;
	struct buf	 b;
	const size_t	 h[] = { 2, 3, 1 };

	(void)state;
	buf_init(&b, 0);
	ui_list_init(&l, 0, draw_log, NULL, &b);
	ui_list_resize(&l, 4);
	ui_list_set_rows(&l, 3, 1, h);
	ui_list_mark(&l, 1, 1);
	ui_list_draw(NULL, &l, 2);
	assert_string_equal(b.data, "2:head0;3:0.0*;4:0.1*;5:1.0m;");
	buf_reset(&b);
	ui_list_move(&l, 2);
	ui_list_draw(NULL, &l, 2);
	assert_string_equal(b.data, "2:1.0m;3:1.1m;4:1.2m;5:2.0*;");
	buf_free(&b);
	ui_list_free(&l);
}

/* A list without a selection draws no line as selected. */
static void
test_list_without_selection_selects_no_line(void **state)
{
	struct ui_list	 l;
	struct buf	 b;

	(void)state;
	buf_init(&b, 0);
	ui_list_init(&l, UI_LIST_SCROLL, draw_log, NULL, &b);
	ui_list_resize(&l, 2);
	ui_list_set_rows(&l, 5, 0, NULL);
	ui_list_move(&l, 1);
	ui_list_draw(NULL, &l, 0);
	assert_string_equal(b.data, "0:1.0;1:2.0;");
	buf_free(&b);
	ui_list_free(&l);
}

/* Keys of the rows of a fake screen: ids in the order shown. */
struct ids {
	int64_t	v[16];
};

static int64_t
key_of(void *arg, size_t row)
{
	return ((struct ids *)arg)->v[row];
}

/* Marks follow their rows' keys when the rows come back in another order. */
static void
test_list_marks_stay_with_their_rows(void **state)
{
	struct ui_list	 l;
	struct ids	 ids = { { 10, 20, 30, 40 } };
	const int64_t	*m;
	size_t		 n;

	(void)state;
	ui_list_init(&l, 0, draw_nothing, key_of, &ids);
	ui_list_resize(&l, 10);
	ui_list_set_rows(&l, 4, 0, NULL);
	ui_list_move(&l, 1);
	ui_list_toggle(&l);
	ui_list_mark(&l, 3, 1);
	assert_true(ui_list_marked(&l, 1));
	assert_false(ui_list_marked(&l, 0));
	m = ui_list_marks(&l, &n);
	assert_int_equal(n, 2);
	assert_int_equal(m[0], 20);
	assert_int_equal(m[1], 40);
	/* The same items read again, newest first. */
	ids.v[0] = 40;
	ids.v[1] = 30;
	ids.v[2] = 20;
	ids.v[3] = 10;
	assert_true(ui_list_marked(&l, 0));
	assert_true(ui_list_marked(&l, 2));
	assert_false(ui_list_marked(&l, 1));
	ui_list_toggle(&l);
	assert_true(ui_list_marked(&l, 1));
	ui_list_jump(&l, 2);
	ui_list_toggle(&l);
	assert_false(ui_list_marked(&l, 2));
	ui_list_unmark_all(&l);
	m = ui_list_marks(&l, &n);
	assert_int_equal(n, 0);
	ui_list_free(&l);
}

/* The marks of rows 0 to 5 as a string such as "..mm..". */
static void
marks_are(const struct ui_list *l, const char *want)
{
	char	got[17];
	size_t	i;

	for (i = 0; i < l->n && i < 16; i++)
		got[i] = ui_list_marked(l, i) ? 'm' : '.';
	got[i] = '\0';
	assert_string_equal(got, want);
}

/* A range marks what lies between its start and the selection. */
static void
test_list_visual_range_grows_and_shrinks(void **state)
{
	struct ui_list	l;

	(void)state;
	ui_list_init(&l, 0, draw_nothing, NULL, NULL);
	ui_list_resize(&l, 10);
	ui_list_set_rows(&l, 10, 0, NULL);
	ui_list_mark(&l, 8, 1);
	ui_list_jump(&l, 2);
	ui_list_visual(&l, 1);
	marks_are(&l, "..m.....m.");
	ui_list_move(&l, 3);
	marks_are(&l, "..mmmm..m.");
	ui_list_move(&l, -2);
	marks_are(&l, "..mm....m.");
	ui_list_move(&l, -2);
	marks_are(&l, ".mm.....m.");
	ui_list_end(&l, 1);
	marks_are(&l, "..mmmmmmmm");
	/* Row 8 was marked before the range: it stays when the range goes. */
	ui_list_move(&l, -6);
	marks_are(&l, "..mm....m.");
	ui_list_visual(&l, 0);
	ui_list_move(&l, 4);
	marks_are(&l, "..mm....m.");
	ui_list_free(&l);
}

/*
 * A screen that holds a window of its rows (the queue reads a page at a
 * time): when the row the range started on leaves the window, the range
 * reaches to the edge of the window on its side.
 */
static void
test_list_visual_range_past_the_window(void **state)
{
	struct ui_list	l;
	struct ids	ids;
	size_t		i;

	(void)state;
	for (i = 0; i < 4; i++)
		ids.v[i] = (int64_t)(100 + i);
	ui_list_init(&l, 0, draw_nothing, key_of, &ids);
	ui_list_resize(&l, 4);
	ui_list_set_rows(&l, 4, 0, NULL);
	ui_list_jump(&l, 1);
	ui_list_visual(&l, 1);
	ui_list_move(&l, 2);
	marks_are(&l, ".mmm");
	/* The next page: ids 104 to 107, the selection on its first row. */
	for (i = 0; i < 4; i++)
		ids.v[i] = (int64_t)(104 + i);
	ui_list_set_rows(&l, 4, 0, NULL);
	ui_list_jump(&l, 0);
	ui_list_move(&l, 2);
	marks_are(&l, "mmm.");
	/* Back to the first page: its marks are still there. */
	for (i = 0; i < 4; i++)
		ids.v[i] = (int64_t)(100 + i);
	assert_true(ui_list_marked(&l, 3));
	assert_true(ui_list_marked(&l, 1));
	assert_false(ui_list_marked(&l, 0));
	ui_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_moves),
		cmocka_unit_test(
		    test_list_fewer_rows_keep_the_selection_on_the_last),
		cmocka_unit_test(test_list_draws_the_lines_on_the_screen),
		cmocka_unit_test(test_list_without_selection_selects_no_line),
		cmocka_unit_test(test_list_marks_stay_with_their_rows),
		cmocka_unit_test(test_list_visual_range_grows_and_shrinks),
		cmocka_unit_test(test_list_visual_range_past_the_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
