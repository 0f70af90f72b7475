/*
 * ui-action.c -- what the user does to an item: the actions of a key,
 * sent on to triage (ui-triage.c: done, snooze, flag, note, kind, tags),
 * undo (ui-undo.c) and replies (ui-reply.c), and the platform actions
 * through the outbox (like, hide, delete). The command line is
 * ui-command.c.
 *
 * Hiding and deleting never happen silently: each asks, says in plain
 * words what the customer and the public will see, and is logged.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "classify.h"
#include "platform.h"
#include "sorting.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/*
 * Return 1 if an item looks like criticism: flagged, or a complaint as
 * the classifier (or a rule, or the owner) said when it came in; one not
 * sorted yet is read now.
 */
static int
ui_is_complaint(const struct item *it)
{
	struct classify_result	res;
	struct classify_signals	sig;

	if (it->flags & ITEM_FLAG_ESCALATED)
		return 1;
	if (it->ckind >= 0)
		return it->ckind == CLASSIFY_COMPLAINT;
	memset(&sig, 0, sizeof sig);
	sig.lang = it->lang;
	classify_text(it->text != NULL ? it->text : "", &sig, &res);
	return res.kind == CLASSIFY_COMPLAINT;
}

/* Queue a platform action on the item a prompt is about. */
static void
ui_action_queue(struct ui *ui, const struct item *it, int kind)
{
	struct outbox_entry	 e;
	struct store		*st = ui->ctx.store;
	char			*cause = NULL;

	memset(&e, 0, sizeof e);
	e.account_id = it->account_id;
	e.item_id = it->id;
	e.kind = kind;
	e.target_remote_id = xstrdup(it->remote_id);
	e.idem_key = xprintf("heed-%s-%lld-%lld", action_kind_name(kind),
	    (long long)it->id, (long long)util_mono_ms());
	/* Queued and logged together, or neither: the log never lies. */
	if (store_begin(st, &cause) != 0 ||
	    store_outbox_add(st, &e, &cause) != 0 ||
	    store_activity_add(st, it->id, action_kind_name(kind), "queued",
	    &cause) != 0 || store_commit(st, &cause) != 0) {
		store_rollback(st);
		ui_message(ui, 1, "Not queued, nothing will be sent: %s", cause);
		free(cause);
	} else
		ui_message(ui, 0, "%s queued; sending...",
		    action_kind_name(kind));
	outbox_entry_clear(&e);
	ui_refresh_counts(ui);
	sync_kick(ui->ctx.sync);
}

/* Answer of the hide question. */
static void
ui_hide_answered(struct ui *ui, const char *key)
{
	struct item	it;

	if (key == NULL || *key != 'y' || ui_act_item(ui, &it) != 0) {
		ui_message(ui, 0, "Nothing changed.");
		return;
	}
	ui_action_queue(ui, &it, it.hidden ? ACTION_UNHIDE : ACTION_HIDE);
	item_clear(&it);
}

/* Answer of the question what to do instead of hiding. */
static void
ui_moderate_answered(struct ui *ui, const char *key)
{
	struct item	it;
	int		kind;

	if (key == NULL || (*key != 'm' && *key != 'b' && *key != 'r') ||
	    ui_act_item(ui, &it) != 0) {
		ui_message(ui, 0, "Nothing changed.");
		return;
	}
	kind = *key == 'm' ? ACTION_MUTE : *key == 'b' ? ACTION_BLOCK :
	    ACTION_REPORT;
	ui_action_queue(ui, &it, kind);
	item_clear(&it);
}

/*
 * Where a reply cannot be hidden (Mastodon), offer what there is, each
 * with a plain account of what it does in public, and say first that the
 * reply stays visible to everyone else whatever is chosen.
 */
static void
ui_moderate(struct ui *ui, struct item *it, const struct platform_ops *ops)
{
	struct buf	 body, keys;
	const char	*who = it->author_handle != NULL ? it->author_handle :
			    it->author_name;

	buf_init(&body, 0);
	buf_init(&keys, 0);
	buf_printf(&body, "%s cannot hide a reply: whatever you choose, the "
	    "reply by %s stays visible to everyone else. What there is "
	    "instead:\n", ops->label, who);
	if (ops->caps & PLATFORM_CAN_MUTE) {
		buf_printf(&body, "\nm: mute %s. The shop no longer sees their "
		    "posts and notifications; they are not told, and can "
		    "still reply.", who);
		buf_addch(&keys, 'm');
	}
	if (ops->caps & PLATFORM_CAN_BLOCK) {
		buf_printf(&body, "\nb: block %s. They can no longer follow "
		    "the shop or reply to it; they are not told, but may "
		    "notice.", who);
		buf_addch(&keys, 'b');
	}
	if (ops->caps & PLATFORM_CAN_REPORT) {
		buf_printf(&body, "\nr: report the reply to the moderators of "
		    "the shop's server. They decide what happens; %s is not "
		    "told who reported it.", who);
		buf_addch(&keys, 'r');
	}
	buf_addstr(&body, "\n\nIt is logged: H shows the activity log.\n\n"
	    "n or Esc: do nothing");
	buf_addch(&keys, 'n');
	ui->act_item = it->id;
	ui_ask_choice(ui, "Instead of hiding", body.data, keys.data,
	    ui_moderate_answered);
	buf_free(&body);
	buf_free(&keys);
}

/* Ask before hiding or unhiding, saying who will see what. */
static void
ui_hide(struct ui *ui, struct item *it, const struct platform_ops *ops)
{
	char	*body;

	if (!(ops->caps & PLATFORM_CAN_HIDE) && !it->own && (ops->caps &
	    (PLATFORM_CAN_MUTE | PLATFORM_CAN_BLOCK | PLATFORM_CAN_REPORT))) {
		ui_moderate(ui, it, ops);
		return;
	}
	if (!(ops->caps & PLATFORM_CAN_HIDE)) {
		ui_message(ui, 1, "%s: %s", ops->label, ops->no_hide_why != NULL
		    ? ops->no_hide_why : "hiding is not possible here");
		return;
	}
	if (it->own) {
		ui_message(ui, 1, "That is your own reply: it cannot be hidden "
		    "(delete it with D if it must go).");
		return;
	}
	ui->act_item = it->id;
	if (it->hidden)
		body = xprintf("Unhide the comment by %s on %s?\n\nEveryone who "
		    "can see the post will see it again.\n\ny: unhide it    "
		    "n or Esc: leave it hidden", it->author_name, ops->label);
	else
		body = xprintf("Hide the comment by %s on %s?\n\n%s and their "
		    "friends still see it, and are not told; everyone else no "
		    "longer does. You can unhide it later with h. It is "
		    "logged: H shows the activity log.\n\ny: hide it    n or Esc: keep it "
		    "visible",
		    it->author_name, ops->label, it->author_name);
	ui_ask_choice(ui, it->hidden ? "Unhide" : "Hide", body, "yn",
	    ui_hide_answered);
	free(body);
}

/* Answer of the second delete question. */
static void
ui_delete_confirmed(struct ui *ui, const char *key)
{
	struct item	it;

	if (key == NULL || *key != 'D' || ui_act_item(ui, &it) != 0) {
		ui_message(ui, 0, "Not deleted.");
		return;
	}
	ui_action_queue(ui, &it, ACTION_DELETE);
	item_clear(&it);
}

/* Answer of the first delete question: ask once more. */
static void
ui_delete_answered(struct ui *ui, const char *key)
{
	if (key == NULL || *key != 'y') {
		ui_message(ui, 0, "Not deleted.");
		return;
	}
	ui_ask_choice(ui, "Delete for good?", "This cannot be undone: the "
	    "comment is gone for everyone, and nobody can bring it back.\n\n"
	    "D (capital): delete it    n or Esc: keep it", "Dn",
	    ui_delete_confirmed);
}

/* Ask twice before deleting, warning when it looks like criticism. */
static void
ui_delete(struct ui *ui, struct item *it, const struct platform_ops *ops)
{
	char	*body;

	if (!(ops->caps & PLATFORM_CAN_DELETE)) {
		ui_message(ui, 1, "%s does not let you delete this.",
		    ops->label);
		return;
	}
	if ((ops->caps & PLATFORM_DELETE_OWN_ONLY) && !it->own) {
		ui_message(ui, 1, "%s lets you delete only your own posts; "
		    "this one is %s's.", ops->label, it->author_name);
		return;
	}
	ui->act_item = it->id;
	body = xprintf("Delete the %s by %s on %s?\n\nIt disappears for "
	    "everyone, %s included. It is logged: H shows the activity "
	    "log.%s\n\ny: go on    n or Esc: keep it",
	    it->own ? "reply" : "comment", it->author_name, ops->label,
	    it->own ? "the customer" : it->author_name,
	    it->own ? "\n\nIt was public from the moment it left: people may "
	    "already have seen it, and deleting it does not unsay it. A new "
	    "reply that puts it right often reads better." :
	    !it->own && ui_is_complaint(it) ? "\n\nWARNING: this looks like "
	    "a complaint. Deleting criticism usually makes it worse: people "
	    "notice, and post it again elsewhere. Consider answering it, or "
	    "hiding it (h) instead." : "");
	ui_ask_choice(ui, "Delete", body, "yn", ui_delete_answered);
	free(body);
}

/* Open a permalink in the browser, without waiting for it. */
static void
ui_open_link(struct ui *ui, const struct item *it)
{
	if (it->permalink == NULL || (strncmp(it->permalink, "https://", 8) !=
	    0 && strncmp(it->permalink, "http://", 7) != 0)) {
		ui_message(ui, 1, "This item has no web link.");
		return;
	}
	if (util_open_url(config_str(ui->ctx.cfg, NULL, OPT_BROWSER),
	    it->permalink) == NULL) {
		ui_message(ui, 1, "The browser could not be started: %s",
		    strerror(errno));
		return;
	}
	ui_message(ui, 0, "Opening %s", it->permalink);
}

/* Return 1 if an action can act on every marked conversation at once. */
static int
ui_action_bulk(int action)
{
	switch (action) {
	case ACT_DONE:
	case ACT_SNOOZE:
	case ACT_FLAG:
	case ACT_KIND:
	case ACT_TAG:
		return 1;
	}
	return 0;
}

/*
 * Run an action, on the item when it needs one. Returns 1 when the
 * screen should reload its rows.
 */
static int
ui_action_run(struct ui *ui, int action, struct item *it)
{
	const struct platform_ops	*ops;

	switch (action) {
	case ACT_NONE:
		return 0;
	case ACT_UNDO:
		ui_undo_ask(ui, it);
		return 1;
	case ACT_DONE_LANE:
		ui_triage_done_lane(ui);
		return 0;
	case ACT_SYNC:
		ui_sync_now(ui);
		return 0;
	case ACT_OUTBOX:
		ui_outbox_open(ui);
		return 0;
	case ACT_STATS:
		ui_stats_open(ui);
		return 0;
	case ACT_LOG:
		ui_log_open(ui);
		return 0;
	}
	if (it == NULL) {
		ui_message(ui, 0, "Nothing selected.");
		return 0;
	}
	if ((ops = ui_platform(ui, it)) == NULL) {
		ui_message(ui, 1, "The account of this item is no longer in "
		    "the config.");
		return 0;
	}
	switch (action) {
	case ACT_REPLY:
	case ACT_SAVED_REPLY:
	case ACT_PRIVATE_REPLY:
		ui_reply_start(ui, action, it, ops);
		return 0;
	case ACT_DONE:
		ui_triage_done(ui, it);
		return 1;
	case ACT_KIND:
		ui_triage_kind(ui, it);
		return 0;
	case ACT_SNOOZE:
		ui_triage_snooze(ui, it);
		return 0;
	case ACT_FLAG:
		ui_triage_flag(ui, it);
		return 1;
	case ACT_TAG:
		ui_triage_tag(ui, it);
		return 0;
	case ACT_NOTE:
		ui_triage_note(ui, it);
		return 0;
	case ACT_LIKE:
		if (!(ops->caps & PLATFORM_CAN_LIKE))
			ui_message(ui, 1, "%s has no likes.", ops->label);
		else
			ui_action_queue(ui, it, it->liked ? ACTION_UNLIKE :
			    ACTION_LIKE);
		return 1;
	case ACT_HIDE:
		ui_hide(ui, it, ops);
		return 0;
	case ACT_DELETE:
		ui_delete(ui, it, ops);
		return 0;
	case ACT_OPEN_LINK:
		ui_open_link(ui, it);
		return 0;
	}
	return 0;
}

/* Run an action on one item (its conversation up to act_upto). */
int
ui_action_item(struct ui *ui, int action, struct item *it)
{
	ui_targets_clear(ui);
	return ui_action_run(ui, action, it);
}

/*
 * Run an action on the n conversations marked (t), it the selected one.
 * Done, snooze, flag, kind and tags act on all of them at once; what
 * acts in public or on one message (a reply, a like, hiding, deleting, a
 * note) is refused while rows are marked, so it never goes to the wrong
 * one.
 */
int
ui_action_marked(struct ui *ui, int action, struct item *it,
    const struct ui_target *t, size_t n)
{
	ui_targets_clear(ui);
	if (n == 0 || !ui_action_bulk(action)) {
		if (n != 0 && it != NULL && action != ACT_UNDO &&
		    action != ACT_SYNC && action != ACT_OUTBOX &&
		    action != ACT_STATS && action != ACT_LOG &&
		    action != ACT_OPEN_LINK && action != ACT_NONE) {
			ui_message(ui, 1, "%s acts on one conversation: %zu "
			    "row%s marked. Esc takes the marks off.",
			    keys_action_name(action), n, n == 1 ? " is" :
			    "s are");
			return 0;
		}
		return ui_action_run(ui, action, it);
	}
	ui->act_marks = xreallocarray(NULL, n, sizeof *t);
	memcpy(ui->act_marks, t, n * sizeof *t);
	ui->nact_marks = n;
	return ui_action_run(ui, action, it);
}

/* Snooze an item until a typed time (the command "snooze TIME"). */
void
ui_action_snooze(struct ui *ui, const struct item *it, const char *when)
{
	ui->act_item = it->id;
	ui_triage_snooze_typed(ui, when);
}
