/*
 * ui-undo.c -- what u takes back. Each change the user makes to messages
 * (done, snooze, flag, note, kind, tags; to one conversation or to all
 * the marked ones at once) keeps the messages it touched as they were,
 * and a sentence that says what taking it back does ("Ann Smit: back in
 * the inbox (3 messages)"). u takes back the newest change whole, in one
 * transaction; when the selection has moved on since, it asks first.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-private.h"
#include "util.h"

#define UI_UNDO_MAX	64

/*
 * One change u can take back: the items it changed as they were before
 * (every message of a conversation, for a change to a conversation), and
 * what taking it back does, in words.
 */
struct ui_undo_entry {
	struct item	*v;
	size_t		 n;
	size_t		 convs;		/* the conversations (or items) */
	char		*says;
	int		 moved;		/* the selection moved since */
	int64_t		 outbox;	/* a reply waiting out its send delay:
					   u takes it back; 0 none */
	int		 private;	/* that reply is a private one */
};

/* The changes u can take back, oldest first. */
struct ui_undo {
	struct ui_undo_entry	e[UI_UNDO_MAX];
	size_t			n;
};

/* Free what an undo entry holds. */
static void
ui_undo_clear(struct ui_undo_entry *e)
{
	size_t	i;

	for (i = 0; i < e->n; i++)
		item_clear(&e->v[i]);
	free(e->v);
	free(e->says);
	memset(e, 0, sizeof *e);
}

/* The newest entry. */
static struct ui_undo_entry *
ui_undo_newest_entry(struct ui *ui)
{
	return &ui->undo->e[ui->undo->n - 1];
}

/* Add an item as it is now to the newest entry, unless it is there. */
static void
ui_undo_add_item(struct ui_undo_entry *e, const struct item *it)
{
	size_t	i;

	for (i = 0; i < e->n; i++) {
		if (e->v[i].id == it->id)
			return;
	}
	e->v = xreallocarray(e->v, e->n + 1, sizeof *e->v);
	item_copy(&e->v[e->n++], it);
}

/* Start a new change: an empty entry, the oldest going when full. */
void
ui_undo_begin(struct ui *ui)
{
	struct ui_undo	*u;

	if (ui->undo == NULL)
		ui->undo = xcalloc(1, sizeof *ui->undo);
	u = ui->undo;
	if (u->n == UI_UNDO_MAX) {
		ui_undo_clear(&u->e[0]);
		memmove(&u->e[0], &u->e[1], (UI_UNDO_MAX - 1) * sizeof u->e[0]);
		u->n--;
	}
	memset(&u->e[u->n++], 0, sizeof u->e[0]);
}

/*
 * Remember in the newest change what u would put back of an item: the
 * item as it is, and for a change to a customer's whole conversation
 * (whole) every other message of it. Returns the number of messages the
 * change is about so far.
 */
size_t
ui_undo_add(struct ui *ui, const struct item *it, int whole)
{
	struct ui_undo_entry	*e = ui_undo_newest_entry(ui);
	struct store_conv	 c;
	struct item		 other;
	size_t			 i;

	ui_undo_add_item(e, it);
	e->convs++;
	if (!whole || it->own || store_conv_get(ui->ctx.store, it->id, &c,
	    NULL) != 0)
		return e->n;
	for (i = 0; i < c.n; i++) {
		if (c.ids[i] != it->id && store_item_get(ui->ctx.store,
		    c.ids[i], &other, NULL) == 0) {
			ui_undo_add_item(e, &other);
			item_clear(&other);
		}
	}
	store_conv_clear(&c);
	return e->n;
}

/* Start a change about one item (and its conversation when whole). */
size_t
ui_undo_push(struct ui *ui, const struct item *it, int whole)
{
	ui_undo_begin(ui);
	return ui_undo_add(ui, it, whole);
}

/*
 * Say what taking back the newest change does, in a sentence's words:
 * after the author's name for a change to one conversation, after how
 * many for a change to several.
 */
void
ui_undo_says(struct ui *ui, const char *fmt, ...)
{
	struct ui_undo_entry	*e = ui_undo_newest_entry(ui);
	const struct item	*it = &e->v[0];
	va_list			 ap;
	char			*what, more[48] = "", who[48];

	if (e->n > 1)
		snprintf(more, sizeof more, " (%zu messages)", e->n);
	va_start(ap, fmt);
	what = xvprintf(fmt, ap);
	va_end(ap);
	if (e->convs > 1)
		snprintf(who, sizeof who, "%zu conversations", e->convs);
	free(e->says);
	e->says = xprintf("%s: %s%s", e->convs > 1 ? who :
	    it->author_name != NULL && *it->author_name != '\0' ?
	    it->author_name : it->author_handle != NULL ? it->author_handle :
	    "the item", what, more);
	free(what);
}

/* Say the newest change in full, for a message ("Done: 3 messages"). */
void
ui_undo_set_says(struct ui *ui, const char *says)
{
	struct ui_undo_entry	*e = ui_undo_newest_entry(ui);

	free(e->says);
	e->says = xstrdup(says);
}

/* How many conversations and messages the newest change is about. */
void
ui_undo_size(struct ui *ui, size_t *convs, size_t *msgs)
{
	struct ui_undo_entry	*e = ui_undo_newest_entry(ui);

	*convs = e->convs;
	*msgs = e->n;
}

/* Forget the newest undo entry: the change it was for did not happen. */
void
ui_undo_drop(struct ui *ui)
{
	if (ui->undo != NULL && ui->undo->n > 0)
		ui_undo_clear(&ui->undo->e[--ui->undo->n]);
}

/* Free what undo keeps. */
void
ui_undo_free(struct ui *ui)
{
	if (ui->undo == NULL)
		return;
	while (ui->undo->n > 0)
		ui_undo_drop(ui);
	free(ui->undo);
	ui->undo = NULL;
}

/*
 * Remember a reply just queued to an item (as it was, and its whole
 * conversation): u takes it back into the composer while it waits out
 * its send delay, and the conversation back to where it was.
 */
void
ui_undo_reply(struct ui *ui, const struct item *it, int64_t outbox,
    int private)
{
	struct ui_undo_entry	*e;

	ui_undo_push(ui, it, 1);
	e = ui_undo_newest_entry(ui);
	e->outbox = outbox;
	e->private = private;
	ui_undo_says(ui, "the reply is back in the composer, not sent");
}

/*
 * Take a reply back out of the outbox into the composer, with the
 * conversation as it was; when it has left already, say so plainly.
 * 0 done or said, -1 when the cache refused (the change stays).
 */
static int
ui_undo_reply_back(struct ui *ui, struct ui_undo_entry *e)
{
	char	*body = NULL, *cause = NULL;
	int	 rc;

	rc = store_outbox_take_back(ui->ctx.store, e->outbox, &body, &cause);
	free(body);
	if (rc == -1) {
		ui_message(ui, 1, "Not taken back: %s. u tries again.", cause);
		free(cause);
		return -1;
	}
	if (rc == 1) {
		ui_message(ui, 1, "Too late to take it back: the reply to %s "
		    "has left, and people may already have seen it. In the "
		    "thread, D on your reply deletes it.", ui_name_of(&e->v[0]));
		ui_undo_drop(ui);
		return 0;
	}
	rc = store_restore_triage(ui->ctx.store, e->v, e->n, &cause);
	ui_refresh_counts(ui);
	ui_screen_reload(ui);
	if (ui->open_compose != NULL)
		ui->open_compose(ui, &e->v[0], NULL, e->private);
	/* Said after the composer has said its own. */
	if (rc != 0) {
		ui_message(ui, 1, "The reply is back as a draft, but the "
		    "conversation stays done: %s.", cause);
		free(cause);
	} else
		ui_message(ui, 0, "Taken back: the reply to %s is not sent; "
		    "here it is again.", ui_name_of(&e->v[0]));
	ui_undo_drop(ui);
	return 0;
}

/*
 * Take back the reply the status bar counts down when this heed keeps no
 * change of its own to take back (it was queued before heed was started
 * again, or by another heed on the cache): its text goes back into the
 * composer as a draft, and the message it answers back to the inbox.
 */
static void
ui_undo_delayed(struct ui *ui)
{
	struct outbox_entry	 e;
	struct item		 it;
	char			*body = NULL, *cause = NULL;
	int			 rc, private;

	if (store_outbox_get(ui->ctx.store, ui->delay_id, &e, &cause) != 0) {
		ui_message(ui, 1, "Not taken back: %s. u tries again.", cause);
		free(cause);
		return;
	}
	private = e.kind == ACTION_PRIVATE_REPLY;
	rc = store_item_get(ui->ctx.store, e.item_id, &it, &cause);
	outbox_entry_clear(&e);
	if (rc != 0) {
		ui_message(ui, 1, "Not taken back: %s. u tries again.", cause);
		free(cause);
		return;
	}
	rc = store_outbox_take_back(ui->ctx.store, ui->delay_id, &body,
	    &cause);
	free(body);
	if (rc == -1)
		ui_message(ui, 1, "Not taken back: %s. u tries again.", cause);
	else if (rc == 1)
		ui_message(ui, 1, "Too late to take it back: the reply to %s "
		    "has left, and people may already have seen it. In the "
		    "thread, D on your reply deletes it.", ui_name_of(&it));
	else {
		if (it.status == STATUS_DONE)
			rc = store_set_status(ui->ctx.store, it.id, STATUS_READ,
			    0, &cause);
		ui_refresh_counts(ui);
		ui_screen_reload(ui);
		if (ui->open_compose != NULL)
			ui->open_compose(ui, &it, NULL, private);
		if (rc != 0)
			ui_message(ui, 1, "The reply is back as a draft, but "
			    "the conversation stays done: %s.", cause);
		else
			ui_message(ui, 0, "Taken back: the reply to %s is not "
			    "sent; here it is again.", ui_name_of(&it));
	}
	free(cause);
	item_clear(&it);
}

/* Take back the newest change; when the cache refuses, it stays. */
static void
ui_undo_newest(struct ui *ui)
{
	struct ui_undo_entry	*e = ui_undo_newest_entry(ui);
	struct ui_screen	*s;
	int64_t			 id = e->v[0].id;
	char			*cause = NULL;

	if (e->outbox != 0) {
		ui_undo_reply_back(ui, e);
		return;
	}
	if (store_restore_triage(ui->ctx.store, e->v, e->n, &cause) != 0) {
		ui_message(ui, 1, "Not undone: %s. u tries again.", cause);
		free(cause);
		return;
	}
	ui_message(ui, 0, "Undone: %s.", e->says != NULL ? e->says :
	    "the last change");
	ui_undo_drop(ui);
	ui_refresh_counts(ui);
	s = ui_screen_main(ui);
	if (s->ops->show != NULL)
		s->ops->show(ui, s->data, id);
}

/* Answer of the question whether to undo a change to another row. */
static void
ui_undo_confirmed(struct ui *ui, const char *key)
{
	if (key != NULL && (*key == 'y' || *key == '\r' || *key == '\n') &&
	    ui->undo != NULL && ui->undo->n > 0) {
		ui_undo_newest(ui);
		ui_screen_reload(ui);
	}
}

/*
 * The user moved the selection (or the screen): what u would take back
 * is no longer the change just made to what is selected.
 */
void
ui_action_moved(struct ui *ui)
{
	if (ui->undo != NULL && ui->undo->n > 0)
		ui_undo_newest_entry(ui)->moved = 1;
}

/*
 * Undo the newest change. When the selection has moved since, unless it
 * is back on a row changed (or its conversation), the user has moved
 * on: ask before reaching back.
 */
void
ui_undo_ask(struct ui *ui, const struct item *sel)
{
	struct ui_undo_entry	*e;
	size_t			 i;
	char			*q;

	if (ui->undo == NULL || ui->undo->n == 0) {
		if (ui->delay_id != 0 && ui->delay_until > util_now())
			ui_undo_delayed(ui);
		else
			ui_message(ui, 0, "Nothing to undo.");
		return;
	}
	e = ui_undo_newest_entry(ui);
	for (i = 0; e->moved && sel != NULL && i < e->n; i++) {
		if (e->v[i].id == sel->id)
			break;
	}
	if (!e->moved || (sel != NULL && i < e->n)) {
		ui_undo_newest(ui);
		return;
	}
	q = xprintf("The last change was not to the selected row. Undo it "
	    "anyway?\n\n%s\n\ny  undo it    n or Esc  leave it",
	    e->says != NULL ? e->says : "");
	ui_ask_choice(ui, "Undo", q, "yn", ui_undo_confirmed);
	free(q);
}
