/*
 * ui-help.c -- the help screen: a box over the screen below it with
 * every key of that screen; j and k scroll, any other key closes it.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "ui-private.h"
#include "util.h"

/* The help screen's own state. */
struct ui_help {
	size_t	scroll;		/* rows of keys scrolled past */
};

static const struct ui_screen_ops ui_help_ops;

/* Draw the help box: every key of the screen below. */
static void
ui_help_draw(struct ui *ui, void *data)
{
	struct ui_help	*h = data;
	char		 keys[128], *line;
	int		 a, width, top = 1, left, y, height;
	int		 screen = ui_screen_keys(ui);
	size_t		 row = 0;

	width = ui->cols > 76 ? 72 : ui->cols - 2;
	left = (ui->cols - width) / 2;
	height = ui->rows - 3;
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	for (y = top; y < top + height; y++)
		ui_draw_fill(y, left, width);
	attrset(ui_attr(ui, PAIR_STATUS, A_BOLD));
	line = xprintf("Keys of the %s screen (any key closes, j/k scroll)",
	    keys_screen_name(screen));
	ui_draw_text(top, left + 1, line, (size_t)width - 2);
	free(line);
	attrset(ui_attr(ui, PAIR_STATUS, 0));
	y = top + 2;
	for (a = 1; a < ACT_COUNT && y < top + height; a++) {
		if (!keys_action_on(a, screen))
			continue;
		keymap_keys_of(&ui->ctx.cfg->keys, screen, a, keys,
		    sizeof keys);
		if (keys[0] == '\0')
			snprintf(keys, sizeof keys, ":%s",
			    keys_action_name(a));
		if (row++ < h->scroll)
			continue;
		line = xprintf("%-16s %-12s %s", keys, keys_action_name(a),
		    keys_action_help(a));
		ui_draw_text(y++, left + 1, line, (size_t)width - 2);
		free(line);
	}
	if (screen == SCREEN_COMPOSE && y < top + height - 1)
		ui_draw_text(++y, left + 1, "Editing: arrows, Home, End, "
		    "Backspace, Delete, C-a, C-b, C-d, C-f", (size_t)width - 2);
	attrset(A_NORMAL);
}

/* j and k scroll the help; any other key closes it. */
static void
ui_help_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_help	*h = data;

	(void)key;
	if (action == ACT_DOWN)
		h->scroll++;
	else if (action == ACT_UP && h->scroll > 0)
		h->scroll--;
	else
		ui_screen_drop(ui, h);
}

/* Free the help screen. */
static void
ui_help_free(struct ui *ui, void *data)
{
	(void)ui;
	free(data);
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
	ui_screen_push(ui, &ui_help_ops, xcalloc(1, sizeof(struct ui_help)));
}
