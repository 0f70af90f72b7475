/*
 * ui-queue-row.c -- how the queue draws its rows: platform, author, the
 * waiting time coloured against the response target, the mark columns
 * (what it is, new or own, flagged or answered, what else it has), the
 * count of a conversation's messages, its tags and its newest text; a
 * row marked for an action on several at once stands out. Also what the
 * screen says in place of rows, and why the selected row is where it is.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "platform.h"
#include "text.h"
#include "ui-private.h"
#include "ui-queue-private.h"
#include "util.h"

/*
 * Colour a wait since first against its account's target, on its clock
 * (in opening hours, where the account has them).
 */
static int
ui_wait_attr(struct ui *ui, int64_t account, int64_t first)
{
	int64_t	target;

	if (!ui->clock_ok) {
		target = config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET);
		if (ui->now - first > target)
			return ui_attr(ui, PAIR_LATE, A_BOLD);
		if (ui->now - first > target / 2)
			return ui_attr(ui, PAIR_WARN, 0);
		return ui_attr(ui, PAIR_OK, 0);
	}
	/* Walk the hours only as far as the target, however old the row. */
	target = clock_target(&ui->clock, account);
	if (clock_reached(&ui->clock, account, first, ui->now, target))
		return ui_attr(ui, PAIR_LATE, A_BOLD);
	if (clock_reached(&ui->clock, account, first, ui->now, target / 2))
		return ui_attr(ui, PAIR_WARN, 0);
	return ui_attr(ui, PAIR_OK, 0);
}

/*
 * The marks of a row, in three columns: the first says whether it is new
 * or the business's own, the second whether it is flagged or answered,
 * the third what else it has. The help and the legend say them from this
 * table, so that they say what the rows show.
 */
enum ui_queue_mark {
	MARK_COMPLAINT, MARK_QUESTION, MARK_PRAISE, MARK_SPAM, MARK_NEW,
	MARK_OWN, MARK_FLAGGED, MARK_REPLIED, MARK_DRAFT, MARK_NOTE,
	MARK_HIDDEN, MARK_DELETED
};
const struct ui_mark ui_queue_marks[] = {
	[MARK_COMPLAINT] = { 'C', "complaint", "a complaint: answer it first" },
	[MARK_QUESTION] = { '?', "question", "a question or a request" },
	[MARK_PRAISE] = { '+', "praise", "praise or thanks: no reply needed?" },
	[MARK_SPAM] = { 'S', "spam", "spam or a scam: do not follow its links" },
	[MARK_NEW] = { '*', "new", "new: not opened yet" },
	[MARK_OWN] = { '>', "your reply", "one of your own replies" },
	[MARK_FLAGGED] = { '!', "flagged", "flagged" },
	[MARK_REPLIED] = { 'r', "answered", "answered by you" },
	[MARK_DRAFT] = { 'd', "draft", "a draft of a reply is waiting" },
	[MARK_NOTE] = { 'n', "note", "an internal note" },
	[MARK_HIDDEN] = { 'h', "hidden", "hidden on the platform" },
	[MARK_DELETED] = { 'x', "deleted", "deleted on the platform" },
	{ 0, NULL, NULL }
};

/*
 * Fill the four mark columns of a row: what it is (the kind), then new or
 * own, flagged or answered, and what else it has.
 */
static void
ui_queue_flags(const struct item *it, char flags[5])
{
	const struct ui_mark	*m = ui_queue_marks;

	switch (it->ckind) {
	case CLASSIFY_COMPLAINT:
		*flags++ = m[MARK_COMPLAINT].mark;
		break;
	case CLASSIFY_QUESTION:
		*flags++ = m[MARK_QUESTION].mark;
		break;
	case CLASSIFY_PRAISE:
		*flags++ = m[MARK_PRAISE].mark;
		break;
	case CLASSIFY_SPAM:
		*flags++ = m[MARK_SPAM].mark;
		break;
	default:
		*flags++ = ' ';
		break;
	}
	flags[0] = it->own ? m[MARK_OWN].mark : it->status == STATUS_NEW ?
	    m[MARK_NEW].mark : ' ';
	flags[1] = it->flags != 0 ? m[MARK_FLAGGED].mark : it->replied ?
	    m[MARK_REPLIED].mark : ' ';
	flags[2] = it->has_draft ? m[MARK_DRAFT].mark : it->note != NULL ?
	    m[MARK_NOTE].mark : it->hidden ? m[MARK_HIDDEN].mark :
	    it->deleted ? m[MARK_DELETED].mark : ' ';
	flags[3] = '\0';
}

/* Say on the message line what each mark of a row means. */
void
ui_queue_legend(struct ui *ui)
{
	struct buf		 b;
	const struct ui_mark	*m;

	buf_init(&b, 0);
	buf_addstr(&b, "Marks:");
	for (m = ui_queue_marks; m->mark != 0; m++)
		buf_printf(&b, "%s%c %s", m == ui_queue_marks ? " " : "  ",
		    m->mark, m->word);
	ui_message(ui, 0, "%s", b.data);
	buf_free(&b);
}

/*
 * The width of the column that says when a row is due: "in 3h59m", or in
 * a window of UI_DUE_WORDS_COLS columns or more, "due in 3h59m".
 */
#define UI_DUE_WIDTH		8
#define UI_DUE_WORDS_WIDTH	12
#define UI_DUE_WORDS_COLS	100

/* How wide the due column is in this window. */
static int
ui_queue_due_width(const struct ui *ui)
{
	return ui->cols >= UI_DUE_WORDS_COLS ? UI_DUE_WORDS_WIDTH :
	    UI_DUE_WIDTH;
}

/*
 * Whether the rows say when each is due: in the views of what waits for
 * an answer, in a window wide enough to spare the column.
 */
static int
ui_queue_due_shown(const struct ui_queue *q)
{
	return q->ui->clock_ok && q->ui->cols >= 80 &&
	    (q->search != NULL || q->view == VIEW_INBOX ||
	    q->view == VIEW_FLAGGED || q->view == VIEW_ALL);
}

/*
 * Draw when a row waiting since first is due at column x: "(due) in 40m"
 * in the colour of its wait, or how far past the target it is.
 */
static void
ui_queue_due(struct ui *ui, const struct item *it, int64_t first,
    int selected, int base, int y, int x)
{
	char	due[32];

	clock_say_due(&ui->clock, it->account_id, first, ui->now,
	    ui_queue_due_width(ui) == UI_DUE_WORDS_WIDTH, due, sizeof due);
	attrset(selected ? base : ui_wait_attr(ui, it->account_id, first));
	ui_draw_text(y, x, due, ui_queue_due_width(ui));
	attrset(base);
}

/*
 * Draw the waiting time and the marks of a row at column x; return the
 * column after them.
 */
static int
ui_queue_age_marks(struct ui_queue *q, const struct item *it,
    const struct store_conv *c, const struct ui_list_line *ln, int base,
    int x)
{
	struct ui	*ui = q->ui;
	int64_t		 shown;
	char		 age[16], cell[24], flags[5];
	int		 y = ln->y, selected = ln->selected;

	if (q->view == VIEW_SNOOZED && q->search == NULL) {
		shown = it->snooze_until - ui->now;
		util_format_age(shown > 0 ? shown : 0, age, sizeof age);
		attrset(base);
	} else {
		/* A conversation has waited since its first message. */
		shown = ui->now - (c != NULL && c->n > 0 ? c->first :
		    it->created);
		util_format_age(shown > 0 ? shown : 0, age, sizeof age);
		/* Colour says "late" only of what needs an answer. */
		if (!selected && item_waits_for_answer(it))
			attrset(ui_wait_attr(ui, it->account_id, ui->now -
			    shown));
	}
	/*
	 * The blank after the time takes its colour (a colour on a blank
	 * shows nothing): a late complaint's time and its C are then one
	 * run of the same attributes, and the terminal is sent the colour
	 * once for them, not twice (a twelfth of the bytes of a frame of
	 * late complaints, and of ncurses' work to write it).
	 */
	snprintf(cell, sizeof cell, "%5s ", age);
	mvaddstr(y, x, cell);
	x += 6;
	ui_queue_flags(it, flags);
	attrset(base | (it->flags != 0 && !selected ?
	    ui_attr(ui, PAIR_FLAG, A_BOLD) : 0));
	mvaddstr(y, x, flags);
	if (!selected && (it->ckind == CLASSIFY_COMPLAINT ||
	    it->ckind == CLASSIFY_SPAM)) {
		/* What to answer first, and what not to trust, stand out. */
		attrset(ui_attr(ui, PAIR_LATE, A_BOLD));
		mvaddch(y, x, (chtype)(unsigned char)flags[0]);
	}
	x += 5;
	if (ui_queue_due_shown(q)) {
		if (item_waits_for_answer(it))
			ui_queue_due(ui, it, ui->now - shown, selected, base,
			    y, x);
		x += ui_queue_due_width(ui) + 1;
	}
	return x;
}

/*
 * Draw a row's tags at column x ("#refunds #late"), in at most a third of
 * what is left of the line; return the column after them.
 */
static int
ui_queue_tags(struct ui *ui, const char *tags, int selected, int base,
    int y, int x)
{
	struct buf	 b;
	const char	*p;
	char		*clean;
	size_t		 room = (size_t)(ui->cols - x) / 3, w;

	buf_init(&b, 0);
	for (p = tags; *p != '\0'; p++) {
		if (p == tags || p[-1] == ' ')
			buf_addch(&b, '#');
		buf_addch(&b, *p);
	}
	/* Checked when written, but the cache is a file anyone can edit. */
	clean = text_sanitize_line(b.data, b.len);
	buf_free(&b);
	w = text_width(clean);
	if (w > room)
		w = room;
	attrset(selected ? base : ui_attr(ui, PAIR_TAG, A_BOLD));
	ui_draw_text(y, x, clean, w);
	attrset(base);
	free(clean);
	return x + (int)w + 1;
}

/* Draw one row of the queue (the list's callback). */
void
ui_queue_row(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_queue			*q = arg;
	const struct item		*it = &q->items.v[ln->row];
	const struct store_conv		*c = NULL;
	const struct platform_ops	*ops = ui_platform(ui, it);
	char				 cell[24], *line, *cw = NULL;
	const char			*who, *text = it->text;
	const char			*warning = it->warning;
	int				 base, x = 0, y = ln->y;
	int				 selected = ln->selected, aw;

	if (q->convs.n == q->items.n)
		c = &q->convs.v[ln->row];
	/* The author's column: wider in a wider window. */
	aw = ui->cols >= 110 ? 22 : ui->cols >= 80 ? 16 : ui->cols >= 60 ?
	    12 : 8;
	base = selected ? ui_attr(ui, PAIR_SELECTED, A_BOLD) : (int)A_NORMAL;
	attrset(base);
	/* Other rows stand on the blank line that ui_paint's erase left. */
	if (selected)
		ui_draw_fill(y, 0, ui->cols);
	if (ln->marked) {
		/* Marked for an action on several rows at once. */
		attrset(selected ? base : ui_attr(ui, PAIR_FLAG, A_BOLD));
		mvaddstr(y, 0, "\u2022");
	}
	if (!selected)
		attrset(ui_attr(ui, PAIR_TAG, 0));
	ui_draw_text(y, x + 1, ops != NULL ? ops->tag : "??", 2);
	x += 4;
	if (ln->marked && !selected)
		base |= A_BOLD;
	attrset(base | (it->own && !selected ? ui_attr(ui, PAIR_OWN, 0) : 0));
	who = it->author_name != NULL && *it->author_name != '\0' ?
	    it->author_name : it->author_handle != NULL ?
	    it->author_handle : "?";
	ui_draw_text(y, x, who, (size_t)aw);
	x += aw + 1;
	x = ui_queue_age_marks(q, it, c, ln, base, x);
	attrset(base);
	if (c != NULL && c->n > 1 && x + 4 < ui->cols) {
		/* A conversation: how many messages, then the newest. */
		snprintf(cell, sizeof cell, "%zu", c->n);
		if (!selected)
			attrset(ui_attr(ui, PAIR_DIM, A_BOLD));
		mvaddstr(y, x, cell);
		x += (int)strlen(cell) + 1;
		attrset(base);
		text = c->text;
		warning = c->warning;
	}
	/* What a content warning warns about is opened on purpose. */
	if (warning != NULL && !(it->deleted && text == it->text))
		text = cw = xprintf("CW: %s", warning);
	if (it->tags != NULL && x + 12 < ui->cols)
		x = ui_queue_tags(ui, it->tags, selected, base, y, x);
	if (x < ui->cols) {
		/* Cut to the width already: no need to measure it again. */
		line = text_first_line(it->deleted && text == it->text ?
		    "(deleted on the platform)" : text != NULL ? text : "",
		    (size_t)(ui->cols - x));
		mvaddstr(y, x, line);
		free(line);
	}
	free(cw);
	attrset(A_NORMAL);
}

/* Say, in place of the rows, that the cache could not give them. */
static void
ui_queue_failed(struct ui_queue *q)
{
	static const char *const names[VIEW_COUNT] = {
		"inbox", "flagged view", "snoozed view", "done view",
		"all view", "spam view"
	};
	struct ui	*ui = q->ui;
	const char	*name = q->search != NULL ? "search" : names[q->view];
	char		*what;

	what = xprintf("The %s could not be read from the cache, so heed "
	    "cannot show it: %s.\n\nThis is not an empty %s. heed doctor "
	    "checks the cache and says what to do; heed reads it again at the "
	    "next key or sync.", name, q->error, name);
	attrset(ui_attr(ui, PAIR_LATE, A_BOLD));
	ui_draw_wrapped(2, 2, what, (size_t)ui->cols - 4, ui->rows - 2);
	attrset(A_NORMAL);
	free(what);
}

/* Say why the view is empty, plainly. */
void
ui_queue_empty(struct ui_queue *q)
{
	struct ui	*ui = q->ui;
	const char	*what, *saved = NULL, *error;
	enum store_view	 from;
	char		*said = NULL;

	if (q->error != NULL) {
		ui_queue_failed(q);
		return;
	}
	if (q->search == NULL && q->place >= VIEW_COUNT)
		ui_view_of(ui, q->place, &from, &saved, &error);
	if (q->search != NULL)
		what = "Nothing matches this search. q leaves the search.";
	else if (q->filter_text != NULL)
		what = "Nothing in this view matches the filter. \\ then Enter "
		    "on an empty line clears it.";
	else if (saved != NULL)
		what = said = xprintf("Nothing in %s (%s) now. Tab goes to "
		    "the next view.", ui_view_title(ui, q->place), saved);
	else if (ui->counts.view[VIEW_ALL] == 0 &&
	    ui->ctx.cfg->naccounts == 0)
		what = "No accounts yet: add an [account NAME] section to the "
		    "config (see heed.conf(5)), or try heed --demo.";
	else if (ui->counts.view[VIEW_ALL] == 0)
		what = "Nothing in the cache yet: the first sync fills it "
		    "(the status bar shows how it goes).";
	else if (q->view == VIEW_INBOX)
		what = "Inbox zero: nobody is waiting for an answer.";
	else
		what = "Nothing here.";
	attrset(ui_attr(ui, PAIR_DIM, 0));
	ui_draw_wrapped(2, 2, what, (size_t)ui->cols - 4, ui->rows - 2);
	attrset(A_NORMAL);
	free(said);
}

/*
 * Say in the status bar why the selected row is where it is: what it is,
 * whether it needs an answer, what gave it away, and who said so.
 */
void
ui_queue_why(struct ui_queue *q)
{
	static const char *const needs[] = {
		[CLASSIFY_REPLY_NO] = "no reply needed?",
		[CLASSIFY_REPLY_UNCLEAR] = "may need an answer",
		[CLASSIFY_REPLY_YES] = "needs an answer"
	};
	struct ui			*ui = q->ui;
	const struct item		*it;
	struct classify_result		 res;
	struct classify_signals		 sig;
	const char			*need;

	if (q->search != NULL || q->items.n == 0)
		return;
	it = &q->items.v[q->list.sel];
	if (it->own || it->ckind < 0 || it->creply < 0 ||
	    it->creply >= (int)nitems(needs)) {
		snprintf(ui->bar_why, sizeof ui->bar_why, "not sorted yet");
		return;
	}
	need = it->lane == LANE_SPAM ? "do not follow its links" :
	    it->urgency >= 3 ? "answer it first" : needs[it->creply];
	if (it->kind_by == KIND_BY_CLASSIFIER && ui->painted) {
		/*
		 * The reasons are the classifier's: read them again (not for
		 * the first frame, which comes before its tables are built).
		 */
		memset(&sig, 0, sizeof sig);
		sig.lang = it->lang;
		sig.author_name = it->author_name;
		classify_text(it->text != NULL ? it->text : "", &sig, &res);
		snprintf(ui->bar_why, sizeof ui->bar_why, "%s; %s",
		    res.kind == (enum classify_kind)it->ckind && *res.why !=
		    '\0' ? res.why : classify_kind_name(it->ckind), need);
	} else if (it->kind_by == KIND_BY_CLASSIFIER)
		snprintf(ui->bar_why, sizeof ui->bar_why, "%s; %s",
		    classify_kind_name(it->ckind), need);
	else
		snprintf(ui->bar_why, sizeof ui->bar_why, "%s; %s (%s)",
		    classify_kind_name(it->ckind), need, it->kind_by ==
		    KIND_BY_OWNER ? "you said so" : "a rule said so");
}

