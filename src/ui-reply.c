/*
 * ui-reply.c -- the way to the composer: whether an item can be answered
 * (deleted, a post the platform will not let heed answer, a private reply
 * already used), whether it was answered already (a reply on its way or
 * sent in the last hour, from this window or another heed on the cache:
 * then heed says so and asks), then the composer or the saved replies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "platform.h"
#include "ui-private.h"
#include "util.h"

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

/* Open what a reply action opens, once any question was answered. */
static void
ui_reply_go(struct ui *ui, int action, struct item *it)
{
	switch (action) {
	case ACT_SAVED_REPLY:
		ui_compose_saved(ui, it);
		break;
	case ACT_PRIVATE_REPLY:
		ui_compose_open(ui, it, NULL, 1);
		break;
	default:
		ui_compose_open(ui, it, NULL, 0);
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

	rc = ui_sent_recent(ui, it, action != ACT_PRIVATE_REPLY, &e);
	if (rc == -1)
		return;
	if (rc == 1) {
		ui_reply_go(ui, action, it);
		return;
	}
	said = ui_sent_said(ui, &e, ui_name_of(it));
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
		ui_compose_saved(ui, it);	/* says there are none */
	else if (ui_can_reply(ui, it, ops))
		ui_reply(ui, action, it);
}
