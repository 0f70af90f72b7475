/*
 * ui-check.c -- the check screen: before a reply is sent, where it goes
 * (to whom, in public or in private), how long it is against the
 * platform's limit, any reply to the same item already on its way or
 * sent lately, and the text itself. y sends it (through the composer
 * that opened this screen), e or Esc goes back to editing.
 */
#include <curses.h>
#include <stdlib.h>

#include "platform.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* The check screen's own state: a copy of what is to be sent. */
struct ui_check {
	struct item	 reply;		/* the item answered */
	char		*text;
	int		 private;
	char		*note;		/* a reply already on its way */
	void		(*send)(struct ui *, void *);
	void		*arg;
};

static const struct ui_screen_ops ui_check_ops;

/* Free the check screen. */
static void
ui_check_free(struct ui *ui, void *data)
{
	struct ui_check	*k = data;

	(void)ui;
	item_clear(&k->reply);
	free(k->text);
	free(k->note);
	free(k);
}

/*
 * Open the check screen for a reply to it, noting any reply to the same
 * item that is on its way or went lately (another heed may have answered
 * while this one was being written). y calls send(ui, arg) once this
 * screen is closed.
 */
void
ui_check_open(struct ui *ui, const struct item *it, const char *text,
    int private, void (*send)(struct ui *, void *), void *arg)
{
	struct ui_check		*k = xcalloc(1, sizeof *k);
	struct outbox_entry	 e;

	item_copy(&k->reply, it);
	k->text = xstrdup(text);
	k->private = private;
	k->send = send;
	k->arg = arg;
	ui->now = util_now();
	if (ui_sent_recent(ui, &k->reply, !private, &e) == 0) {
		k->note = ui_sent_said(ui, &e, ui_name_of(&k->reply));
		outbox_entry_clear(&e);
	}
	ui_screen_push(ui, &ui_check_ops, k);
}

/*
 * How far the reply is over the platform's limit, in *why as "10
 * characters (graphemes) over the limit of 300" (new); 0 when it fits
 * (*why is NULL then).
 */
static size_t
ui_check_over(struct ui *ui, struct ui_check *k, char **why)
{
	const struct platform_ops	*ops = ui_platform(ui, &k->reply);
	size_t				 n;

	*why = NULL;
	if (ops == NULL || (n = platform_text_length(ops, k->text)) <=
	    ops->text_limit)
		return 0;
	*why = xprintf("%zu character%s%s over the limit of %zu",
	    n - ops->text_limit, n - ops->text_limit == 1 ? "" : "s",
	    ops->count == COUNT_GRAPHEMES ? " (graphemes)" : "",
	    ops->text_limit);
	return n - ops->text_limit;
}

/* Draw the lines that say where the reply goes and how long it is. */
static int
ui_check_where(struct ui *ui, struct ui_check *k, int y, size_t w,
    int *over)
{
	const struct platform_ops	*ops = ui_platform(ui, &k->reply);
	char				*len, *s, *who, *why;

	who = ui_name_handle(&k->reply);
	s = xprintf("To:     %s, on %s", who, ops != NULL ? ops->label : "?");
	free(who);
	ui_draw_text(y++, 2, s, w);
	free(s);
	if (k->private)
		ui_draw_text(y++, 2, "Where:  in private, as a message to them "
		    "(one per comment, and no more after this)", w);
	else
		ui_draw_text(y++, 2, "Where:  in public, under their comment: "
		    "everyone who can see the post can read it", w);
	len = ui_text_length(ui, &k->reply, k->text, over);
	ui_check_over(ui, k, &why);
	attrset(*over ? ui_attr(ui, PAIR_ERROR, A_BOLD) : (int)A_NORMAL);
	s = xprintf("Length: %s%s%s%s", len, why != NULL ? " - TOO LONG: " :
	    "", why != NULL ? why : "", why != NULL ? ". It cannot be sent "
	    "as it is." : "");
	y = ui_draw_wrapped(y, 2, s, w, ui->rows - 4);
	attrset(A_NORMAL);
	free(s);
	free(why);
	free(len);
	return y;
}

/* Draw the check screen: where it goes, how long it is, the text. */
static void
ui_check_draw(struct ui *ui, void *data)
{
	struct ui_check	 *k = data;
	char		**lines, *s;
	size_t		  n, i, w = (size_t)ui->cols - 4;
	int		  y = 2, over;

	attrset(A_BOLD);
	ui_draw_text(y++, 2, "Check before sending", w);
	attrset(A_NORMAL);
	y++;
	y = ui_check_where(ui, k, y, w, &over);
	if (k->note != NULL) {
		attrset(ui_attr(ui, PAIR_ERROR, A_BOLD));
		s = xprintf("Note:   %s", k->note);
		n = text_wrap(s, w, &lines);
		for (i = 0; i < n && y < ui->rows - 4; i++)
			ui_draw_text(y++, 2, lines[i], w);
		text_lines_free(lines, n);
		free(s);
	}
	attrset(A_NORMAL);
	y++;
	n = text_wrap(k->text, w - 2, &lines);
	for (i = 0; i < n && y < ui->rows - 4; i++)
		ui_draw_text(y++, 4, lines[i], w - 2);
	text_lines_free(lines, n);
	attrset(A_BOLD);
	ui_draw_text(ui->rows - 3, 2, over ? "e or Esc: back to editing, to "
	    "shorten it" : "y or Enter: send now    e or Esc: back to editing",
	    w);
	attrset(A_NORMAL);
}

/* The bottom line: sending is offered only for a reply that can go. */
static const char *
ui_check_hint(struct ui *ui, void *data)
{
	struct ui_check	*k = data;
	char		*why;

	if (ui_check_over(ui, k, &why) == 0)
		return "y or Enter send now  e or Esc back to editing";
	free(why);
	return "e or Esc back to editing, to shorten it  ? help";
}

/* Keys on the check screen: send, or back to editing. */
static void
ui_check_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_check	*k = data;
	void		(*send)(struct ui *, void *) = k->send;
	void		*arg = k->arg;
	const struct platform_ops *ops;
	char		*why;
	size_t		 over;

	(void)key;
	over = ui_check_over(ui, k, &why);
	if (action == ACT_SEND && over != 0) {
		ops = ui_platform(ui, &k->reply);
		ui_message(ui, 1, "Not sent: it is %s on %s. e or Esc goes back "
		    "to editing, to shorten it.", why, ops->label);
	} else if (action == ACT_SEND) {
		ui_screen_drop(ui, k);
		send(ui, arg);
	} else if (action == ACT_CANCEL)
		ui_screen_drop(ui, k);
	free(why);
}

static const struct ui_screen_ops ui_check_ops = {
	.name = "check",
	.keys = SCREEN_CHECK,
	.hint_now = ui_check_hint,
	.draw = ui_check_draw,
	.key = ui_check_key,
	.free = ui_check_free,
};
