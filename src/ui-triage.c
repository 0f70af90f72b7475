/*
 * ui-triage.c -- what the user does to conversations inside heed, never
 * in public: mark done, snooze, flag, note, say what a message is (its
 * kind) and tag. Each acts on the selected conversation up to the newest
 * message the user saw (act_upto), or on every conversation marked on
 * the queue (act_marks): the change to all of them is one transaction,
 * and u takes it back as one (ui-undo.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classify.h"
#include "config.h"
#include "rules.h"
#include "sorting.h"
#include "ui-private.h"
#include "util.h"

/* A change to one conversation (or one own item) of those acted on. */
typedef int	(*ui_change_cb)(struct ui *, const struct item *, int64_t,
		    const void *, char **);

/* Reload whichever screen is up after a change made from a prompt. */
static void
ui_after_change(struct ui *ui)
{
	ui_refresh_counts(ui);
	ui_screen_reload(ui);
}

/* Forget the marked conversations an action was about. */
void
ui_targets_clear(struct ui *ui)
{
	free(ui->act_marks);
	ui->act_marks = NULL;
	ui->nact_marks = 0;
}

/*
 * Make a change to what the action is about: the conversation of
 * act_item up to act_upto, or each marked one, all in one transaction
 * and one undo entry. 0, or -1 with *cause and nothing changed. Once the
 * marked rows are changed, their marks go.
 */
static int
ui_change(struct ui *ui, ui_change_cb fn, const void *arg, char **cause)
{
	struct ui_target	 one = { ui->act_item, ui->act_upto }, *t = &one;
	struct ui_screen	*s;
	struct item		 it;
	size_t			 n = 1, i;
	int			 rc;

	if (ui->nact_marks > 0) {
		t = ui->act_marks;
		n = ui->nact_marks;
	}
	if (store_begin(ui->ctx.store, cause) != 0)
		return -1;
	ui_undo_begin(ui);
	for (i = 0, rc = 0; rc == 0 && i < n; i++) {
		if ((rc = store_item_get(ui->ctx.store, t[i].id, &it,
		    cause)) != 0)
			break;
		ui_undo_add(ui, &it, 1);
		rc = fn(ui, &it, t[i].upto, arg, cause);
		item_clear(&it);
	}
	if (rc == 0)
		rc = store_commit(ui->ctx.store, cause);
	else
		store_rollback(ui->ctx.store);
	if (rc != 0) {
		ui_undo_drop(ui);
		return -1;
	}
	if (ui->nact_marks > 0) {
		ui_targets_clear(ui);
		s = ui_screen_main(ui);
		if (s->ops->unmark != NULL)
			s->ops->unmark(ui, s->data);
	}
	return 0;
}

/*
 * Say how many a change was about, after its first word: nothing for one
 * message, " (3 messages)" for one conversation, ": 4 conversations (9
 * messages)" for the marked ones.
 */
static const char *
ui_change_size(struct ui *ui, char *buf, size_t len)
{
	size_t	convs, msgs;

	ui_undo_size(ui, &convs, &msgs);
	if (convs > 1)
		snprintf(buf, len, ": %zu conversations (%zu messages)", convs,
		    msgs);
	else if (msgs > 1)
		snprintf(buf, len, " (%zu messages)", msgs);
	else
		*buf = '\0';
	return buf;
}

/* Set the status of a conversation (or an own item) up to upto. */
static int
ui_change_status(struct ui *ui, const struct item *it, int64_t upto,
    const void *arg, char **cause)
{
	const int64_t	*v = arg;	/* status, until */

	if (it->own)
		return store_set_status(ui->ctx.store, it->id, (int)v[0], v[1],
		    cause);
	return store_conv_set_status(ui->ctx.store, it->id, (int)v[0], v[1],
	    upto, cause);
}

/* Flags to set, and a note (NULL: the note stays as it is). */
struct ui_flags_change {
	int		 flags;
	const char	*note;
};

/* Set the flags (and the note) of a conversation. */
static int
ui_change_flags(struct ui *ui, const struct item *it, int64_t upto,
    const void *arg, char **cause)
{
	const struct ui_flags_change	*f = arg;

	if (it->own)
		return store_set_flags(ui->ctx.store, it->id, f->flags, f->note,
		    cause);
	return store_conv_set_flags(ui->ctx.store, it->id, f->flags, f->note,
	    upto, cause);
}

/* Mark done what the action is about, or put it back (in Done). */
void
ui_triage_done(struct ui *ui, const struct item *it)
{
	char	*cause = NULL, more[80];
	int64_t	 v[2] = { STATUS_DONE, 0 };

	if (it->status == STATUS_DONE)
		v[0] = STATUS_READ;
	ui->act_item = it->id;
	if (ui_change(ui, ui_change_status, v, &cause) != 0) {
		ui_message(ui, 1, "%s: %s", v[0] == STATUS_DONE ? "Not marked "
		    "done" : "Not put back in the inbox", cause);
		free(cause);
		return;
	}
	if (v[0] == STATUS_DONE) {
		ui_undo_says(ui, "%s", it->status == STATUS_SNOOZED ?
		    "snoozed again" : "back in the inbox");
		ui_message(ui, 0, "Done%s. u undoes it.", ui_change_size(ui,
		    more, sizeof more));
	} else {
		ui_undo_says(ui, "marked done again");
		ui_message(ui, 0, "Back in the inbox%s.", ui_change_size(ui,
		    more, sizeof more));
	}
	ui_after_change(ui);
}

/* Snooze what the prompt is about until a time. */
static void
ui_snooze_to(struct ui *ui, int64_t when)
{
	char		*cause = NULL, label[32], more[80];
	int64_t		 v[2] = { STATUS_SNOOZED, when };
	time_t		 t = (time_t)when;
	struct tm	 tm;

	if (ui_change(ui, ui_change_status, v, &cause) != 0) {
		ui_message(ui, 1, "Not snoozed: %s", cause);
		free(cause);
	} else {
		localtime_r(&t, &tm);
		strftime(label, sizeof label, "%a %d %b %H:%M", &tm);
		ui_undo_says(ui, "snooze until %s taken off", label);
		ui_message(ui, 0, "Snoozed until %s%s. u undoes it.", label,
		    ui_change_size(ui, more, sizeof more));
	}
	ui_after_change(ui);
}

/* Answer of the flag note. */
static void
ui_flag_noted(struct ui *ui, const char *note)
{
	struct ui_flags_change	 f = { ITEM_FLAG_ESCALATED, NULL };
	struct item		 it;
	char			*cause = NULL, more[80];

	if (note == NULL || ui_act_item(ui, &it) != 0)
		return;
	f.note = *note != '\0' ? note : it.note;
	if (ui_change(ui, ui_change_flags, &f, &cause) != 0) {
		ui_message(ui, 1, "Not flagged: %s", cause);
		free(cause);
	} else {
		ui_undo_says(ui, "%s", *note != '\0' && (it.note == NULL ||
		    strcmp(note, it.note) != 0) ? "flag and note removed" :
		    "flag removed");
		ui_message(ui, 0, "Flagged%s. It shows in the Flagged view.",
		    ui_change_size(ui, more, sizeof more));
	}
	item_clear(&it);
	ui_after_change(ui);
}

/* Flag what the action is about with a note, or take the flag off. */
void
ui_triage_flag(struct ui *ui, const struct item *it)
{
	struct ui_flags_change	 f = { 0, NULL };
	char			*cause = NULL, more[80];

	ui->act_item = it->id;
	if (it->flags != 0) {
		if (ui_change(ui, ui_change_flags, &f, &cause) != 0) {
			ui_message(ui, 1, "The flag is still on: %s", cause);
			free(cause);
		} else {
			ui_undo_says(ui, "flag put back");
			ui_message(ui, 0, "Flag removed%s. u undoes it.",
			    ui_change_size(ui, more, sizeof more));
		}
		ui_after_change(ui);
		return;
	}
	ui_ask_line(ui, ui->nact_marks > 0 ? "Why flag them (a note for the "
	    "team):" : "Why flag it (a note for the team):", it->note,
	    ui_flag_noted);
}

/* Answer of the note prompt: a note is about one message. */
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

/* Ask for the note of one message. */
void
ui_triage_note(struct ui *ui, const struct item *it)
{
	ui->act_item = it->id;
	ui_ask_line(ui, "Note (never sent):", it->note, ui_note_written);
}

/* The keys of the kind menu, in the order of enum classify_kind. */
static const char ui_kind_keys[CLASSIFY_KIND_COUNT + 1] = "oqcps";

/* Say what every message of a conversation is, for the owner. */
static int
ui_change_kind(struct ui *ui, const struct item *it, int64_t upto,
    const void *arg, char **cause)
{
	const int		*kind = arg;
	struct store_conv	 c;
	size_t			 i;
	int			 rc;

	(void)upto;
	if (it->own)
		return 0;
	if (store_conv_get(ui->ctx.store, it->id, &c, cause) != 0)
		return -1;
	for (i = 0, rc = 0; rc == 0 && i < c.n; i++) {
		rc = store_item_sort(ui->ctx.store, c.ids[i], *kind,
		    (int)classify_kind_reply((enum classify_kind)*kind),
		    *kind == CLASSIFY_COMPLAINT ? 1 : 0, KIND_BY_OWNER, cause);
		if (rc == 0)
			rc = store_activity_add(ui->ctx.store, c.ids[i], "kind",
			    classify_kind_name((enum classify_kind)*kind),
			    cause);
	}
	store_conv_clear(&c);
	return rc;
}

/*
 * Answer of the kind menu: the owner says what the message is, for its
 * whole conversation; no classifier or rule changes it after that.
 */
static void
ui_kind_chosen(struct ui *ui, const char *key)
{
	struct item	 it;
	const char	*k;
	char		*cause = NULL, more[80];
	int		 kind;

	if (key == NULL || *key == '\0' || (k = strchr(ui_kind_keys,
	    *key)) == NULL || ui_act_item(ui, &it) != 0)
		return;
	kind = (int)(k - ui_kind_keys);
	if (ui_change(ui, ui_change_kind, &kind, &cause) != 0) {
		ui_message(ui, 1, "Not changed: %s", cause);
		free(cause);
	} else {
		ui_undo_says(ui, "%s again", it.ckind >= 0 ?
		    classify_kind_name(it.ckind) : "not sorted");
		ui_change_size(ui, more, sizeof more);
		if (*more == ':')
			ui_message(ui, 0, "%c%s from now on%s. u undoes it.",
			    classify_kind_name(kind)[0] - 'a' + 'A',
			    classify_kind_name(kind) + 1, more);
		else
			ui_message(ui, 0, "%s: %s from now on%s. u undoes it.",
			    it.author_name != NULL ? it.author_name :
			    "The message", classify_kind_name(kind),
			    kind == CLASSIFY_SPAM ? ", in the Spam view" : "");
	}
	item_clear(&it);
	ui_after_change(ui);
}

/* Ask what a message is (its conversation's kind). */
void
ui_triage_kind(struct ui *ui, const struct item *it)
{
	if (it->own) {
		ui_message(ui, 1, "Your own replies have no kind.");
		return;
	}
	ui->act_item = it->id;
	ui_ask_choice(ui, ui->nact_marks > 0 ? "What are they?" :
	    "What is it?", "c  a complaint: answer it first\n"
	    "q  a question or a request\n"
	    "p  praise or thanks: no reply needed?\n"
	    "s  spam or a scam: into the Spam view\n"
	    "o  something else\n\n"
	    "Your word stands: heed never changes it.", "cqpso",
	    ui_kind_chosen);
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
void
ui_triage_snooze_typed(struct ui *ui, const char *answer)
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
		    "09:00):", NULL, ui_triage_snooze_typed);
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
void
ui_triage_snooze(struct ui *ui, const struct item *it)
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
	ui_ask_choice(ui, ui->nact_marks > 0 ? "Snooze the marked" : "Snooze",
	    body.data, keys.data, ui_snooze_chosen);
	buf_free(&body);
	buf_free(&keys);
}

/*
 * Mark done every conversation of the "no reply needed?" lane at once:
 * thanks and praise that ask nothing. u puts them all back.
 */
void
ui_triage_done_lane(struct ui *ui)
{
	struct item_list	 l;
	char			*cause = NULL, *says;
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
	ui_undo_begin(ui);
	for (i = 0; i < l.n; i++)
		ui_undo_add(ui, &l.v[i], 0);
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
		says = xprintf("%zu message%s that asked nothing back in the "
		    "inbox", l.n, l.n == 1 ? "" : "s");
		ui_undo_set_says(ui, says);
		free(says);
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

/* Tags to put on (each word) and to take off (each -word). */
struct ui_tags_change {
	char	**on;
	size_t	  non;
	char	**off;
	size_t	  noff;
};

/* Put a tag on a conversation (or an own item) or take it off. */
static int
ui_tag_one(struct ui *ui, const struct item *it, const char *tag, int on,
    int64_t upto, char **cause)
{
	if (it->own)
		return store_set_tag(ui->ctx.store, it->id, tag, on, NULL,
		    cause);
	return store_conv_set_tag(ui->ctx.store, it->id, tag, on, upto,
	    cause);
}

/* Put tags on a conversation and take others off. */
static int
ui_change_tags(struct ui *ui, const struct item *it, int64_t upto,
    const void *arg, char **cause)
{
	const struct ui_tags_change	*t = arg;
	size_t				 i;
	int				 rc = 0;

	for (i = 0; rc == 0 && i < t->non; i++)
		rc = ui_tag_one(ui, it, t->on[i], 1, upto, cause);
	for (i = 0; rc == 0 && i < t->noff; i++)
		rc = ui_tag_one(ui, it, t->off[i], 0, upto, cause);
	return rc;
}

/*
 * Read what was typed at the tag prompt into t: words to put on, -words
 * to take off. 0, or -1 with *cause naming the word that is no tag.
 */
static int
ui_tags_parse(char *line, struct ui_tags_change *t, char **cause)
{
	char	*p, *word, *name;

	memset(t, 0, sizeof *t);
	for (p = line; (word = strsep(&p, " \t,")) != NULL;) {
		if (*word == '\0')
			continue;
		name = *word == '-' ? word + 1 : word;
		if (!rule_tag_valid(name))
			return util_fail(cause, "\"%s\" is not a tag: one word "
			    "of letters, digits, - and _, up to 32 bytes", word);
		if (*word == '-') {
			t->off = xreallocarray(t->off, t->noff + 1,
			    sizeof *t->off);
			t->off[t->noff++] = name;
		} else {
			t->on = xreallocarray(t->on, t->non + 1, sizeof *t->on);
			t->on[t->non++] = name;
		}
	}
	return 0;
}

/* Join words with commas into b. */
static void
ui_tags_join(struct buf *b, char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i > 0 ? ", " : "", v[i]);
}

/* Say what a change of tags did, and what u would do. */
static void
ui_tags_say(struct ui *ui, const struct ui_tags_change *t)
{
	struct buf	b, u;
	char		more[80];

	buf_init(&b, 0);
	buf_init(&u, 0);
	if (t->non > 0) {
		buf_addstr(&b, "Tagged ");
		ui_tags_join(&b, t->on, t->non);
		ui_tags_join(&u, t->on, t->non);
		buf_addstr(&u, " taken off");
	}
	if (t->noff > 0) {
		buf_addstr(&b, t->non > 0 ? "; took off " : "Took off ");
		ui_tags_join(&b, t->off, t->noff);
		buf_addstr(&u, t->non > 0 ? "; " : "");
		ui_tags_join(&u, t->off, t->noff);
		buf_addstr(&u, " put back");
	}
	ui_undo_says(ui, "%s", u.data);
	ui_message(ui, 0, "%s%s. u undoes it.", b.data, ui_change_size(ui,
	    more, sizeof more));
	buf_free(&b);
	buf_free(&u);
}

/* Answer of the tag prompt. */
static void
ui_tag_entered(struct ui *ui, const char *answer)
{
	struct ui_tags_change	 t;
	char			*copy, *cause = NULL;

	if (answer == NULL)
		return;
	copy = xstrdup(answer);
	if (ui_tags_parse(copy, &t, &cause) != 0) {
		ui_message(ui, 1, "Nothing tagged: %s", cause);
		free(cause);
	} else if (t.non + t.noff == 0)
		ui_message(ui, 0, "No tag given: nothing changed.");
	else if (ui_change(ui, ui_change_tags, &t, &cause) != 0) {
		ui_message(ui, 1, "Not tagged: %s", cause);
		free(cause);
	} else {
		ui_tags_say(ui, &t);
	}
	free(t.on);
	free(t.off);
	free(copy);
	ui_after_change(ui);
}

/* Tab at the tag prompt: complete the last word from the tags in use. */
static void
ui_tag_complete(struct ui *ui)
{
	struct store_tag_name	 *names;
	const char		**v;
	char			 *line, *word, *done, *text;
	size_t			  n, i;
	int			  minus;

	if (store_tag_names(ui->ctx.store, &names, &n, NULL) != 0)
		return;
	line = xstrdup(ui->prompt.ed.text);
	word = strrchr(line, ' ');
	word = word != NULL ? word + 1 : line;
	minus = *word == '-';
	v = xreallocarray(NULL, n + 1, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = names[i].name;
	if (n == 0) {
		free(ui->prompt.body);
		ui->prompt.body = xstrdup("no tags yet: type one");
	} else if ((done = ui_complete_word(ui, word + minus, v,
	    n)) != NULL) {
		*word = '\0';
		text = xprintf("%s%s%s%s", line, minus ? "-" : "", done,
		    ui->prompt.body == NULL ? " " : "");
		edit_set(&ui->prompt.ed, text);
		free(text);
		free(done);
	}
	free(v);
	free(line);
	store_tag_names_free(names, n);
}

/* Ask which tags to put on (or, -name, to take off). */
void
ui_triage_tag(struct ui *ui, const struct item *it)
{
	char	*label;

	ui->act_item = it->id;
	label = xprintf("Tag%s (Tab completes; -name takes one off)%s%s:",
	    ui->nact_marks > 0 ? " the marked" : "", it->tags != NULL &&
	    ui->nact_marks == 0 ? "; now " : "", it->tags != NULL &&
	    ui->nact_marks == 0 ? it->tags : "");
	ui_ask_line(ui, label, NULL, ui_tag_entered);
	ui->prompt.complete = ui_tag_complete;
	free(label);
}
