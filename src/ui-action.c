/*
 * ui-action.c -- what the user does to an item: triage (done, snooze,
 * flag, note, undo), platform actions through the outbox (like, hide,
 * delete) and snoozing by a typed time. Replies start in ui-reply.c,
 * the command line is ui-command.c.
 *
 * Hiding and deleting never happen silently: each asks, says in plain
 * words what the customer and the public will see, and is logged.
 */
#include <sys/wait.h>

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

#define UI_UNDO_MAX	64

/*
 * One change u can take back: the items it changed as they were before
 * (every message of a conversation, for a change to a conversation), and
 * what taking it back does, in words ("Ann Smit: back in the inbox").
 */
struct ui_undo_entry {
	struct item	*v;
	size_t		 n;
	char		*says;
	int		 moved;		/* the selection moved since */
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

/* Add an item as it is now to an undo entry. */
static void
ui_undo_add(struct ui_undo_entry *e, const struct item *it)
{
	e->v = xreallocarray(e->v, e->n + 1, sizeof *e->v);
	item_copy(&e->v[e->n++], it);
}

/*
 * Remember, before a change to an item, what u would put back: the item
 * as it is, and for a change to a customer's whole conversation (whole)
 * every other message of it. Returns the number of messages the change
 * is about; the entry is said by ui_undo_says.
 */
static size_t
ui_undo_push(struct ui *ui, const struct item *it, int whole)
{
	struct ui_undo		*u;
	struct ui_undo_entry	*e;
	struct store_conv	 c;
	struct item		 other;
	size_t			 i;

	if (ui->undo == NULL)
		ui->undo = xcalloc(1, sizeof *ui->undo);
	u = ui->undo;
	if (u->n == UI_UNDO_MAX) {
		ui_undo_clear(&u->e[0]);
		memmove(&u->e[0], &u->e[1], (UI_UNDO_MAX - 1) * sizeof u->e[0]);
		u->n--;
	}
	e = &u->e[u->n++];
	memset(e, 0, sizeof *e);
	ui_undo_add(e, it);
	if (!whole || it->own || store_conv_get(ui->ctx.store, it->id, &c,
	    NULL) != 0)
		return 1;
	for (i = 0; i < c.n; i++) {
		if (c.ids[i] != it->id && store_item_get(ui->ctx.store,
		    c.ids[i], &other, NULL) == 0) {
			ui_undo_add(e, &other);
			item_clear(&other);
		}
	}
	store_conv_clear(&c);
	return e->n;
}

/* Say what taking back the newest change does, in a sentence's words. */
static void printflike(2, 3)
ui_undo_says(struct ui *ui, const char *fmt, ...)
{
	struct ui_undo_entry	*e = &ui->undo->e[ui->undo->n - 1];
	const struct item	*it = &e->v[0];
	va_list			 ap;
	char			*what, more[48] = "";

	if (e->n > 1)
		snprintf(more, sizeof more, " (%zu messages)", e->n);
	va_start(ap, fmt);
	what = xvprintf(fmt, ap);
	va_end(ap);
	free(e->says);
	e->says = xprintf("%s: %s%s", it->author_name != NULL &&
	    *it->author_name != '\0' ? it->author_name : it->author_handle !=
	    NULL ? it->author_handle : "the item", what, more);
	free(what);
}

/* Forget the newest undo entry: the change it was for did not happen. */
static void
ui_undo_drop(struct ui *ui)
{
	if (ui->undo != NULL && ui->undo->n > 0)
		ui_undo_clear(&ui->undo->e[--ui->undo->n]);
}

/* Free what the item actions keep (the undo list). */
void
ui_action_free(struct ui *ui)
{
	if (ui->undo == NULL)
		return;
	while (ui->undo->n > 0)
		ui_undo_drop(ui);
	free(ui->undo);
	ui->undo = NULL;
}

/* Take back the newest change; when the cache refuses, it stays. */
static void
ui_undo_newest(struct ui *ui)
{
	struct ui_undo_entry	*e = &ui->undo->e[ui->undo->n - 1];
	struct ui_screen	*s;
	int64_t			 id = e->v[0].id;
	char			*cause = NULL;

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
		ui->undo->e[ui->undo->n - 1].moved = 1;
}

/*
 * Undo the newest change. When the selection has moved since, unless it
 * is back on the row changed (or its conversation), the user has moved
 * on: ask before reaching back.
 */
static void
ui_action_undo(struct ui *ui, const struct item *sel)
{
	struct ui_undo_entry	*e;
	size_t			 i;
	char			*q;

	if (ui->undo == NULL || ui->undo->n == 0) {
		ui_message(ui, 0, "Nothing to undo.");
		return;
	}
	e = &ui->undo->e[ui->undo->n - 1];
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

/* Reload whichever screen is up after a change made from a prompt. */
static void
ui_after_change(struct ui *ui)
{
	ui_refresh_counts(ui);
	ui_screen_reload(ui);
}

/*
 * Set an item's status: a customer's message with its whole
 * conversation, up to the newest message the user saw (act_upto).
 */
static int
ui_set_status(struct ui *ui, const struct item *it, int status,
    int64_t until, char **cause)
{
	if (it->own)
		return store_set_status(ui->ctx.store, it->id, status, until,
		    cause);
	return store_conv_set_status(ui->ctx.store, it->id, status, until,
	    ui->act_upto, cause);
}

/* Set an item's flags (and note), as ui_set_status its status. */
static int
ui_set_flags(struct ui *ui, const struct item *it, int flags,
    const char *note, char **cause)
{
	if (it->own)
		return store_set_flags(ui->ctx.store, it->id, flags, note,
		    cause);
	return store_conv_set_flags(ui->ctx.store, it->id, flags, note,
	    ui->act_upto, cause);
}

/* Say how many messages a change was about, after a sentence. */
static const char *
ui_how_many(size_t n, char *buf, size_t len)
{
	if (n < 2)
		return "";
	snprintf(buf, len, " (%zu messages)", n);
	return buf;
}

/* Mark an item done, with its conversation, or put it back. */
static void
ui_done(struct ui *ui, struct item *it)
{
	char	*cause = NULL, more[48];
	size_t	 n;
	int	 status;

	status = it->status == STATUS_DONE ? STATUS_READ : STATUS_DONE;
	n = ui_undo_push(ui, it, 1);
	if (ui_set_status(ui, it, status, 0, &cause) != 0) {
		ui_undo_drop(ui);
		ui_message(ui, 1, "%s: %s", status == STATUS_DONE ? "Not marked "
		    "done" : "Not put back in the inbox", cause);
		free(cause);
		return;
	}
	if (status == STATUS_DONE) {
		ui_undo_says(ui, "%s", it->status == STATUS_SNOOZED ?
		    "snoozed again" : "back in the inbox");
		ui_message(ui, 0, "Done%s. u undoes it.", ui_how_many(n, more,
		    sizeof more));
	} else {
		ui_undo_says(ui, "marked done again");
		ui_message(ui, 0, "Back in the inbox%s.", ui_how_many(n, more,
		    sizeof more));
	}
	ui_refresh_counts(ui);
}

/* Set the snooze of the item a prompt is about. */
static void
ui_snooze_to(struct ui *ui, int64_t when)
{
	struct item	 it;
	char		*cause = NULL, label[32], more[48];
	time_t		 t = (time_t)when;
	struct tm	 tm;
	size_t		 n;

	if (ui_act_item(ui, &it) != 0)
		return;
	n = ui_undo_push(ui, &it, 1);
	if (ui_set_status(ui, &it, STATUS_SNOOZED, when, &cause) != 0) {
		ui_undo_drop(ui);
		ui_message(ui, 1, "Not snoozed: %s", cause);
		free(cause);
	} else {
		localtime_r(&t, &tm);
		strftime(label, sizeof label, "%a %d %b %H:%M", &tm);
		ui_undo_says(ui, "snooze until %s taken off", label);
		ui_message(ui, 0, "Snoozed until %s%s. u undoes it.", label,
		    ui_how_many(n, more, sizeof more));
	}
	item_clear(&it);
	ui_after_change(ui);
}

/* The time of day h:m on the day d days from now. */
static int64_t
ui_day_at(int64_t now, int days, int h, int m)
{
	time_t		t = (time_t)now;
	struct tm	tm;

	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/*
 * Parse when to wake: a duration ("3h"), "tomorrow", "next-week", a time
 * today or tomorrow ("14:30"), or a date with an optional time
 * ("2026-12-24", "2026-12-24 09:00"). 0 or -1.
 */
static int
ui_parse_when(struct ui *ui, const char *s, int64_t *when)
{
	int		 morning, h, m, y, mo, d, n;
	int64_t		 secs;
	time_t		 now = (time_t)ui->now;
	struct tm	 tm;
	char		 rest;

	morning = (int)config_int(ui->ctx.cfg, NULL, OPT_MORNING_HOUR);
	if (util_parse_duration(s, &secs) == 0 && secs > 0) {
		*when = ui->now + secs;
		return 0;
	}
	if (strcmp(s, "tomorrow") == 0) {
		*when = ui_day_at(ui->now, 1, morning, 0);
		return 0;
	}
	if (strcmp(s, "next-week") == 0) {
		localtime_r(&now, &tm);
		*when = ui_day_at(ui->now, 7 - (tm.tm_wday + 6) % 7, morning,
		    0);
		return 0;
	}
	if (sscanf(s, "%d:%d%c", &h, &m, &rest) == 2 && h >= 0 && h < 24 &&
	    m >= 0 && m < 60) {
		*when = ui_day_at(ui->now, 0, h, m);
		if (*when <= ui->now)
			*when = ui_day_at(ui->now, 1, h, m);
		return 0;
	}
	h = morning;
	m = 0;
	n = sscanf(s, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &m, &rest);
	if ((n == 3 || n == 5) && y >= 1970 && y < 3000 && mo >= 1 &&
	    mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && m >= 0 &&
	    m < 60) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = m;
		tm.tm_isdst = -1;
		*when = (int64_t)mktime(&tm);
		return *when > ui->now ? 0 : -1;
	}
	return -1;
}

/* Answer of the typed snooze time. */
static void
ui_snooze_typed(struct ui *ui, const char *answer)
{
	int64_t	when;

	if (answer == NULL || *answer == '\0')
		return;
	if (ui_parse_when(ui, answer, &when) != 0) {
		ui_message(ui, 1, "\"%s\" is not a time to come: try 3h, 2d, "
		    "tomorrow, 14:30 or 2026-12-24 09:00", answer);
		return;
	}
	ui_snooze_to(ui, when);
}

/* Answer of the snooze menu. */
static void
ui_snooze_chosen(struct ui *ui, const char *key)
{
	char	*copy, *p, *word;
	int	 n = 0, want;
	int64_t	 when;

	if (key == NULL)
		return;
	if (*key == 't') {
		ui_ask_line(ui, "Snooze until (3h, 2d, 14:30, 2026-12-24 "
		    "09:00):", NULL, ui_snooze_typed);
		return;
	}
	want = *key - '0';
	copy = xstrdup(config_str(ui->ctx.cfg, NULL, OPT_SNOOZE_PRESETS));
	for (p = copy; (word = strsep(&p, " ,")) != NULL;) {
		if (*word != '\0' && ++n == want) {
			if (ui_parse_when(ui, word, &when) == 0)
				ui_snooze_to(ui, when);
			else
				ui_message(ui, 1, "snooze_presets: \"%s\" is "
				    "not a time", word);
			break;
		}
	}
	free(copy);
}

/* Offer the snooze presets. */
static void
ui_snooze(struct ui *ui, struct item *it)
{
	struct buf	 body, keys;
	char		*copy, *p, *word, label[64];
	int		 n = 0;
	int64_t		 when;
	time_t		 t;
	struct tm	 tm;

	buf_init(&body, 0);
	buf_init(&keys, 0);
	copy = xstrdup(config_str(ui->ctx.cfg, NULL, OPT_SNOOZE_PRESETS));
	for (p = copy; (word = strsep(&p, " ,")) != NULL && n < 9;) {
		if (*word == '\0' || ui_parse_when(ui, word, &when) != 0)
			continue;
		t = (time_t)when;
		localtime_r(&t, &tm);
		strftime(label, sizeof label, "%a %d %b %H:%M", &tm);
		n++;
		buf_printf(&body, "%d  %-10s  until %s\n", n, word, label);
		buf_printf(&keys, "%d", n);
	}
	free(copy);
	buf_addstr(&body, "t  type a time (3h, 2d, 14:30, 2026-12-24 09:00)"
	    "\n\nThe item leaves the inbox and comes back when the time "
	    "comes.");
	buf_addstr(&keys, "t");
	ui->act_item = it->id;
	ui_ask_choice(ui, "Snooze", body.data, keys.data, ui_snooze_chosen);
	buf_free(&body);
	buf_free(&keys);
}

/* Answer of the flag note. */
static void
ui_flag_noted(struct ui *ui, const char *note)
{
	struct item	 it;
	char		*cause = NULL;

	if (note == NULL || ui_act_item(ui, &it) != 0)
		return;
	ui_undo_push(ui, &it, 1);
	if (ui_set_flags(ui, &it, ITEM_FLAG_ESCALATED, *note != '\0' ? note :
	    it.note, &cause) != 0) {
		ui_undo_drop(ui);
		ui_message(ui, 1, "Not flagged: %s", cause);
		free(cause);
	} else {
		ui_undo_says(ui, "%s", *note != '\0' && (it.note == NULL ||
		    strcmp(note, it.note) != 0) ? "flag and note removed" :
		    "flag removed");
		ui_message(ui, 0, "Flagged. It shows in the Flagged view.");
	}
	item_clear(&it);
	ui_after_change(ui);
}

/* Flag an item with a note, or take the flag off. */
static void
ui_flag(struct ui *ui, struct item *it)
{
	char	*cause = NULL;

	if (it->flags != 0) {
		ui_undo_push(ui, it, 1);
		if (ui_set_flags(ui, it, 0, NULL, &cause) != 0) {
			ui_undo_drop(ui);
			ui_message(ui, 1, "The flag is still on: %s", cause);
			free(cause);
		} else {
			ui_undo_says(ui, "flag put back");
			ui_message(ui, 0, "Flag removed. u undoes it.");
		}
		ui_refresh_counts(ui);
		return;
	}
	ui->act_item = it->id;
	ui_ask_line(ui, "Why flag it (a note for the team):", it->note,
	    ui_flag_noted);
}

/* Answer of the note prompt. */
static void
ui_note_written(struct ui *ui, const char *note)
{
	struct item	 it;
	char		*cause = NULL;

	if (note == NULL || ui_act_item(ui, &it) != 0)
		return;
	ui_undo_push(ui, &it, 0);
	if (store_set_note(ui->ctx.store, it.id, note, &cause) != 0) {
		ui_undo_drop(ui);
		ui_message(ui, 1, "Note not saved: %s", cause);
		free(cause);
	} else {
		ui_undo_says(ui, "%s", it.note == NULL ? "note removed" :
		    *note == '\0' ? "note put back" : "note as it was");
		ui_message(ui, 0, *note != '\0' ? "Note saved (only you and "
		    "your team see it)." : "Note removed.");
	}
	item_clear(&it);
	ui_after_change(ui);
}

/* The keys of the kind menu, in the order of enum classify_kind. */
static const char ui_kind_keys[CLASSIFY_KIND_COUNT + 1] = "oqcps";

/*
 * Answer of the kind menu: the owner says what the message is, for its
 * whole conversation; no classifier or rule changes it after that.
 */
static void
ui_kind_chosen(struct ui *ui, const char *key)
{
	struct item		 it;
	struct store_conv	 c;
	const char		*k;
	char			*cause = NULL;
	size_t			 i;
	int			 kind, rc;

	if (key == NULL || (k = strchr(ui_kind_keys, *key)) == NULL ||
	    *key == '\0' || ui_act_item(ui, &it) != 0)
		return;
	kind = (int)(k - ui_kind_keys);
	ui_undo_push(ui, &it, 1);
	memset(&c, 0, sizeof c);
	rc = store_conv_get(ui->ctx.store, it.id, &c, &cause);
	if (rc == 0)
		rc = store_begin(ui->ctx.store, &cause);
	for (i = 0; rc == 0 && i < c.n; i++)
		rc = store_item_sort(ui->ctx.store, c.ids[i], kind,
		    (int)classify_kind_reply((enum classify_kind)kind),
		    kind == CLASSIFY_COMPLAINT ? 1 : 0,
		    KIND_BY_OWNER, &cause);
	if (rc == 0 && c.n > 0)
		rc = store_commit(ui->ctx.store, &cause);
	else if (c.n > 0)
		store_rollback(ui->ctx.store);
	if (rc != 0) {
		ui_undo_drop(ui);
		ui_message(ui, 1, "Not changed: %s", cause);
		free(cause);
	} else {
		ui_undo_says(ui, "%s again", it.ckind >= 0 ?
		    classify_kind_name(it.ckind) : "not sorted");
		ui_message(ui, 0, "%s: %s from now on%s. u undoes it.",
		    it.author_name != NULL ? it.author_name : "The message",
		    classify_kind_name(kind), kind == CLASSIFY_SPAM ?
		    ", in the Spam view" : "");
	}
	store_conv_clear(&c);
	item_clear(&it);
	ui_after_change(ui);
}

/* Ask what a message is (its conversation's kind). */
static void
ui_kind(struct ui *ui, const struct item *it)
{
	if (it->own) {
		ui_message(ui, 1, "Your own replies have no kind.");
		return;
	}
	ui->act_item = it->id;
	ui_ask_choice(ui, "What is it?", "c  a complaint: answer it first\n"
	    "q  a question or a request\n"
	    "p  praise or thanks: no reply needed?\n"
	    "s  spam or a scam: into the Spam view\n"
	    "o  something else\n\n"
	    "Your word stands: heed never changes it.", "cqpso",
	    ui_kind_chosen);
}

/*
 * Mark done every conversation of the "no reply needed?" lane at once:
 * thanks and praise that ask nothing. u puts them all back.
 */
static void
ui_done_lane(struct ui *ui)
{
	struct item_list	 l;
	struct ui_undo_entry	*e;
	char			*cause = NULL;
	size_t			 i;
	int			 rc;

	memset(&l, 0, sizeof l);
	if (store_lane_items(ui->ctx.store, LANE_NO_REPLY, -1, &l,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (l.n == 0) {
		ui_message(ui, 0, "Nothing waits in the \"no reply needed?\" "
		    "lane.");
		item_list_free(&l);
		return;
	}
	ui_undo_push(ui, &l.v[0], 0);
	e = &ui->undo->e[ui->undo->n - 1];
	for (i = 1; i < l.n; i++)
		ui_undo_add(e, &l.v[i]);
	rc = store_begin(ui->ctx.store, &cause);
	for (i = 0; rc == 0 && i < l.n; i++)
		rc = store_set_status(ui->ctx.store, l.v[i].id, STATUS_DONE, 0,
		    &cause);
	if (rc == 0)
		rc = store_commit(ui->ctx.store, &cause);
	else
		store_rollback(ui->ctx.store);
	if (rc != 0) {
		ui_undo_drop(ui);
		ui_message(ui, 1, "Not marked done: %s", cause);
		free(cause);
	} else {
		free(e->says);
		e->says = xprintf("%zu message%s that asked nothing back in "
		    "the inbox", l.n, l.n == 1 ? "" : "s");
		ui_message(ui, 0, "Done: %zu message%s that asked nothing. u "
		    "undoes it.", l.n, l.n == 1 ? "" : "s");
	}
	item_list_free(&l);
	ui_after_change(ui);
}

/*
 * Once the first frame is up, sort what the cache holds unsorted (an
 * older heed's cache, a sync cut short): the rows move to their lanes at
 * the next frame. Sync sorts what it brings itself.
 */
void
ui_action_sort_rest(struct ui *ui)
{
	char	*cause = NULL;
	size_t	 n = 0;

	if (sorting_run(ui->ctx.store, ui->ctx.cfg, util_now(), &n,
	    &cause) != 0) {
		ui_message(ui, 1, "Sorting the inbox: %s", cause);
		free(cause);
		return;
	}
	if (n > 0) {
		ui_refresh_counts(ui);
		ui_screen_reload(ui);
		ui->dirty = 1;
	}
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

/* Ask before hiding or unhiding, saying who will see what. */
static void
ui_hide(struct ui *ui, struct item *it, const struct platform_ops *ops)
{
	char	*body;

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
		    "longer does. You can unhide it later with h. This is "
		    "logged.\n\ny: hide it    n or Esc: keep it visible",
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
	    "everyone, %s included.%s\n\ny: go on    n or Esc: keep it",
	    it->own ? "reply" : "comment", it->author_name, ops->label,
	    it->own ? "the customer" : it->author_name,
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
	const char	*browser = config_str(ui->ctx.cfg, NULL, OPT_BROWSER);
	pid_t		 pid;
	int		 fd;

	if (it->permalink == NULL || (strncmp(it->permalink, "https://", 8) !=
	    0 && strncmp(it->permalink, "http://", 7) != 0)) {
		ui_message(ui, 1, "This item has no web link.");
		return;
	}
	if (*browser == '\0' && ((browser = getenv("BROWSER")) == NULL ||
	    *browser == '\0'))
		browser = "xdg-open";
	if ((pid = fork()) == 0) {
		/* A grandchild runs the browser so that no zombie is left. */
		if (fork() != 0)
			_exit(0);
		setsid();
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", browser,
		    it->permalink, (char *)NULL);
		_exit(127);
	}
	if (pid == -1) {
		ui_message(ui, 1, "The browser could not be started: %s",
		    strerror(errno));
		return;
	}
	waitpid(pid, NULL, 0);
	ui_message(ui, 0, "Opening %s", it->permalink);
}

/*
 * Run an action, on the item when it needs one. Returns 1 when the
 * screen should reload its rows.
 */
int
ui_action_item(struct ui *ui, int action, struct item *it)
{
	const struct platform_ops	*ops;

	switch (action) {
	case ACT_NONE:
		return 0;
	case ACT_UNDO:
		ui_action_undo(ui, it);
		return 1;
	case ACT_DONE_LANE:
		ui_done_lane(ui);
		return 0;
	case ACT_SYNC:
		ui_sync_now(ui);
		return 0;
	case ACT_OUTBOX:
		ui_outbox_open(ui);
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
		ui_done(ui, it);
		return 1;
	case ACT_KIND:
		ui_kind(ui, it);
		return 0;
	case ACT_SNOOZE:
		ui_snooze(ui, it);
		return 0;
	case ACT_FLAG:
		ui_flag(ui, it);
		return 1;
	case ACT_NOTE:
		ui->act_item = it->id;
		ui_ask_line(ui, "Note (never sent):", it->note,
		    ui_note_written);
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

/* Snooze an item until a typed time (the command "snooze TIME"). */
void
ui_action_snooze(struct ui *ui, const struct item *it, const char *when)
{
	ui->act_item = it->id;
	ui_snooze_typed(ui, when);
}
