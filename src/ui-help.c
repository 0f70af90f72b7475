/*
 * ui-help.c -- the help screen: a box over the screen below it with
 * every key of that screen; j and k scroll, any other key closes it.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* The help screen's own state: its lines, scrolled by a list. */
struct ui_help {
	struct ui_list	  list;
	char		**lines;
	size_t		  n;
	int		  left;		/* the box's first column */
	int		  width;	/* and its width */
};

static const struct ui_screen_ops ui_help_ops;

/* Free the lines of the help. */
static void
ui_help_clear(struct ui_help *h)
{
	text_lines_free(h->lines, h->n);
	h->lines = NULL;
	h->n = 0;
}

/* Add a line to the help; it takes s. */
static void
ui_help_add(struct ui_help *h, char *s)
{
	h->lines = xreallocarray(h->lines, h->n + 1, sizeof *h->lines);
	h->lines[h->n++] = s;
}

/* Add the commands of the screen below that take a word or more. */
static void
ui_help_commands(struct ui *ui, struct ui_help *h)
{
	const struct ui_cmd	*c = ui_screen_main(ui)->ops->cmds;
	struct buf		 arg;
	size_t			 i;

	ui_help_add(h, xstrdup(""));
	ui_help_add(h, xstrdup("Every action above is a command too: : then "
	    "its name (Tab completes it)."));
	for (; c != NULL && c->name != NULL; c++) {
		buf_init(&arg, 0);
		for (i = 0; c->words != NULL && c->words[i] != NULL; i++)
			buf_printf(&arg, "%s%s", i != 0 ? "|" : "", c->words[i]);
		if (c->words == NULL)
			buf_addstr(&arg, c->arg);
		ui_help_add(h, xprintf(":%s %s: %s", c->name, arg.data,
		    c->help));
		buf_free(&arg);
	}
}

/* Write the lines of the help: every key of the screen below. */
static void
ui_help_lines(struct ui *ui, struct ui_help *h, int screen)
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
		ui_help_add(h, xprintf("%-16s %-12s %s", keys,
		    keys_action_name(a), keys_action_help_on(a, screen)));
	}
	if (screen == SCREEN_COMPOSE) {
		ui_help_add(h, xstrdup(""));
		ui_help_add(h, xstrdup("Editing: arrows, Home, End, Backspace, "
		    "Delete, C-a, C-b, C-d, C-f"));
	}
	ui_help_commands(ui, h);
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

/* Draw the help box: every key of the screen below. */
static void
ui_help_draw(struct ui *ui, void *data)
{
	struct ui_help	*h = data;
	char		*line;
	int		 top = 1, y, height;
	int		 screen = ui_screen_keys(ui);

	h->width = ui->cols > 76 ? 72 : ui->cols - 2;
	h->left = (ui->cols - h->width) / 2;
	height = ui->rows - 3;
	ui_help_lines(ui, h, screen);
	ui_list_resize(&h->list, height > 2 ? (size_t)height - 2 : 1);
	ui_list_set_rows(&h->list, h->n, 0, NULL);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	for (y = top; y < top + height; y++)
		ui_draw_fill(y, h->left, h->width);
	attrset(ui_attr(ui, PAIR_STATUS, A_BOLD));
	line = xprintf("Keys of the %s screen (any key closes, j/k scroll)",
	    keys_screen_name(screen));
	ui_draw_text(top, h->left + 1, line, (size_t)h->width - 2);
	free(line);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	ui_list_draw(ui, &h->list, top + 2);
	attrset(A_NORMAL);
}

/* j and k scroll the help; any other key closes it. */
static void
ui_help_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_help	*h = data;

	(void)key;
	if (action == ACT_DOWN || action == ACT_UP)
		ui_list_move(&h->list, action == ACT_DOWN ? 1 : -1);
	else
		ui_screen_drop(ui, h);
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
