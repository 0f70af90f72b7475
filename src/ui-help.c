/*
 * ui-help.c -- the help screen: a box over the screen below it with
 * every key of that screen, the commands that take a word, and what the
 * marks of its rows mean; j and k scroll, any other key closes it. The
 * box is as wide as its longest line needs and the window allows; a
 * line too long for it wraps, the rest under the start of its text.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

#define UI_HELP_MIN_TEXT	16	/* narrower, the text goes below */

/* What the help says, before it is laid out to a width. */
struct ui_help_entry {
	char		*keys;		/* an action's keys; NULL: none */
	const char	*name;		/* the action's name */
	char		*text;		/* its help, or a line of its own */
	int		 mark;		/* a mark of a row, or 0 */
};

/* The help screen's own state: its lines, scrolled by a list. */
struct ui_help {
	struct ui_list		  list;
	struct ui_help_entry	 *e;
	size_t			  ne;
	char			**lines;
	size_t			  n;
	size_t			  kw;		/* the keys' column */
	size_t			  nw;		/* the names' column */
	int			  left;		/* the box's first column */
	int			  width;	/* and its width */
};

static const struct ui_screen_ops ui_help_ops;

/* Free what the help says and its lines. */
static void
ui_help_clear(struct ui_help *h)
{
	size_t	i;

	for (i = 0; i < h->ne; i++) {
		free(h->e[i].keys);
		free(h->e[i].text);
	}
	free(h->e);
	h->e = NULL;
	h->ne = 0;
	text_lines_free(h->lines, h->n);
	h->lines = NULL;
	h->n = 0;
}

/* Add an entry; it takes keys and text. */
static void
ui_help_entry(struct ui_help *h, char *keys, const char *name, char *text,
    int mark)
{
	struct ui_help_entry	*e;

	h->e = xreallocarray(h->e, h->ne + 1, sizeof *h->e);
	e = &h->e[h->ne++];
	e->keys = keys;
	e->name = name;
	e->text = text;
	e->mark = mark;
}

/* Add a line of text of its own (a new string). */
static void
ui_help_text(struct ui_help *h, char *text)
{
	ui_help_entry(h, NULL, NULL, text, 0);
}

/* Add the commands of the screen below that take a word or more. */
static void
ui_help_commands(struct ui *ui, struct ui_help *h)
{
	const struct ui_cmd	*c = ui_screen_main(ui)->ops->cmds;
	struct buf		 arg;
	size_t			 i;

	ui_help_text(h, xstrdup(""));
	ui_help_text(h, xstrdup("Every action above is a command too: : then "
	    "its name (Tab completes it)."));
	for (; c != NULL && c->name != NULL; c++) {
		buf_init(&arg, 0);
		for (i = 0; c->words != NULL && c->words[i] != NULL; i++)
			buf_printf(&arg, "%s%s", i != 0 ? "|" : "", c->words[i]);
		if (c->words == NULL)
			buf_addstr(&arg, c->arg);
		ui_help_text(h, xprintf(":%s %s: %s", c->name, arg.data,
		    c->help));
		buf_free(&arg);
	}
}

/* Add what the marks of the rows of the screen below mean. */
static void
ui_help_marks(struct ui *ui, struct ui_help *h)
{
	const struct ui_mark	*m = ui_screen_main(ui)->ops->marks;

	if (m == NULL)
		return;
	ui_help_text(h, xstrdup(""));
	ui_help_text(h, xstrdup("Marks after the waiting time of a row, in "
	    "four columns:"));
	for (; m->mark != 0; m++)
		ui_help_entry(h, NULL, NULL, xstrdup(m->meaning), m->mark);
	if (keys_action_on(ACT_MARK, ui_screen_main(ui)->ops->keys)) {
		ui_help_text(h, xstrdup(""));
		ui_help_text(h, xstrdup("A dot at the very start of a row: it "
		    "is marked, and d, s, f, K and # act on every marked row "
		    "at once."));
	}
}

/* Gather what the help says: every key of the screen below, and more. */
static void
ui_help_gather(struct ui *ui, struct ui_help *h, int screen)
{
	char	keys[128];
	int	a;

	ui_help_clear(h);
	for (a = 1; a < ACT_COUNT; a++) {
		if (!keys_action_on(a, screen))
			continue;
		keymap_keys_of(&ui->ctx.cfg->keys, screen, a, keys,
		    sizeof keys);
		if (keys[0] == '\0')
			snprintf(keys, sizeof keys, ":%s",
			    keys_action_name(a));
		ui_help_entry(h, xstrdup(keys), keys_action_name(a),
		    xstrdup(keys_action_help_on(a, screen)), 0);
	}
	if (screen == SCREEN_COMPOSE) {
		ui_help_text(h, xstrdup(""));
		ui_help_text(h, xstrdup("Editing: arrows, Home, End, Backspace, "
		    "Delete, C-a, C-b, C-d, C-f"));
	}
	ui_help_commands(ui, h);
	ui_help_marks(ui, h);
}

/* The columns the help needs to say everything on one line each. */
static size_t
ui_help_natural(struct ui_help *h)
{
	struct ui_help_entry	*e;
	size_t			 i, w, most = 0;

	h->kw = h->nw = 0;
	for (i = 0; i < h->ne; i++) {
		e = &h->e[i];
		if (e->keys == NULL)
			continue;
		if ((w = text_width(e->keys)) > h->kw)
			h->kw = w;
		if ((w = text_width(e->name)) > h->nw)
			h->nw = w;
	}
	for (i = 0; i < h->ne; i++) {
		e = &h->e[i];
		w = text_width(e->text);
		if (e->keys != NULL)
			w += h->kw + 1 + h->nw + 1;
		else if (e->mark != 0)
			w += 3;
		if (w > most)
			most = w;
	}
	return most;
}

/* Add a line to the help's lines; it takes s. */
static void
ui_help_line_add(struct ui_help *h, char *s)
{
	h->lines = xreallocarray(h->lines, h->n + 1, sizeof *h->lines);
	h->lines[h->n++] = s;
}

/*
 * Lay text out after a first column: its first line after head (which
 * is indent columns wide), the others under its start, all within width.
 */
static void
ui_help_hang(struct ui_help *h, const char *head, size_t indent,
    const char *text, size_t width)
{
	char	**lines;
	size_t	  n, i;

	n = text_wrap(text, width > indent ? width - indent : 1, &lines);
	for (i = 0; i < n; i++)
		ui_help_line_add(h, xprintf("%-*s%s", (int)indent,
		    i == 0 ? head : "", lines[i]));
	text_lines_free(lines, n);
}

/*
 * Lay an action out: its keys, its name and its help in three columns,
 * the help wrapped in its own; in a box too narrow for that, the keys
 * and the name on a line and the help under them.
 */
static void
ui_help_action(struct ui_help *h, const struct ui_help_entry *e,
    size_t width)
{
	char	*keys, *head;
	size_t	 col = h->kw + 1 + h->nw + 1;

	if (col + UI_HELP_MIN_TEXT <= width) {
		keys = text_pad(e->keys, h->kw);
		head = xprintf("%s %-*s ", keys, (int)h->nw, e->name);
		ui_help_hang(h, head, col, e->text, width);
		free(head);
		free(keys);
		return;
	}
	head = xprintf("%s  %s", e->keys, e->name);
	ui_help_hang(h, "", 0, head, width);
	ui_help_hang(h, "", 4, e->text, width);
	free(head);
}

/* Lay what the help says out in lines of at most width columns. */
static void
ui_help_lay_out(struct ui_help *h, size_t width)
{
	struct ui_help_entry	*e;
	char			 mark[8];
	size_t			 i;

	text_lines_free(h->lines, h->n);
	h->lines = NULL;
	h->n = 0;
	for (i = 0; i < h->ne; i++) {
		e = &h->e[i];
		if (e->keys != NULL)
			ui_help_action(h, e, width);
		else if (e->mark != 0) {
			snprintf(mark, sizeof mark, "%c", e->mark);
			ui_help_hang(h, mark, 3, e->text, width);
		} else
			ui_help_hang(h, "", 0, e->text, width);
	}
}

/* Draw a line of the help (the list's callback). */
static void
ui_help_line(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_help	*h = arg;

	(void)ui;
	ui_draw_text(ln->y, h->left + 1, h->lines[ln->line],
	    (size_t)h->width - 2);
}

/* Draw the help box: every key of the screen below, and more. */
static void
ui_help_draw(struct ui *ui, void *data)
{
	struct ui_help	 *h = data;
	char		 *title, **tl;
	size_t		  ntl, i, avail, need;
	int		  top = 1, y, height = ui->rows - 3;
	int		  screen = ui_screen_keys(ui);

	ui_help_gather(ui, h, screen);
	title = xprintf("Keys of the %s screen (any key closes, j/k scroll)",
	    keys_screen_name(screen));
	/* As wide as the longest line, within the window. */
	avail = (size_t)ui->cols > 44 ? (size_t)ui->cols - 4 :
	    (size_t)ui->cols - 2;
	need = ui_help_natural(h);
	if (text_width(title) > need)
		need = text_width(title);
	h->width = (int)(need + 2 < avail ? need + 2 : avail);
	h->left = (ui->cols - h->width) / 2;
	ui_help_lay_out(h, (size_t)h->width - 2);
	ntl = text_wrap(title, (size_t)h->width - 2, &tl);
	free(title);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	for (y = top; y < top + height; y++)
		ui_draw_fill(y, h->left, h->width);
	attrset(ui_attr(ui, PAIR_STATUS, A_BOLD));
	for (i = 0; i < ntl && (int)i < height - 2; i++)
		ui_draw_text(top + (int)i, h->left + 1, tl[i],
		    (size_t)h->width - 2);
	text_lines_free(tl, ntl);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	y = top + (int)i + 1;
	ui_list_resize(&h->list, top + height > y ? (size_t)(top + height - y) :
	    1);
	ui_list_set_rows(&h->list, h->n, 0, NULL);
	ui_list_draw(ui, &h->list, y);
	attrset(A_NORMAL);
}

/* j and k scroll the help; any other key closes it. */
static void
ui_help_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_help	*h = data;

	(void)key;
	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_list_move(&h->list, action == ACT_DOWN ? 1 : -1);
		break;
	default:
		ui_screen_drop(ui, h);
	}
}

/* Free the help screen. */
static void
ui_help_free(struct ui *ui, void *data)
{
	struct ui_help	*h = data;

	(void)ui;
	ui_help_clear(h);
	ui_list_free(&h->list);
	free(h);
}

static const struct ui_screen_ops ui_help_ops = {
	.name = "help",
	.keys = -1,
	.overlay = 1,
	.draw = ui_help_draw,
	.key = ui_help_key,
	.free = ui_help_free,
};

/* Show the keys of the screen on top. */
void
ui_help_open(struct ui *ui)
{
	struct ui_help	*h = xcalloc(1, sizeof *h);

	ui_list_init(&h->list, UI_LIST_SCROLL, ui_help_line, NULL, h);
	ui_screen_push(ui, &ui_help_ops, h);
}
