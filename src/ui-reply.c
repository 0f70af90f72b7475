/*
 * ui-reply.c -- the way to the composer: whether an item can be answered
 * (deleted, a post the platform will not let heed answer, a private reply
 * already used), whether it was answered already (a reply on its way or
 * sent in the last hour, from this window or another heed on the cache:
 * then heed says so and asks), and the saved replies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "platform.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* Answer of the saved-reply menu: start the reply from it. */
static void
ui_saved_chosen(struct ui *ui, const char *key)
{
	const struct config_reply	*r;
	struct item			 it;
	size_t				 i;

	if (key == NULL || *key < '1' || *key > '9')
		return;
	i = (size_t)(*key - '1');
	if (i >= ui->ctx.cfg->nreplies)
		return;
	r = &ui->ctx.cfg->replies[i];
	if (ui->screen == SCREEN_COMPOSE) {
		edit_insert_str(&ui->ed, r->text);
		return;
	}
	if (ui_act_item(ui, &it) != 0)
		return;
	ui_compose_open(ui, &it, r->text);
	item_clear(&it);
	if (ui->screen == SCREEN_COMPOSE)
		ui_message(ui, 0, "Saved reply \"%s\": make it personal, then "
		    "Enter.", r->name);
}

/* Offer the saved replies; the chosen one goes into the composer. */
void
ui_reply_saved(struct ui *ui, struct item *it)
{
	struct buf	 body, keys;
	size_t		 i;
	char		*line;

	if (ui->ctx.cfg->nreplies == 0) {
		ui_message(ui, 1, "No saved replies yet: add them to the "
		    "[replies] section of the config (see heed.conf(5)).");
		return;
	}
	buf_init(&body, 0);
	buf_init(&keys, 0);
	for (i = 0; i < ui->ctx.cfg->nreplies && i < 9; i++) {
		line = text_first_line(ui->ctx.cfg->replies[i].text, 40);
		buf_printf(&body, "%zu  %s: %s\n", i + 1,
		    ui->ctx.cfg->replies[i].name, line);
		buf_printf(&keys, "%zu", i + 1);
		free(line);
	}
	buf_addstr(&body, "\nIt goes into the composer; nothing is sent "
	    "until you check and send it.");
	ui->act_item = it->id;
	ui_ask_choice(ui, "Saved replies", body.data, keys.data,
	    ui_saved_chosen);
	buf_free(&body);
	buf_free(&keys);
}

/* Whether an item can be answered; if not, say why. */
static int
ui_can_reply(struct ui *ui, const struct item *it,
    const struct platform_ops *ops)
{
	if (it->deleted) {
		ui_message(ui, 1, "That comment was deleted; there is nothing "
		    "to reply to.");
		return 0;
	}
	if (it->kind == ITEM_MENTION &&
	    (ops->caps & PLATFORM_NO_MENTION_REPLY)) {
		ui_message(ui, 1, "%s lets heed answer comments only, not a "
		    "post you are tagged in; o opens it to answer there.",
		    ops->label);
		return 0;
	}
	return 1;
}

/*
 * Whether a comment may still have a private reply: the platform allows
 * one per comment, and the item's extra says it was sent only after the
 * next sync, so the outbox is asked first. If not, say why.
 */
static int
ui_private_allowed(struct ui *ui, struct item *it,
    const struct platform_ops *ops)
{
	char	*extra = NULL, *cause = NULL;
	int	 allowed, state = OUTBOX_QUEUED;

	if (!(ops->caps & PLATFORM_CAN_PRIVATE_REPLY)) {
		ui_message(ui, 1, "%s has no private replies to comments.",
		    ops->label);
		return 0;
	}
	switch (store_outbox_has(ui->ctx.store, it->id, ACTION_PRIVATE_REPLY,
	    &state, &cause)) {
	case -1:
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return 0;
	case 0:
		ui_message(ui, 1, state == OUTBOX_SENT ? "A private reply to "
		    "this comment was already sent; %s allows only one." :
		    "A private reply to this comment is already in the "
		    "outbox; %s allows only one.", ops->label);
		return 0;
	}
	if (store_item_extra(ui->ctx.store, it->id, &extra, NULL) != 0)
		extra = NULL;
	allowed = !it->own && !it->deleted && extra != NULL &&
	    strstr(extra, "\"private\":true") != NULL &&
	    strstr(extra, "\"private_sent\":true") == NULL &&
	    util_now() - it->created <= 7 * 86400;
	free(extra);
	if (!allowed) {
		ui_message(ui, 1, "%s allows one private reply per comment, "
		    "within 7 days of it; this comment cannot have one (any "
		    "more).", ops->label);
		return 0;
	}
	return 1;
}

/*
 * Describe a reply to an item that is on its way or went lately, from
 * whichever heed on this cache: "A reply to Anna was sent 3m ago from
 * another heed (process 4242)."; new string.
 */
char *
ui_reply_said(struct ui *ui, const struct outbox_entry *e,
    const char *to)
{
	const char	*what;
	char		*from, *s, age[16], ago[32];

	what = e->kind == ACTION_PRIVATE_REPLY ? "A private reply" : "A reply";
	from = ui_outbox_who(ui, e->origin);
	util_format_age(ui->now - (e->state == OUTBOX_SENT ? e->updated :
	    e->created), age, sizeof age);
	if (strcmp(age, "now") == 0)
		snprintf(ago, sizeof ago, "just now");
	else
		snprintf(ago, sizeof ago, "%s ago", age);
	switch (e->state) {
	case OUTBOX_SENT:
		s = xprintf("%s to %s was sent %s from %s.", what, to, ago,
		    from);
		break;
	case OUTBOX_SENDING:
		if (store_outbox_leased(e, ui->now))
			s = xprintf("%s to %s is being sent right now (queued %s "
			    "from %s).", what, to, ago, from);
		else
			s = xprintf("%s to %s may have gone out already: the heed "
			    "sending it stopped in the middle, and it is looked "
			    "for on the platform before anything is sent again "
			    "(queued %s from %s).", what, to, ago, from);
		break;
	case OUTBOX_CHECKING:
		s = xprintf("%s to %s may have gone out already: the answer to "
		    "its last try was lost, and heed is checking whether it is "
		    "there (queued %s from %s).", what, to, ago, from);
		break;
	default:
		if (store_outbox_leased(e, ui->now))
			s = xprintf("%s to %s is being sent right now (queued %s "
			    "from %s).", what, to, ago, from);
		else
			s = xprintf("%s to %s is waiting in the outbox (queued %s "
			    "from %s).", what, to, ago, from);
		break;
	}
	free(from);
	return s;
}

/*
 * The newest reply (public, or also private when both is set) to an item
 * that is on its way, or was sent in the last UI_RECENT_REPLY seconds,
 * from any heed on this cache; 0 found, 1 none, -1 error (said).
 */
int
ui_reply_recent(struct ui *ui, const struct item *it, int both,
    struct outbox_entry *e)
{
	struct outbox_entry	 p;
	char			*cause = NULL;
	int			 rc, rp = 1;

	rc = store_outbox_recent(ui->ctx.store, it->id, ACTION_REPLY,
	    ui->now - UI_RECENT_REPLY, e, &cause);
	if (rc != -1 && both)
		rp = store_outbox_recent(ui->ctx.store, it->id,
		    ACTION_PRIVATE_REPLY, ui->now - UI_RECENT_REPLY, &p, &cause);
	if (rc == -1 || rp == -1) {
		ui_message(ui, 1, "The outbox could not be read to see whether "
		    "this comment was answered already: %s", cause);
		free(cause);
		if (rc == 0)
			outbox_entry_clear(e);
		return -1;
	}
	if (rp == 0 && (rc != 0 || p.id > e->id)) {
		if (rc == 0)
			outbox_entry_clear(e);
		*e = p;
		rc = 0;
	} else if (rp == 0)
		outbox_entry_clear(&p);
	return rc;
}

/* Open what a reply action opens, once any question was answered. */
static void
ui_reply_go(struct ui *ui, int action, struct item *it)
{
	switch (action) {
	case ACT_SAVED_REPLY:
		ui_reply_saved(ui, it);
		break;
	case ACT_PRIVATE_REPLY:
		ui_compose_open(ui, it, NULL);
		if (ui->screen == SCREEN_COMPOSE)
			ui->reply_private = 1;
		break;
	default:
		ui_compose_open(ui, it, NULL);
		break;
	}
}

/* Answer of the question before answering an item a second time. */
static void
ui_reply_again_answered(struct ui *ui, const char *key)
{
	struct item	it;

	if (key == NULL || *key != 'y') {
		ui_message(ui, 0, "No second reply; O shows the outbox.");
		return;
	}
	if (ui_act_item(ui, &it) != 0)
		return;
	ui_reply_go(ui, ui->act_kind, &it);
	item_clear(&it);
}

/*
 * Open the composer (or the saved replies) for an item, but when a reply
 * to it is on its way or went in the last hour, from this window or
 * another heed on the cache, say so and ask first.
 */
static void
ui_reply(struct ui *ui, int action, struct item *it)
{
	struct outbox_entry	 e;
	char			*said, *body;
	int			 rc;

	rc = ui_reply_recent(ui, it, action != ACT_PRIVATE_REPLY, &e);
	if (rc == -1)
		return;
	if (rc == 1) {
		ui_reply_go(ui, action, it);
		return;
	}
	said = ui_reply_said(ui, &e, ui_compose_to(it));
	body = xprintf("%s\n\n%s\n\ny: write %s    n or Esc: leave it", said,
	    action == ACT_PRIVATE_REPLY ? "Send a private reply as well?" :
	    "Reply anyway?", action == ACT_PRIVATE_REPLY ? "the private reply" :
	    "another reply");
	ui->act_item = it->id;
	ui->act_kind = action;
	ui_ask_choice(ui, "Answered already?", body, "yn",
	    ui_reply_again_answered);
	free(body);
	free(said);
	outbox_entry_clear(&e);
}

/*
 * Start a reply (r), a saved reply (t) or a private reply (P) to an item,
 * once it is clear that it can have one; ask first if it was answered
 * already.
 */
void
ui_reply_start(struct ui *ui, int action, struct item *it,
    const struct platform_ops *ops)
{
	if (action == ACT_PRIVATE_REPLY) {
		if (ui_private_allowed(ui, it, ops))
			ui_reply(ui, action, it);
	} else if (action == ACT_SAVED_REPLY && ui->ctx.cfg->nreplies == 0)
		ui_reply_saved(ui, it);		/* says there are none */
	else if (ui_can_reply(ui, it, ops))
		ui_reply(ui, action, it);
}
