/*
 * ui-outbox.c -- the outbox screen: every action not yet sent, each with
 * what is true of it now (waiting, being sent here or by another heed on
 * the same cache, being checked because the answer to a try was lost,
 * failed with the platform's error); failed entries can be sent again,
 * and one that nobody is sending can be edited or discarded.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* One entry as drawn: its headline, then its wrapped detail lines. */
struct ui_ob_draw {
	char	 *head;
	char	**lines;
	size_t	  n;
	int	  failed;
};

/* The outbox screen's own state. */
struct ui_outbox {
	struct outbox_entry	 *ob;
	size_t			  n;
	char			 *error;	/* why it could not be read */
	char			**who;		/* whom each entry is about */
	char			**acct;		/* each entry's account name */
	struct ui_ob_draw	 *d;		/* each entry laid out */
	size_t			  nd;
	struct ui_list		  list;		/* the entries on the screen */
	int64_t			  act_entry;	/* the entry a prompt is about */
};

static const struct ui_screen_ops ui_outbox_ops;
static void	ui_outbox_lay_out(struct ui *, struct ui_outbox *);
static void	ui_outbox_lay_out_free(struct ui_outbox *);
static void	ui_outbox_line(struct ui *, void *,
		    const struct ui_list_line *);

/* The key of an entry for its mark: its id in the outbox. */
static int64_t
ui_outbox_key_of(void *arg, size_t row)
{
	struct ui_outbox	*o = arg;

	return o->ob[row].id;
}

/* Free the listed entries and what goes with them. */
static void
ui_outbox_clear(struct ui_outbox *o)
{
	size_t	i;

	store_outbox_list_free(o->ob, o->n);
	for (i = 0; o->who != NULL && i < o->n; i++) {
		free(o->who[i]);
		free(o->acct[i]);
	}
	free(o->who);
	free(o->acct);
	o->ob = NULL;
	o->who = NULL;
	o->acct = NULL;
	o->n = 0;
	free(o->error);
	o->error = NULL;
}

/* Free the outbox screen. */
static void
ui_outbox_free(struct ui *ui, void *data)
{
	struct ui_outbox	*o = data;

	(void)ui;
	ui_outbox_clear(o);
	ui_outbox_lay_out_free(o);
	ui_list_free(&o->list);
	free(o);
}

/*
 * Name who an entry is about, for its headline: "Anna Jansen", or the
 * handle; new string.
 */
static char *
ui_outbox_about(struct ui *ui, const struct outbox_entry *e)
{
	struct item	 it;
	char		*who;

	if (e->item_id == 0 ||
	    store_item_get(ui->ctx.store, e->item_id, &it, NULL) != 0)
		return xstrdup("a comment");
	who = xstrdup(ui_name_of(&it));
	item_clear(&it);
	return who;
}

/* Read the entries again. */
static void
ui_outbox_reload(struct ui *ui, void *data)
{
	struct ui_outbox	*o = data;
	struct store_account	*acc;
	char			*cause = NULL;
	size_t			 i, j, nacc;

	ui_outbox_clear(o);
	if (store_outbox_list(ui->ctx.store, &o->ob, &o->n, &cause) != 0)
		o->error = cause;
	if (store_account_list(ui->ctx.store, &acc, &nacc, NULL) != 0) {
		acc = NULL;
		nacc = 0;
	}
	o->who = xcalloc(o->n + 1, sizeof *o->who);
	o->acct = xcalloc(o->n + 1, sizeof *o->acct);
	for (i = 0; i < o->n; i++) {
		o->who[i] = ui_outbox_about(ui, &o->ob[i]);
		for (j = 0; j < nacc; j++) {
			if (acc[j].id == o->ob[i].account_id)
				o->acct[i] = xstrdup(acc[j].name);
		}
	}
	store_account_list_free(acc, nacc);
	ui_outbox_lay_out(ui, o);
	ui->dirty = 1;
}

/* Show the outbox, in place of a thread. */
void
ui_outbox_open(struct ui *ui)
{
	struct ui_outbox	*o = xcalloc(1, sizeof *o);

	ui_list_init(&o->list, UI_LIST_SNAP, ui_outbox_line, ui_outbox_key_of,
	    o);
	while (ui->nstack > 1)
		ui_screen_drop(ui, ui_screen_top(ui)->data);
	ui_screen_push(ui, &ui_outbox_ops, o);
	ui_outbox_reload(ui, o);
}

/* Whether another heed holds a live lease on an entry. */
static int
ui_outbox_held_elsewhere(struct ui *ui, const struct outbox_entry *e)
{
	return store_outbox_leased(e, ui->now) &&
	    strcmp(e->lease_owner, store_owner(ui->ctx.store)) != 0;
}

/* Whether this heed holds a live lease on an entry. */
static int
ui_outbox_held_here(struct ui *ui, const struct outbox_entry *e)
{
	return store_outbox_leased(e, ui->now) &&
	    strcmp(e->lease_owner, store_owner(ui->ctx.store)) == 0;
}

/* "in 3m", or "as soon as the platform answers" when it is due. */
static char *
ui_outbox_when(struct ui *ui, int64_t t)
{
	char	age[16];

	if (t <= ui->now)
		return xstrdup("as soon as the platform answers");
	util_format_age(t - ui->now, age, sizeof age);
	return xprintf("in %s", age);
}

/*
 * What keeps an account from sending now, as its sync says (its login,
 * its credential, the network); NULL when nothing does. Lent.
 */
static const char *
ui_outbox_blocked(struct ui *ui, const char *account)
{
	const struct sync_account_status	*st;
	size_t					 i, n;

	if (account == NULL)
		return NULL;
	n = sync_status(ui->ctx.sync, &st);
	for (i = 0; i < n; i++) {
		if (strcmp(st[i].name, account) != 0)
			continue;
		switch (st[i].state) {
		case SYNC_AUTH:
		case SYNC_NO_KEYRING:
		case SYNC_OFFLINE:
		case SYNC_FAILED:
			return st[i].last_error != NULL ? st[i].last_error :
			    "its last sync failed";
		}
	}
	return NULL;
}

/* Add a message to b as a sentence: with one full stop at its end. */
static void
ui_outbox_sentence(struct buf *b, const char *msg)
{
	size_t	n = strlen(msg);

	buf_addstr(b, msg);
	if (n == 0 || msg[n - 1] != '.')
		buf_addch(b, '.');
}

/* Say what is true of a queued entry now; new string. */
static char *
ui_outbox_queued(struct ui *ui, const struct outbox_entry *e,
    const char *account)
{
	const char	*blocked = ui_outbox_blocked(ui, account);
	struct buf	 b;
	char		*when;

	when = ui_outbox_when(ui, e->next_attempt);
	buf_init(&b, 0);
	buf_addstr(&b, "Waiting to be sent");
	if (e->attempts != 0)
		buf_printf(&b, " (tried %d time%s)", e->attempts,
		    e->attempts == 1 ? "" : "s");
	buf_printf(&b, ": next try %s.", when);
	if (blocked != NULL) {
		buf_printf(&b, " Meanwhile %s cannot send: ", account);
		ui_outbox_sentence(&b, blocked);
	}
	if (e->last_error != NULL) {
		buf_addstr(&b, " Last try: ");
		ui_outbox_sentence(&b, e->last_error);
	}
	free(when);
	return buf_steal(&b);
}

/* Say what is true of an entry being checked on the platform; new. */
static char *
ui_outbox_checking(struct ui *ui, const struct outbox_entry *e)
{
	char	*when, *s, *looked;

	when = ui_outbox_when(ui, e->next_attempt);
	looked = e->checks == 0 ? xstrdup("") : xprintf(" Looked %d time%s so "
	    "far, not found yet.", e->checks, e->checks == 1 ? "" : "s");
	s = xprintf("Checking whether %s went out: the answer to the last try "
	    "was lost, so heed looks for it on the platform before anything is "
	    "sent again; next look %s.%s", e->kind == ACTION_REPLY ? "the "
	    "reply" : e->kind == ACTION_PRIVATE_REPLY ? "the private reply" :
	    "it", when, looked);
	free(looked);
	free(when);
	return s;
}

/* Say what is true of an entry now, in a sentence or two; new string. */
static char *
ui_outbox_state_text(struct ui *ui, const struct outbox_entry *e,
    const char *account)
{
	char	*who, *s;

	if (ui_outbox_held_elsewhere(ui, e)) {
		who = ui_sent_owner(ui, e->lease_owner);
		s = xprintf("Being %s by %s: this window leaves it alone "
		    "meanwhile.", e->state == OUTBOX_CHECKING ? "checked" :
		    "sent", who);
		free(who);
		return s;
	}
	if (ui_outbox_held_here(ui, e))
		return xstrdup(e->state == OUTBOX_CHECKING ? "Being checked "
		    "now: is it on the platform?" : "Being sent now.");
	switch (e->state) {
	case OUTBOX_QUEUED:
		return ui_outbox_queued(ui, e, account);
	case OUTBOX_SENDING:
		who = ui_sent_owner(ui, e->lease_owner);
		s = xprintf("Its sender (%s) stopped in the middle of sending "
		    "it: whether it went out is not known, so heed looks for it "
		    "on the platform before anything is sent again.", who);
		free(who);
		return s;
	case OUTBOX_CHECKING:
		return ui_outbox_checking(ui, e);
	case OUTBOX_FAILED:
		return xprintf("FAILED: %s. R sends it again%s, x discards it.",
		    e->last_error != NULL ? e->last_error : "no reason given",
		    e->kind == ACTION_REPLY ? ", e edits it" : "");
	}
	return xstrdup(outbox_state_name(e->state));
}

/* What an entry does, in words: "reply to Anna Jansen"; new string. */
static char *
ui_outbox_what(const struct outbox_entry *e, const char *who)
{
	switch (e->kind) {
	case ACTION_REPLY:
		return xprintf("reply to %s", who);
	case ACTION_PRIVATE_REPLY:
		return xprintf("private reply to %s", who);
	case ACTION_LIKE:
		return xprintf("like of %s's comment", who);
	case ACTION_UNLIKE:
		return xprintf("unlike of %s's comment", who);
	case ACTION_HIDE:
		return xprintf("hide %s's comment", who);
	case ACTION_UNHIDE:
		return xprintf("unhide %s's comment", who);
	case ACTION_DELETE:
		return xprintf("delete %s", who);
	case ACTION_MUTE:
		return xprintf("mute %s", who);
	case ACTION_BLOCK:
		return xprintf("block %s", who);
	case ACTION_REPORT:
		return xprintf("report %s's message", who);
	}
	return xstrdup(action_kind_name(e->kind));
}

/* Lay an entry out: its headline and detail lines, to width columns. */
static void
ui_outbox_layout(struct ui *ui, struct ui_outbox *o, size_t i,
    size_t width, struct ui_ob_draw *d)
{
	const struct outbox_entry	*e = &o->ob[i];
	const struct platform_ops	*ops;
	struct buf			 b;
	char				*what, *state, *first, *tmp, age[16];
	char				 label[16];

	ops = sync_platform_of(ui->ctx.sync, e->account_id);
	util_format_age(ui->now - e->created, age, sizeof age);
	what = ui_outbox_what(e, o->who[i]);
	if (e->state == OUTBOX_FAILED)
		snprintf(label, sizeof label, "FAILED");
	else if (e->state == OUTBOX_QUEUED && (ui_outbox_held_elsewhere(ui,
	    e) || ui_outbox_held_here(ui, e)))
		snprintf(label, sizeof label, "sending");
	else if (e->state == OUTBOX_SENDING && !ui_outbox_held_elsewhere(ui,
	    e) && !ui_outbox_held_here(ui, e))
		snprintf(label, sizeof label, "stopped");
	else
		snprintf(label, sizeof label, "%s", outbox_state_name(e->state));
	d->head = xprintf("%-9s %s %s, queued %s%s", label, ops != NULL ?
	    ops->tag : "??", what, strcmp(age, "now") == 0 ? "just " : "",
	    strcmp(age, "now") == 0 ? "now" : age);
	if (strcmp(age, "now") != 0) {
		tmp = xprintf("%s ago", d->head);
		free(d->head);
		d->head = tmp;
	}
	free(what);
	buf_init(&b, 0);
	if (e->body != NULL && *e->body != '\0') {
		first = text_first_line(e->body, width > 8 ? width - 2 : 1);
		buf_printf(&b, "\"%s\"\n", first);
		free(first);
	}
	state = ui_outbox_state_text(ui, e, o->acct[i]);
	buf_addstr(&b, state);
	free(state);
	d->n = text_wrap(b.data, width, &d->lines);
	d->failed = e->state == OUTBOX_FAILED;
	buf_free(&b);
}

/* Draw the heading line of the outbox. */
static void
ui_outbox_heading(struct ui *ui, struct ui_outbox *o)
{
	size_t	i, failed = 0;
	char	*s;

	for (i = 0; i < o->n; i++)
		failed += o->ob[i].state == OUTBOX_FAILED;
	if (failed != 0)
		s = xprintf("Outbox: %zu not sent, %zu of them failed   R send "
		    "again  e edit  x discard  q back", o->n, failed);
	else
		s = xprintf("Outbox: %zu not sent yet   e edit  x discard  q "
		    "back", o->n);
	attrset(A_BOLD);
	ui_draw_text(1, 1, s, (size_t)ui->cols - 2);
	attrset(A_NORMAL);
	free(s);
}

/* Say why there is nothing to list: empty, or unreadable. */
static void
ui_outbox_nothing(struct ui *ui, struct ui_outbox *o)
{
	char	*what, **lines;
	size_t	 n, i;

	if (o->error != NULL)
		what = xprintf("The outbox could not be read from the cache, so "
		    "heed cannot show what waits to be sent: %s.\n\nThis is not "
		    "an empty outbox. heed doctor checks the cache and says "
		    "what to do.", o->error);
	else
		what = xstrdup("The outbox is empty: nothing waits to be sent, "
		    "and nothing failed. q goes back.");
	n = text_wrap(what, (size_t)ui->cols - 4, &lines);
	attrset(o->error != NULL ? ui_attr(ui, PAIR_LATE, A_BOLD) :
	    ui_attr(ui, PAIR_DIM, 0));
	for (i = 0; i < n && 2 + (int)i < ui->rows - 2; i++)
		ui_draw_text(2 + (int)i, 2, lines[i], (size_t)ui->cols - 4);
	attrset(A_NORMAL);
	text_lines_free(lines, n);
	free(what);
}

/* Free the entries laid out. */
static void
ui_outbox_lay_out_free(struct ui_outbox *o)
{
	size_t	i;

	for (i = 0; i < o->nd; i++) {
		free(o->d[i].head);
		text_lines_free(o->d[i].lines, o->d[i].n);
	}
	free(o->d);
	o->d = NULL;
	o->nd = 0;
}

/*
 * Lay every entry out again for the width of the screen and the time now,
 * and give the list their heights: the headline, the detail lines and a
 * blank line each. The list shows the selected entry whole when it can.
 */
static void
ui_outbox_lay_out(struct ui *ui, struct ui_outbox *o)
{
	size_t	i, *heights;

	ui_outbox_lay_out_free(o);
	o->d = xcalloc(o->n + 1, sizeof *o->d);
	o->nd = o->n;
	heights = xcalloc(o->n + 1, sizeof *heights);
	for (i = 0; i < o->n; i++) {
		ui_outbox_layout(ui, o, i, (size_t)ui->cols - 6, &o->d[i]);
		heights[i] = 1 + o->d[i].n + 1;
	}
	/* Below the heading and a blank line, above the bars. */
	ui_list_resize(&o->list, ui->rows > 5 ? (size_t)ui->rows - 5 : 1);
	ui_list_set_rows(&o->list, o->n, 0, heights);
	free(heights);
}

/* Draw a line of an entry: the headline, a detail line or the blank. */
static void
ui_outbox_line(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_outbox	*o = arg;
	struct ui_ob_draw	*d = &o->d[ln->row];

	if (ln->part == 0) {
		attrset(ln->selected ? ui_attr(ui, PAIR_SELECTED, A_BOLD) :
		    d->failed ? ui_attr(ui, PAIR_LATE, A_BOLD) : (int)A_BOLD);
		ui_draw_fill(ln->y, 0, ui->cols);
		ui_draw_text(ln->y, 1, d->head, (size_t)ui->cols - 2);
	} else if (ln->part <= d->n) {
		attrset(d->failed ? ui_attr(ui, PAIR_LATE, 0) : (int)A_NORMAL);
		ui_draw_text(ln->y, 5, d->lines[ln->part - 1],
		    (size_t)ui->cols - 6);
	}
	attrset(A_NORMAL);
}

/* Draw the outbox, scrolled so that the selected entry shows whole. */
static void
ui_outbox_draw(struct ui *ui, void *data)
{
	struct ui_outbox	*o = data;

	if (o->n == 0) {
		ui_outbox_nothing(ui, o);
		return;
	}
	ui_outbox_heading(ui, o);
	/* The times in the entries move on. */
	ui_outbox_lay_out(ui, o);
	ui_list_draw(ui, &o->list, 3);
}

/* Read the entry a prompt is about, fresh; 0, or -1 if it is gone. */
static int
ui_outbox_act_entry(struct ui *ui, struct ui_outbox *o,
    struct outbox_entry *e)
{
	char	*cause = NULL;

	if (store_outbox_get(ui->ctx.store, o->act_entry, e, &cause) != 0) {
		ui_message(ui, 1, "%s (it was sent or discarded meanwhile)",
		    cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Say why an entry cannot be changed now, by its state. */
static void
ui_outbox_refused(struct ui *ui, const struct outbox_entry *e,
    const char *verb)
{
	char	*who;

	if (ui_outbox_held_elsewhere(ui, e) || ui_outbox_held_here(ui, e)) {
		who = ui_sent_owner(ui, e->lease_owner);
		ui_message(ui, 1, "It is being %s by %s right now; it cannot be "
		    "%s. Look again in a moment.", e->state == OUTBOX_CHECKING ?
		    "checked" : "sent", who, verb);
		free(who);
	} else if (e->state == OUTBOX_CHECKING || e->state == OUTBOX_SENDING)
		ui_message(ui, 1, "heed is checking whether it already went out; "
		    "it cannot be %s until that is known (it is sent again only "
		    "if the checks do not find it).", verb);
	else if (e->state == OUTBOX_SENT)
		ui_message(ui, 1, "It was sent meanwhile; it cannot be %s.", verb);
	else
		ui_message(ui, 1, "It cannot be %s now (it is %s).", verb,
		    outbox_state_name(e->state));
}

/* Answer of the discard question. */
static void
ui_outbox_discard_answered(struct ui *ui, const char *key)
{
	struct ui_outbox	*o = ui_screen_find(ui, &ui_outbox_ops);
	struct outbox_entry	 e;
	char			*cause = NULL;

	if (key == NULL || *key != 'y') {
		ui_message(ui, 0, "Kept.");
		return;
	}
	if (o == NULL || ui_outbox_act_entry(ui, o, &e) != 0)
		return;
	switch (store_outbox_discard(ui->ctx.store, e.id, &cause)) {
	case -1:
		ui_message(ui, 1, "Not discarded: %s", cause);
		free(cause);
		break;
	case 0:
		ui_message(ui, 0, "Discarded; it will not be sent.");
		break;
	default:
		ui_outbox_refused(ui, &e, "discarded");
	}
	outbox_entry_clear(&e);
	ui_outbox_reload(ui, o);
	ui_refresh_counts(ui);
}

/* Ask before discarding an entry; a reply's text goes with it. */
static void
ui_outbox_discard(struct ui *ui, struct ui_outbox *o,
    const struct outbox_entry *e, size_t i)
{
	char	*what, *body;

	if ((e->state != OUTBOX_QUEUED && e->state != OUTBOX_FAILED) ||
	    ui_outbox_held_elsewhere(ui, e) || ui_outbox_held_here(ui, e)) {
		ui_outbox_refused(ui, e, "discarded");
		return;
	}
	what = ui_outbox_what(e, o->who[i]);
	body = xprintf("Discard the %s?\n\nIt is not sent%s.\n\ny: discard it  "
	    "  n or Esc: keep it", what, e->kind == ACTION_REPLY ? ", and its "
	    "text is gone (e takes it back into the composer instead)" :
	    e->kind == ACTION_PRIVATE_REPLY ? ", and its text is gone" : "");
	o->act_entry = e->id;
	ui_ask_choice(ui, "Discard", body, "yn", ui_outbox_discard_answered);
	free(body);
	free(what);
}

/* Send a failed entry again. */
static void
ui_outbox_retry(struct ui *ui, const struct outbox_entry *e)
{
	char	*cause = NULL;
	int	 rc;

	if (e->state != OUTBOX_FAILED) {
		if (e->state == OUTBOX_QUEUED && !ui_outbox_held_elsewhere(ui,
		    e) && !ui_outbox_held_here(ui, e))
			ui_message(ui, 1, "It is waiting to be sent already; R is "
			    "for a failed entry.");
		else
			ui_outbox_refused(ui, e, "sent again");
		return;
	}
	/* A failed private reply may not be tried if another went. */
	if (e->kind == ACTION_PRIVATE_REPLY && (rc = store_outbox_has(
	    ui->ctx.store, e->item_id, ACTION_PRIVATE_REPLY, NULL,
	    &cause)) != 1) {
		if (rc == 0)
			ui_message(ui, 1, "Another private reply to this comment "
			    "is in the outbox or sent; it can have only one.");
		else
			ui_message(ui, 1, "Not sent again: %s", cause);
		free(cause);
		return;
	}
	switch (store_outbox_retry(ui->ctx.store, e->id, &cause)) {
	case -1:
		ui_message(ui, 1, "Not sent again: %s", cause);
		free(cause);
		break;
	case 0:
		ui_message(ui, 0, e->attempts > 0 ? "Queued again; heed first "
		    "looks whether an earlier try went out, so that it is "
		    "never sent twice." : "Queued again.");
		sync_kick(ui->ctx.sync);
		break;
	default:
		ui_message(ui, 1, "Another heed took it meanwhile; it is no "
		    "longer failed.");
	}
}

/*
 * Take a reply back into the composer to correct it; 1 when the outbox
 * screen is gone (closed for the composer), else 0.
 */
static int
ui_outbox_edit(struct ui *ui, struct ui_outbox *o,
    const struct outbox_entry *e)
{
	struct item	 it;
	char		*cause = NULL, *body = NULL;
	int		 left = 0;

	if (e->kind != ACTION_REPLY) {
		ui_message(ui, 1, "Only a public reply can be edited; x discards "
		    "this one.");
		return 0;
	}
	if ((e->state != OUTBOX_QUEUED && e->state != OUTBOX_FAILED) ||
	    ui_outbox_held_elsewhere(ui, e) || ui_outbox_held_here(ui, e)) {
		ui_outbox_refused(ui, e, "edited");
		return 0;
	}
	if (store_item_get(ui->ctx.store, e->item_id, &it, &cause) != 0) {
		ui_message(ui, 1, "Not taken back: %s", cause);
		free(cause);
		return 0;
	}
	if (it.has_draft) {
		/* The entry's text would replace that draft. */
		ui_message(ui, 1, "%s's comment has a draft of its own; e would "
		    "write over it. Send or empty that draft first (r on the "
		    "comment).", ui_name_of(&it));
		item_clear(&it);
		return 0;
	}
	/* The text moves back into the draft; the entry goes. */
	switch (store_outbox_take_back(ui->ctx.store, e->id, &body, &cause)) {
	case -1:
		ui_message(ui, 1, "Not taken back: %s", cause);
		free(cause);
		break;
	case 0:
		/* Back to the queue, then the composer over it. */
		ui_screen_pop(ui, o);
		left = 1;
		if (ui_compose_open(ui, &it, NULL, 0) == 0)
			ui_message(ui, 0, "Taken out of the outbox: correct it, "
			    "then Enter checks and sends it again.");
		break;
	default:
		ui_outbox_refused(ui, e, "edited");
	}
	free(body);
	item_clear(&it);
	return left;
}

/* Handle an action on the outbox screen. */
static void
ui_outbox_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_outbox	*o = data;
	struct outbox_entry	*e = o->n ? &o->ob[o->list.sel] : NULL;

	(void)key;
	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_list_move(&o->list, action == ACT_DOWN ? 1 : -1);
		return;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_list_page(&o->list, action == ACT_PAGE_DOWN);
		return;
	case ACT_TOP:
	case ACT_BOTTOM:
		ui_list_end(&o->list, action == ACT_BOTTOM);
		return;
	case ACT_BACK:
	case ACT_QUIT:
		ui_screen_pop(ui, o);
		return;
	case ACT_SYNC:
		ui_sync_now(ui);
		return;
	}
	if (e == NULL) {
		if (action == ACT_RETRY || action == ACT_DISCARD ||
		    action == ACT_EDIT)
			ui_message(ui, 0, "Nothing in the outbox.");
		return;
	}
	switch (action) {
	case ACT_RETRY:
		ui_outbox_retry(ui, e);
		break;
	case ACT_DISCARD:
		ui_outbox_discard(ui, o, e, o->list.sel);
		return;
	case ACT_EDIT:
		if (ui_outbox_edit(ui, o, e)) {
			ui_refresh_counts(ui);
			return;
		}
		break;
	default:
		return;
	}
	ui_outbox_reload(ui, o);
	ui_refresh_counts(ui);
}

/* Lay the entries out again for the new size of the window. */
static void
ui_outbox_resize(struct ui *ui, void *data)
{
	ui_outbox_lay_out(ui, data);
}

static const struct ui_screen_ops ui_outbox_ops = {
	.name = "outbox",
	.keys = SCREEN_OUTBOX,
	.draw = ui_outbox_draw,
	.key = ui_outbox_key,
	.free = ui_outbox_free,
	.reload = ui_outbox_reload,
	.resize = ui_outbox_resize,
};
