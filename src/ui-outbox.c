/*
 * ui-outbox.c -- the outbox screen: what is waiting to be sent and what
 * failed, with the platform's error; failed entries can be retried,
 * edited or discarded.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* Free the listed entries. */
void
ui_outbox_free(struct ui *ui)
{
	store_outbox_list_free(ui->ob, ui->nob);
	ui->ob = NULL;
	ui->nob = 0;
}

/* Read the entries again. */
void
ui_outbox_reload(struct ui *ui)
{
	char	*cause = NULL;

	ui_outbox_free(ui);
	if (store_outbox_list(ui->ctx.store, &ui->ob, &ui->nob, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	if (ui->obsel >= ui->nob)
		ui->obsel = ui->nob ? ui->nob - 1 : 0;
	ui->dirty = 1;
}

/* Show the outbox. */
void
ui_outbox_open(struct ui *ui)
{
	if (ui->screen != SCREEN_OUTBOX)
		ui->ob_back = ui->screen;
	if (ui->screen == SCREEN_THREAD)
		ui_thread_free(ui);
	ui->screen = SCREEN_OUTBOX;
	ui->obsel = 0;
	ui_outbox_reload(ui);
}

/* Draw the outbox. */
void
ui_outbox_draw(struct ui *ui)
{
	struct outbox_entry	*e;
	size_t			 i;
	int			 y = 1;
	char			*line, *first, age[16];

	if (ui->nob == 0) {
		attrset(ui_attr(ui, PAIR_DIM, 0));
		ui_draw_text(2, 2, "The outbox is empty: everything was sent. "
		    "q goes back.", (size_t)ui->cols - 4);
		attrset(A_NORMAL);
		return;
	}
	for (i = 0; i < ui->nob && y < ui->rows - 3; i++) {
		e = &ui->ob[i];
		util_format_age(ui->now - e->created, age, sizeof age);
		first = text_first_line(e->body != NULL ? e->body : "",
		    (size_t)ui->cols);
		line = xprintf("%-7s %-6s %5s  tries %d  %s",
		    outbox_state_name(e->state), action_kind_name(e->kind), age,
		    e->attempts, first);
		free(first);
		attrset(i == ui->obsel ? ui_attr(ui, PAIR_SELECTED, A_BOLD) :
		    e->state == OUTBOX_FAILED ? ui_attr(ui, PAIR_LATE, A_BOLD) :
		    (int)A_NORMAL);
		ui_draw_fill(y, 0, ui->cols);
		ui_draw_text(y++, 1, line, (size_t)ui->cols - 2);
		free(line);
		attrset(ui_attr(ui, PAIR_DIM, 0));
		if (e->last_error != NULL) {
			line = xprintf("  %s", e->last_error);
			ui_draw_text(y++, 1, line, (size_t)ui->cols - 2);
			free(line);
		}
		attrset(A_NORMAL);
	}
}

/* Handle an action on the outbox screen. */
void
ui_outbox_key(struct ui *ui, int action)
{
	struct outbox_entry	*e = ui->nob ? &ui->ob[ui->obsel] : NULL;
	struct item		 it;
	char			*cause = NULL, *body = NULL;

	switch (action) {
	case ACT_DOWN:
		if (ui->obsel + 1 < ui->nob)
			ui->obsel++;
		return;
	case ACT_UP:
		if (ui->obsel > 0)
			ui->obsel--;
		return;
	case ACT_BACK:
	case ACT_QUIT:
		ui_outbox_free(ui);
		ui->screen = SCREEN_QUEUE;
		ui_queue_reload(ui);
		return;
	case ACT_SYNC:
		sync_now(ui->ctx.sync);
		return;
	}
	if (e == NULL)
		return;
	switch (action) {
	case ACT_RETRY:
		if (e->state != OUTBOX_FAILED) {
			ui_message(ui, 1, "Only a failed entry can be tried "
			    "again; this one is %s.", outbox_state_name(e->state));
			return;
		}
		/* A failed private reply may not be tried if another went. */
		if (e->kind == ACTION_PRIVATE_REPLY &&
		    store_outbox_has(ui->ctx.store, e->item_id,
		    ACTION_PRIVATE_REPLY, NULL, &cause) != 1) {
			if (cause == NULL) {
				ui_message(ui, 1, "Another private reply to this "
				    "comment is queued or sent; it can have only "
				    "one.");
				return;
			}
			break;
		}
		switch (store_outbox_retry(ui->ctx.store, e->id, &cause)) {
		case 0:
			ui_message(ui, 0, "Queued again.");
			sync_kick(ui->ctx.sync);
			break;
		case 1:
			ui_message(ui, 1, "Another heed took it meanwhile.");
			break;
		}
		break;
	case ACT_DISCARD:
		switch (store_outbox_discard(ui->ctx.store, e->id, &cause)) {
		case 0:
			ui_message(ui, 0, "Discarded; nothing was sent.");
			break;
		case 1:
			ui_message(ui, 1, "It is being sent or checked right "
			    "now; it cannot be discarded.");
			break;
		}
		break;
	case ACT_EDIT:
		if (e->kind != ACTION_REPLY) {
			ui_message(ui, 1, "Only a reply can be edited.");
			return;
		}
		if (store_item_get(ui->ctx.store, e->item_id, &it,
		    &cause) != 0)
			break;
		/* The text moves back into the draft; the entry goes. */
		switch (store_outbox_take_back(ui->ctx.store, e->id, &body,
		    &cause)) {
		case 0:
			ui_outbox_free(ui);
			ui->screen = SCREEN_QUEUE;
			ui_compose_open(ui, &it, NULL);
			ui->compose_back = SCREEN_QUEUE;
			break;
		case 1:
			ui_message(ui, 1, "It is being sent or checked right "
			    "now; it cannot be edited.");
			break;
		}
		free(body);
		item_clear(&it);
		break;
	default:
		return;
	}
	if (cause != NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	if (ui->screen == SCREEN_OUTBOX)
		ui_outbox_reload(ui);
	ui_refresh_counts(ui);
}
