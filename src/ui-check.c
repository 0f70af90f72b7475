/*
 * ui-check.c -- the check screen: before a reply is sent, where it goes
 * (to whom, in public or in private), how long it is against the
 * platform's limit, any reply to the same item already on its way or
 * sent lately, what the guard found in it (reply-check.h: a protected
 * word misspelled, a placeholder left in, a greeting to a stranger...),
 * most weighty first, and the text itself. y sends it (through the
 * composer that opened this screen) unless a finding blocks it: then !
 * sends it anyway; 1 to 9 go back to editing at that finding, 0 at the
 * tenth, and the command :finding N at any; e or Esc goes back to
 * editing.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "platform.h"
#include "reply-check.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* The width of a finding's head ("Found:  1 BLOCKS ", "       12 warns"). */
#define UI_CHECK_HEAD	17
/* The findings the keys 1 to 9 and 0 go to; :finding N goes to any. */
#define UI_CHECK_KEYED	10

/* The check screen's own state: a copy of what is to be sent. */
struct ui_check {
	struct item		 reply;		/* the item answered */
	char			*text;
	int			 private;
	char			*note;		/* a reply already on its way */
	struct guard_report	 found;		/* what the guard found */
	char			*guard_error;	/* why it could not read it */
	const struct ui_check_to *to;		/* the composer's */
	void			*arg;
	size_t			 limit;		/* of a reply's length */
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
	guard_free(&k->found);
	free(k->guard_error);
	free(k);
}

/* Read the reply with the guard, as heed check-reply does. */
static void
ui_check_guard(struct ui *ui, struct ui_check *k)
{
	struct reply_check	rc;
	char			*cause = NULL;

	if (reply_check_load(&rc, ui->ctx.store, ui->ctx.cfg,
	    ui_account_config(ui, k->reply.account_id), k->reply.account_id,
	    k->reply.id, &cause) != 0) {
		k->guard_error = cause;
		memset(&k->found, 0, sizeof k->found);
	} else
		reply_check_run(&rc, ui->ctx.cfg, k->text, &k->found);
	reply_check_free(&rc);
}

/*
 * Open the check screen for a reply to it, noting any reply to the same
 * item that is on its way or went lately (another heed may have answered
 * while this one was being written), and what the guard finds in it.
 * Sending and going back to a finding go through to's operations.
 */
void
ui_check_open(struct ui *ui, const struct item *it, const char *text,
    int private, const struct ui_check_to *to, void *arg)
{
	struct ui_check			*k = xcalloc(1, sizeof *k);
	const struct platform_ops	*ops;
	struct outbox_entry		 e;

	item_copy(&k->reply, it);
	k->text = xstrdup(text);
	k->private = private;
	k->to = to;
	k->arg = arg;
	if ((ops = ui_platform(ui, it)) != NULL)
		k->limit = ui_text_limit(ui, it, ops);
	ui->now = util_now();
	if (ui_sent_recent(ui, &k->reply, !private, &e) == 0) {
		k->note = ui_sent_said(ui, &e, ui_name_of(&k->reply));
		outbox_entry_clear(&e);
	}
	ui_check_guard(ui, k);
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
	size_t				 n, limit = k->limit;

	*why = NULL;
	if (ops == NULL)
		return 0;
	if ((n = platform_text_length(ops, k->text)) <= limit)
		return 0;
	*why = xprintf("%zu character%s%s over the limit of %zu",
	    n - limit, n - limit == 1 ? "" : "s",
	    ops->count == COUNT_GRAPHEMES ? " (graphemes)" : "", limit);
	return n - limit;
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
	len = ui_text_length(ui, &k->reply, k->text, k->limit, over);
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

/* Draw one finding, numbered i + 1, from line y; the line after. */
static int
ui_check_finding_draw(struct ui *ui, const struct guard_finding *f,
    size_t i, int y, size_t w, int bottom)
{
	char	*s, head[64];

	/* The message names the words; the suggestion is apart. */
	s = f->suggestion != NULL ? xprintf("%s (did you mean %s?)",
	    f->message, f->suggestion) : xstrdup(f->message);
	snprintf(head, sizeof head, "%s%2zu %s", i == 0 ? "Found: " :
	    "       ", i + 1, f->severity == GUARD_BLOCK ? "BLOCKS" : "warns");
	attrset(f->severity == GUARD_BLOCK ? ui_attr(ui, PAIR_ERROR, A_BOLD) :
	    ui_attr(ui, PAIR_WARN, 0));
	ui_draw_text(y, 2, head, w);
	y = ui_draw_wrapped(y, 2 + UI_CHECK_HEAD, s, w > UI_CHECK_HEAD + 10 ?
	    w - UI_CHECK_HEAD : 10, bottom);
	free(s);
	return y;
}

/*
 * Draw what the guard found, most weighty first, numbered for the keys
 * that go back to it: what blocks in the colour of errors, a warning in
 * that of waiting; each with the words it is about. When they do not all
 * fit, the last line says how many more there are and how to reach them.
 * The line after.
 */
static int
ui_check_findings(struct ui *ui, struct ui_check *k, int y, size_t w)
{
	char	*s;
	size_t	 i;
	int	 bottom;

	if (k->guard_error != NULL) {
		attrset(ui_attr(ui, PAIR_WARN, 0));
		s = xprintf("Found:  the reply could not be read for mistakes: "
		    "%s", k->guard_error);
		y = ui_draw_wrapped(y, 2, s, w, ui->rows - 4);
		free(s);
		attrset(A_NORMAL);
		return y;
	}
	for (i = 0; i < k->found.n; i++) {
		/* A line is kept to say how many more, if any. */
		bottom = ui->rows - (i + 1 == k->found.n ? 5 : 6);
		if (y >= bottom)
			break;
		y = ui_check_finding_draw(ui, &k->found.v[i], i, y, w, bottom);
	}
	attrset(A_NORMAL);
	if (i < k->found.n && y < ui->rows - 5 && w > UI_CHECK_HEAD + 10) {
		s = xprintf("%zu more do not fit here: :finding N goes back to "
		    "editing at finding N (%zu to %zu)", k->found.n - i, i + 1,
		    k->found.n);
		y = ui_draw_wrapped(y, 2 + UI_CHECK_HEAD, s, w - UI_CHECK_HEAD,
		    ui->rows - 5);
		free(s);
	}
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
	y = ui_check_findings(ui, k, y, w);
	y++;
	n = text_wrap(k->text, w - 2, &lines);
	for (i = 0; i < n && y < ui->rows - 4; i++)
		ui_draw_text(y++, 4, lines[i], w - 2);
	text_lines_free(lines, n);
	attrset(A_BOLD);
	ui_draw_text(ui->rows - 3, 2, over ? "e or Esc: back to editing, to "
	    "shorten it" : guard_blocks(&k->found) ? "!: send it anyway    "
	    "1-9, 0: back to editing at that finding    e or Esc: back to "
	    "editing" :
	    "y or Enter: send now    e or Esc: back to editing", w);
	attrset(A_NORMAL);
}

/* The bottom line: sending is offered only for a reply that can go. */
static const char *
ui_check_hint(struct ui *ui, void *data)
{
	struct ui_check	*k = data;
	char		*why;

	if (ui_check_over(ui, k, &why) != 0) {
		free(why);
		return "e or Esc back to editing, to shorten it  ? help";
	}
	if (guard_blocks(&k->found))
		return "! send anyway  1-9, 0 to a finding  e or Esc back "
		    "to editing  ? help";
	return "y or Enter send now  e or Esc back to editing";
}

/* Send: the check screen goes first, then the composer sends. */
static void
ui_check_send(struct ui *ui, struct ui_check *k)
{
	const struct ui_check_to	*to = k->to;
	void				*arg = k->arg;

	ui_screen_drop(ui, k);
	to->send(ui, arg);
}

/* Back to editing at finding n (from 0), if there is one. */
static void
ui_check_finding(struct ui *ui, struct ui_check *k, size_t n)
{
	const struct ui_check_to	*to = k->to;
	void				*arg = k->arg;
	size_t				 at;

	if (n >= k->found.n) {
		ui_message(ui, 1, "There is no finding %zu: there %s %zu.",
		    n + 1, k->found.n == 1 ? "is" : "are", k->found.n);
		return;
	}
	at = k->found.v[n].start;
	ui_screen_drop(ui, k);
	to->jump(ui, arg, at);
}

/*
 * Keys on the check screen: send (not when it is too long; not when a
 * finding blocks it, but for !), back to editing, or to a finding.
 */
static void
ui_check_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_check			*k = data;
	const struct platform_ops	*ops;
	char				*why;
	size_t				 over;

	over = ui_check_over(ui, k, &why);
	if ((action == ACT_SEND || action == ACT_SEND_ANYWAY) && over != 0) {
		ops = ui_platform(ui, &k->reply);
		ui_message(ui, 1, "Not sent: it is %s on %s. e or Esc goes back "
		    "to editing, to shorten it.", why, ops->label);
	} else if (action == ACT_SEND && guard_blocks(&k->found))
		ui_message(ui, 1, "Not sent: finding 1 blocks it (%s). 1 goes "
		    "back to editing there; ! sends it anyway.",
		    k->found.v[0].message);
	else if (action == ACT_SEND || action == ACT_SEND_ANYWAY)
		ui_check_send(ui, k);
	else if (action == ACT_FINDING && key >= '1' && key <= '9')
		ui_check_finding(ui, k, key - '1');
	else if (action == ACT_FINDING && key == '0')
		ui_check_finding(ui, k, UI_CHECK_KEYED - 1);
	else if (action == ACT_FINDING)
		ui_message(ui, 1, "The keys 1 to 9 go back to editing at that "
		    "finding, 0 at the tenth; :finding 12 at the twelfth.");
	else if (action == ACT_CANCEL)
		ui_screen_drop(ui, k);
	free(why);
}

/* The command :finding N, back to editing at any finding. */
static int
ui_check_command(struct ui *ui, void *data, const char *name,
    const char *arg)
{
	struct ui_check	*k = data;
	int64_t		 n;

	if (strcmp(name, "finding") != 0 || arg == NULL)
		return 0;
	if (util_parse_int(arg, 1, INT64_MAX, &n) != 0)
		ui_message(ui, 1, "finding takes the number of a finding, as "
		    "the check screen shows it: :finding 12.");
	else
		ui_check_finding(ui, k, (size_t)n - 1);
	return 1;
}

/* The commands of the check screen that take a word. */
static const struct ui_cmd ui_check_cmds[] = {
	{ "finding", "number", "back to editing at that finding", NULL },
	{ NULL, NULL, NULL, NULL }
};

static const struct ui_screen_ops ui_check_ops = {
	.name = "check",
	.keys = SCREEN_CHECK,
	.hint_now = ui_check_hint,
	.draw = ui_check_draw,
	.key = ui_check_key,
	.free = ui_check_free,
	.cmds = ui_check_cmds,
	.command = ui_check_command,
};
