/*
 * ui-screen.c -- the stack of screens. The queue is at the bottom; a
 * screen opened goes on top and gets the keys; going back pops it and
 * reads the one below again. An overlay (the help) is drawn over the
 * screen below it and uses that screen's keymap. This file knows no
 * screen: it calls them only through their operations.
 */
#include <string.h>

#include "ui-private.h"
#include "util.h"

/* Put a screen on top of the stack; it owns data from now on. */
void
ui_screen_push(struct ui *ui, const struct ui_screen_ops *ops, void *data)
{
	if (ui->nstack == UI_STACK_MAX)
		fatal("too many screens");
	ui->stack[ui->nstack].ops = ops;
	ui->stack[ui->nstack].data = data;
	ui->nstack++;
	ui->dirty = 1;
}

/* Take the screen holding data off the stack and free it; its index. */
static size_t
ui_screen_remove(struct ui *ui, void *data)
{
	struct ui_screen	s;
	size_t			i;

	for (i = 0; i < ui->nstack; i++) {
		if (ui->stack[i].data == data)
			break;
	}
	if (i == ui->nstack)
		fatal("no such screen");
	s = ui->stack[i];
	memmove(&ui->stack[i], &ui->stack[i + 1],
	    (ui->nstack - i - 1) * sizeof ui->stack[0]);
	ui->nstack--;
	ui->dirty = 1;
	s.ops->free(ui, s.data);
	return i;
}

/* Go back from a screen: free it, and read the one below it again. */
void
ui_screen_pop(struct ui *ui, void *data)
{
	struct ui_screen	*below;
	size_t			 i;

	i = ui_screen_remove(ui, data);
	if (i == 0)
		return;
	below = &ui->stack[i - 1];
	if (below->ops->reload != NULL)
		below->ops->reload(ui, below->data);
}

/* Free a screen and take it off the stack, reloading nothing. */
void
ui_screen_drop(struct ui *ui, void *data)
{
	ui_screen_remove(ui, data);
}

/* The screen on top (it gets the keys). */
struct ui_screen *
ui_screen_top(struct ui *ui)
{
	return &ui->stack[ui->nstack - 1];
}

/* The screen that fills the window: the top one that is no overlay. */
struct ui_screen *
ui_screen_main(struct ui *ui)
{
	size_t	i = ui->nstack - 1;

	while (i > 0 && ui->stack[i].ops->overlay)
		i--;
	return &ui->stack[i];
}

/* The keymap in force (enum key_screen). */
int
ui_screen_keys(struct ui *ui)
{
	size_t	i = ui->nstack - 1;

	while (i > 0 && ui->stack[i].ops->keys < 0)
		i--;
	return ui->stack[i].ops->keys;
}

/* Read the main screen again from the cache. */
void
ui_screen_reload(struct ui *ui)
{
	struct ui_screen	*s = ui_screen_main(ui);

	if (s->ops->reload != NULL)
		s->ops->reload(ui, s->data);
}

/* The state of the topmost screen of a kind, or NULL. */
void *
ui_screen_find(struct ui *ui, const struct ui_screen_ops *ops)
{
	size_t	i;

	for (i = ui->nstack; i-- > 0;) {
		if (ui->stack[i].ops == ops)
			return ui->stack[i].data;
	}
	return NULL;
}

/*
 * Save what the screens hold; 1 with *u when a screen still has text the
 * cache could not take (a draft), 0 when nothing would be lost.
 */
int
ui_screen_unsaved(struct ui *ui, struct ui_unsaved *u)
{
	struct ui_screen	*s;
	size_t			 i;

	for (i = ui->nstack; i-- > 0;) {
		s = &ui->stack[i];
		if (s->ops->unsaved != NULL && s->ops->unsaved(ui, s->data, u))
			return 1;
	}
	return 0;
}
