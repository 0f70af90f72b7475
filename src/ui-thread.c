/*
 * ui-thread.c -- the thread screen: the post, then the comments as a tree,
 * the business's replies marked, the selected item highlighted, long text
 * wrapped by display width and scrollable.
 */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "platform.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

#define UI_THREAD_MAX_INDENT	6
#define UI_THREAD_MAX_WIDTH	100	/* text wider than this is hard to read */
#define UI_THREAD_FRESH		(15 * 60)	/* a reply that left lately */

/* One drawn line of the thread. */
struct ui_tline {
	char	*text;
	size_t	 item;		/* index into thread items; SIZE_MAX: post */
	int	 indent;
	int	 header;	/* the author line of an item */
	int	 clock;		/* says the wait: 1 due, 2 past the target */
	int64_t	 leaves;	/* a reply waiting out its send delay
				   leaves then (the text is its start) */
};

/* The thread screen's own state. */
struct ui_thread {
	struct ui		*ui;
	int64_t			 id;		/* the item it was opened on */
	struct store_thread	 th;
	int			 have;		/* th holds a thread */
	struct ui_tline		*lines;
	size_t			 nlines;
	struct ui_list		 list;		/* the items on the screen */
	int			 lines_cols;	/* the width laid out for */
	struct store_conv	 conv;		/* of the item opened on */
	struct outbox_entry	*ob;		/* the outbox, for the replies
						   waiting out their delay */
	size_t			 nob;
	int64_t			*open;		/* items whose content warning
						   the owner opened */
	size_t			 nopen;
};

static const struct ui_screen_ops ui_thread_ops;
static void	ui_thread_line(struct ui *, void *,
		    const struct ui_list_line *);

/* The key of an item of the thread for its mark: its id. */
static int64_t
ui_thread_key_of(void *arg, size_t row)
{
	struct ui_thread	*t = arg;

	return t->th.items.v[row].id;
}

/* Free the laid-out lines. */
static void
ui_thread_free_lines(struct ui_thread *t)
{
	size_t	i;

	for (i = 0; i < t->nlines; i++)
		free(t->lines[i].text);
	free(t->lines);
	t->lines = NULL;
	t->nlines = 0;
}

/* Free the thread read from the cache. */
static void
ui_thread_clear(struct ui_thread *t)
{
	ui_thread_free_lines(t);
	if (t->have)
		store_thread_free(&t->th);
	t->have = 0;
	store_outbox_list_free(t->ob, t->nob);
	t->ob = NULL;
	t->nob = 0;
}

/* Add one laid-out line. */
static void
ui_thread_add(struct ui_thread *t, char *text, size_t item, int indent,
    int header)
{
	struct ui_tline	*l;

	t->lines = xreallocarray(t->lines, t->nlines + 1,
	    sizeof *t->lines);
	l = &t->lines[t->nlines++];
	l->text = text;
	l->item = item;
	l->indent = indent;
	l->header = header;
	l->clock = 0;
	l->leaves = 0;
}

/* Add a text wrapped to the width left after the indent. */
static void
ui_thread_add_text(struct ui_thread *t, const char *text, size_t item,
    int indent)
{
	struct ui	*ui = t->ui;
	char		**lines;
	size_t		  n, i, width;

	width = (size_t)ui->cols > (size_t)indent + 4 ?
	    (size_t)ui->cols - (size_t)indent - 2 : 2;
	if (width > UI_THREAD_MAX_WIDTH)
		width = UI_THREAD_MAX_WIDTH;
	n = text_wrap(text, width, &lines);
	for (i = 0; i < n; i++)
		ui_thread_add(t, lines[i], item, indent, 0);
	free(lines);
}

/*
 * Add who wrote something: the name and the handle, each once. A handle
 * is stored as it is shown (Bluesky's with its "@"), so none is added
 * here; a handle that only repeats the name (an Instagram username, a
 * Bluesky account without a display name) stands alone.
 */
static void
ui_thread_author(struct buf *b, const char *name, const char *handle)
{
	const char	*bare;

	if (handle == NULL || *handle == '\0') {
		buf_addstr(b, name != NULL && *name != '\0' ? name : "?");
		return;
	}
	bare = *handle == '@' ? handle + 1 : handle;
	if (name == NULL || *name == '\0' || strcmp(name, handle) == 0 ||
	    strcmp(name, bare) == 0) {
		buf_addstr(b, handle);
		return;
	}
	buf_printf(b, "%s %s", name, handle);
}

/*
 * The place of an item in the conversation the thread was opened on
 * (1 for its first message), or 0 if it is not in it.
 */
static size_t
ui_thread_in_conv(const struct ui_thread *t, int64_t id)
{
	size_t	i;

	for (i = 0; i < t->conv.n; i++) {
		if (t->conv.ids[i] == id)
			return i + 1;
	}
	return 0;
}

/* Add a message's tags to its header (" · #refunds #late"). */
static void
ui_thread_tags(struct buf *b, const char *tags)
{
	char	*clean, *p, *word;

	/* Checked when written, but the cache is a file anyone can edit. */
	clean = text_sanitize_line(tags, strlen(tags));
	buf_addstr(b, " ·");
	for (p = clean; (word = strsep(&p, " ")) != NULL;) {
		if (*word != '\0')
			buf_printf(b, " #%s", word);
	}
	free(clean);
}

/* The header line of an item: who, when, and its state. */
static char *
ui_thread_header(struct ui_thread *t, const struct item *it)
{
	size_t		 k;
	struct ui	*ui = t->ui;
	struct buf	 b;
	char		 age[16], when[64];
	time_t		 created = (time_t)it->created;
	struct tm	 tm;

	buf_init(&b, 0);
	util_format_age(ui->now - it->created, age, sizeof age);
	localtime_r(&created, &tm);
	/* The format is the user's own, from the config. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (strftime(when, sizeof when, config_str(ui->ctx.cfg, NULL,
	    OPT_TIME_FORMAT), &tm) == 0)
		when[0] = '\0';
#pragma GCC diagnostic pop
	if (it->own)
		buf_addstr(&b, "YOU: ");
	ui_thread_author(&b, it->author_name, it->author_handle);
	buf_printf(&b, " · %s%s · %s", age, strcmp(age, "now") ? " ago" : "",
	    when);
	if (it->lang != NULL && *it->lang != '\0')
		buf_printf(&b, " · %s", it->lang);
	if (it->hidden)
		buf_addstr(&b, " · HIDDEN");
	if (it->deleted)
		buf_addstr(&b, " · DELETED");
	if (it->liked)
		buf_addstr(&b, " · liked");
	if (it->flags != 0)
		buf_addstr(&b, " · FLAGGED");
	if (!it->own && it->status == STATUS_DONE)
		buf_addstr(&b, " · done");
	if (!it->own && it->status == STATUS_SNOOZED)
		buf_addstr(&b, " · snoozed");
	if (t->conv.n > 1 && (k = ui_thread_in_conv(t, it->id)) > 0)
		buf_printf(&b, " · conversation %zu of %zu", k, t->conv.n);
	if (it->tags != NULL)
		ui_thread_tags(&b, it->tags);
	return buf_steal(&b);
}

/* Return 1 if the thread lists an item with remote id rid. */
static int
ui_thread_lists(const struct ui_thread *t, const char *rid)
{
	size_t	i;

	for (i = 0; i < t->th.items.n; i++) {
		if (t->th.items.v[i].remote_id != NULL &&
		    strcmp(t->th.items.v[i].remote_id, rid) == 0)
			return 1;
	}
	return 0;
}

/*
 * Say what an item answers when the thread cannot show it, or NULL. The
 * reply keeps pointing at its parent; a parent heed does not hold is,
 * in the business's own thread (where every reply is read), one that was
 * deleted before heed saw it. In someone else's thread heed keeps only
 * what concerns the business, so there the parent may simply be another
 * person's post.
 */
static const char *
ui_thread_lost_parent(const struct ui_thread *t, const struct item *it)
{
	if (it->parent_remote_id == NULL || *it->parent_remote_id == '\0' ||
	    (it->post_remote_id != NULL &&
	    strcmp(it->parent_remote_id, it->post_remote_id) == 0) ||
	    (t->th.have_post && t->th.post.remote_id != NULL &&
	    strcmp(it->parent_remote_id, t->th.post.remote_id) == 0) ||
	    ui_thread_lists(t, it->parent_remote_id))
		return NULL;
	if (t->th.have_post && t->th.post.own)
		return "[answers a deleted comment]";
	return "[answers a post heed does not show]";
}

/* Lay out the post, unless an item of the thread is that post itself. */
static void
ui_thread_layout_post(struct ui_thread *t)
{
	const struct post	*p = &t->th.post;
	char			*s;

	/* A quote or a mention is the root of its own thread: once. */
	if (!t->th.have_post || (p->remote_id != NULL &&
	    ui_thread_lists(t, p->remote_id)))
		return;
	s = xprintf("POST by %s · %s", p->author_name != NULL ?
	    p->author_name : "the business", p->permalink != NULL ?
	    p->permalink : "");
	ui_thread_add(t, s, SIZE_MAX, 0, 1);
	ui_thread_add_text(t, p->text != NULL ? p->text : "", SIZE_MAX, 2);
	ui_thread_add(t, xstrdup(""), SIZE_MAX, 0, 0);
}

/*
 * Say under the first message of the conversation the thread was opened
 * on how long its customer has waited, how much of it in opening hours,
 * and when the answer is due; nothing if it waits for nothing.
 */
static void
ui_thread_clock(struct ui_thread *t, const struct item *it, size_t i,
    int indent)
{
	struct ui	*ui = t->ui;
	size_t		 from = t->nlines;
	char		*s;
	int		 over;

	if (!ui->clock_ok || t->conv.n == 0 || t->conv.ids[0] != it->id ||
	    !item_waits_for_answer(it))
		return;
	s = clock_say_wait(&ui->clock, it->account_id, t->conv.first,
	    ui->now);
	over = clock_overdue(&ui->clock, it->account_id, t->conv.first,
	    ui->now);
	ui_thread_add_text(t, s, i, indent);
	free(s);
	for (; from < t->nlines; from++)
		t->lines[from].clock = over ? 2 : 1;
}

/*
 * Under an item, the replies to it that wait out their send delay (a
 * countdown, drawn anew each second, and their start); under one of the
 * shop's own replies that left lately, that people may have seen it and
 * that D deletes it.
 */
static void
ui_thread_leaving(struct ui_thread *t, const struct item *it, size_t i,
    int indent)
{
	const struct outbox_entry	*e;
	struct ui			*ui = t->ui;
	char				*s;
	size_t				 k;

	for (k = 0; k < t->nob; k++) {
		e = &t->ob[k];
		if (e->item_id != it->id || e->state != OUTBOX_QUEUED ||
		    e->attempts != 0 || e->next_attempt <= ui->now ||
		    (e->kind != ACTION_REPLY && e->kind != ACTION_PRIVATE_REPLY))
			continue;
		s = text_first_line(e->body != NULL ? e->body : "",
		    UI_THREAD_MAX_WIDTH);
		ui_thread_add(t, s, i, indent, 0);
		t->lines[t->nlines - 1].leaves = e->next_attempt;
	}
	if (it->own && !it->deleted && ui->now - it->created < UI_THREAD_FRESH) {
		ui_thread_add(t, xstrdup("Sent lately: people may already have "
		    "seen it. D deletes it."), i, indent, 0);
		t->lines[t->nlines - 1].clock = 1;
	}
}

/* Return the index of an item among those opened past their warning. */
static size_t
ui_thread_opened(const struct ui_thread *t, int64_t id)
{
	size_t	i;

	for (i = 0; i < t->nopen; i++) {
		if (t->open[i] == id)
			return i;
	}
	return SIZE_MAX;
}

/*
 * Say an item's content warning; 1 when what it warns about stays shut
 * (the owner opens it on purpose, with the reveal key).
 */
static int
ui_thread_warning(struct ui_thread *t, const struct item *it, size_t i,
    int indent)
{
	char	keys[64];
	int	shut;

	if (it->warning == NULL || it->deleted)
		return 0;
	shut = ui_thread_opened(t, it->id) == SIZE_MAX;
	keymap_keys_of(&t->ui->ctx.cfg->keys, SCREEN_THREAD, ACT_REVEAL, keys,
	    sizeof keys);
	if (*keys == '\0')
		snprintf(keys, sizeof keys, ":reveal");
	ui_thread_add(t, xprintf("Content warning: %s  (%s %s)", it->warning,
	    keys, shut ? "shows the message" : "hides it again"), i, indent,
	    0);
	return shut;
}

/*
 * Lay out one item: its header, what it answers if the thread cannot
 * show that, its content warning, its text, what it carries (a picture,
 * a link, the post it quotes) and the business's note.
 */
static void
ui_thread_layout_item(struct ui_thread *t, size_t i)
{
	struct item	*it = &t->th.items.v[i];
	const char	*lost;
	char		*s;
	int		 indent, shut;

	indent = it->depth < UI_THREAD_MAX_INDENT ? it->depth :
	    UI_THREAD_MAX_INDENT;
	indent = indent * 2 + 2;
	ui_thread_add(t, ui_thread_header(t, it), i, indent - 2, 1);
	ui_thread_clock(t, it, i, indent);
	if ((lost = ui_thread_lost_parent(t, it)) != NULL)
		ui_thread_add(t, xstrdup(lost), i, indent, 0);
	shut = ui_thread_warning(t, it, i, indent);
	if (!shut)
		ui_thread_add_text(t, it->deleted ? "(deleted)" :
		    it->text != NULL ? it->text : "", i, indent);
	if (!shut && !it->deleted && it->attachment != NULL &&
	    *it->attachment != '\0') {
		s = xprintf("[%s]", it->attachment);
		ui_thread_add_text(t, s, i, indent);
		free(s);
	}
	if (it->note != NULL && *it->note != '\0')
		ui_thread_add(t, xprintf("[note: %s]", it->note), i, indent,
		    0);
	ui_thread_leaving(t, it, i, indent);
	ui_thread_add(t, xstrdup(""), i, indent, 0);
}

/* Rows for the thread text. */
static size_t
ui_thread_rows(const struct ui *ui)
{
	return ui->rows > 4 ? (size_t)ui->rows - 3 : 1;
}

/*
 * Lay the thread out in lines for the current width, and give the list
 * the lines of each item, under those of the post.
 */
static void
ui_thread_layout(struct ui_thread *t)
{
	struct ui	*ui = t->ui;
	size_t		 i, head = 0, *heights;

	ui_thread_free_lines(t);
	t->lines_cols = ui->cols;
	ui_thread_layout_post(t);
	head = t->nlines;
	for (i = 0; i < t->th.items.n; i++)
		ui_thread_layout_item(t, i);
	heights = xcalloc(t->th.items.n + 1, sizeof *heights);
	for (i = head; i < t->nlines; i++)
		heights[t->lines[i].item]++;
	ui_list_resize(&t->list, ui_thread_rows(ui));
	ui_list_set_rows(&t->list, t->th.items.n, head, heights);
	free(heights);
}

/* Free the thread screen. */
static void
ui_thread_free(struct ui *ui, void *data)
{
	(void)ui;
	struct ui_thread	*t = data;

	ui_thread_clear(t);
	store_conv_clear(&t->conv);
	ui_list_free(&t->list);
	free(t->open);
	free(t);
}

/*
 * Load the thread around the current item again (after a change); 0, or
 * -1 when the cache cannot give it: then say why and go back to the
 * queue (t is freed).
 */
static int
ui_thread_load(struct ui *ui, struct ui_thread *t)
{
	char			*cause = NULL;
	int64_t			 sel = t->id;

	if (t->have && t->list.sel < t->th.items.n)
		sel = t->th.items.v[t->list.sel].id;
	ui_thread_clear(t);
	if (store_thread_get(ui->ctx.store, sel, &t->th, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		ui_screen_pop(ui, t);
		return -1;
	}
	t->have = 1;
	/* What waits out its send delay is shown under what it answers. */
	if (store_outbox_list(ui->ctx.store, &t->ob, &t->nob, NULL) != 0) {
		t->ob = NULL;
		t->nob = 0;
	}
	/* The conversation the thread was opened on, to mark its messages. */
	store_conv_clear(&t->conv);
	if (store_conv_get(ui->ctx.store, t->id, &t->conv, NULL) != 0)
		memset(&t->conv, 0, sizeof t->conv);
	ui_thread_layout(t);
	ui_list_jump(&t->list, t->th.selected);
	ui->dirty = 1;
	return 0;
}

/* Read the thread again (after a change). */
static void
ui_thread_reload(struct ui *ui, void *data)
{
	ui_thread_load(ui, data);
}

/* Open the thread of an item over the queue. */
void
ui_thread_open(struct ui *ui, int64_t id)
{
	struct ui_thread	*t = xcalloc(1, sizeof *t);

	t->ui = ui;
	t->id = id;
	ui_list_init(&t->list, 0, ui_thread_line, ui_thread_key_of, t);
	if (config_int(ui->ctx.cfg, NULL, OPT_MARK_READ))
		store_mark_read(ui->ctx.store, id, NULL);
	ui_screen_push(ui, &ui_thread_ops, t);
	if (ui_thread_load(ui, t) == 0) {
		/* Start at the post when it fits with the item. */
		ui_list_set_top(&t->list, 0);
	}
}

/* The selected item, or NULL. */
static struct item *
ui_thread_current(struct ui_thread *t)
{
	if (!t->have || t->list.sel >= t->th.items.n)
		return NULL;
	return &t->th.items.v[t->list.sel];
}

/*
 * Draw a reply waiting out its send delay: how long until it leaves,
 * that u takes it back, and its start.
 */
static void
ui_thread_leaves_line(struct ui *ui, const struct ui_tline *l, int y)
{
	int64_t	 left = l->leaves - util_now();
	char	*s;

	s = left > 0 ? xprintf("Your reply leaves in %llds (u takes it "
	    "back): %s", (long long)left, l->text) : xprintf("Your reply is "
	    "leaving: %s", l->text);
	attrset(ui_attr(ui, PAIR_WARN, A_BOLD));
	ui_draw_text(y, l->indent, s, (size_t)(ui->cols - l->indent));
	attrset(A_NORMAL);
	free(s);
}

/* Draw a line of the thread (the list's callback). */
static void
ui_thread_line(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_thread	*t = arg;
	struct ui_tline		*l = &t->lines[ln->line];
	int			 attr, y = ln->y;
	char			*cut;

	attr = A_NORMAL;
	if (l->item == SIZE_MAX)
		attr = l->header ? ui_attr(ui, PAIR_DIM, A_BOLD) : 0;
	else if (t->th.items.v[l->item].own)
		attr = ui_attr(ui, PAIR_OWN, l->header ? A_BOLD : 0);
	else if (l->header)
		attr = A_BOLD;
	else if (l->clock != 0)
		attr = l->clock == 2 ? ui_attr(ui, PAIR_LATE, A_BOLD) :
		    ui_attr(ui, PAIR_WARN, 0);
	if (ln->selected && l->header)
		attr = ui_attr(ui, PAIR_SELECTED, A_BOLD);
	if (ln->selected && l->indent > 0) {
		attrset(ui_attr(ui, PAIR_SELECTED, 0));
		mvaddch(y, l->indent - 1 > 0 ? l->indent - 2 : 0, ' ');
	} else if (!l->header && l->indent >= 2 && l->item != SIZE_MAX &&
	    t->conv.n > 1 && ui_thread_in_conv(t, t->th.items.v[l->item].id)) {
		/* A bar beside the messages of the conversation. */
		attrset(ui_attr(ui, PAIR_FLAG, A_BOLD));
		mvaddstr(y, l->indent - 2, "\u2502");
	}
	if (l->leaves != 0) {
		ui_thread_leaves_line(ui, l, y);
		return;
	}
	attrset(attr);
	if (l->header) {
		/* A cut header says so; wrapped text never needs to. */
		cut = text_first_line(l->text, (size_t)(ui->cols - l->indent));
		ui_draw_text(y, l->indent, cut, (size_t)(ui->cols - l->indent));
		free(cut);
	} else
		ui_draw_text(y, l->indent, l->text, (size_t)(ui->cols -
		    l->indent));
	attrset(A_NORMAL);
}

/* Draw the thread. */
static void
ui_thread_draw(struct ui *ui, void *data)
{
	struct ui_thread	*t = data;
	size_t			 shown;

	if (t->lines_cols != ui->cols)
		ui_thread_layout(t);
	ui_list_draw(ui, &t->list, 1);
	shown = t->nlines - t->list.top < t->list.height ?
	    t->nlines - t->list.top : t->list.height;
	if (t->nlines > t->list.height && ui->msg == NULL)
		ui_message(ui, 0, "line %zu-%zu of %zu", t->list.top + 1,
		    t->list.top + shown, t->nlines);
}

/* Open what an item's content warning warns about, or shut it again. */
static void
ui_thread_reveal(struct ui *ui, struct ui_thread *t, const struct item *it)
{
	size_t	i;

	if (it == NULL || it->warning == NULL) {
		ui_message(ui, 0, "This message has no content warning.");
		return;
	}
	if ((i = ui_thread_opened(t, it->id)) != SIZE_MAX)
		t->open[i] = t->open[--t->nopen];
	else {
		t->open = xreallocarray(t->open, t->nopen + 1,
		    sizeof *t->open);
		t->open[t->nopen++] = it->id;
	}
	t->lines_cols = 0;	/* laid out again at the next draw */
	ui->dirty = 1;
}

/* Handle an action on the thread screen. */
static void
ui_thread_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_thread	*t = data;
	struct item		*it = ui_thread_current(t);

	(void)key;
	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_list_move(&t->list, action == ACT_DOWN ? 1 : -1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_list_page(&t->list, action == ACT_PAGE_DOWN);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		ui_list_end(&t->list, action == ACT_BOTTOM);
		break;
	case ACT_BACK:
	case ACT_QUIT:
		ui_refresh_counts(ui);
		ui_screen_pop(ui, t);
		break;
	case ACT_REVEAL:
		ui_thread_reveal(ui, t, it);
		break;
	default:
		/*
		 * The thread shows the conversation whole, as it was read:
		 * an action on it leaves what came after (not what the queue
		 * last acted on).
		 */
		ui->act_upto = it != NULL && t->conv.n > 0 &&
		    ui_thread_in_conv(t, it->id) > 0 ? t->conv.newest : 0;
		if (ui_action_item(ui, action, it) != 0)
			ui_thread_reload(ui, t);
		break;
	}
}

/* Lay the thread out again at the next draw, for the new width. */
static void
ui_thread_resize(struct ui *ui, void *data)
{
	struct ui_thread	*t = data;

	(void)ui;
	t->lines_cols = 0;
}

/*
 * Commands of the thread: a view goes back to the queue (which shows it),
 * a snooze with a time snoozes the selected item.
 */
static int
ui_thread_command(struct ui *ui, void *data, const char *name,
    const char *arg)
{
	struct ui_thread	*t = data;
	struct ui_screen	*base;
	struct item		*it;

	if (strcmp(name, "view") == 0) {
		if (ui_view_arg(ui, arg) == -1)
			return 1;
		/* Every screen above the queue goes (a log under the thread). */
		while (ui->nstack > 1)
			ui_screen_drop(ui, ui_screen_top(ui)->data);
		base = &ui->stack[0];
		return base->ops->command(ui, base->data, name, arg);
	}
	if (strcmp(name, "snooze") == 0 && arg != NULL) {
		if ((it = ui_thread_current(t)) != NULL)
			ui_action_snooze(ui, it, arg);
		return 1;
	}
	return 0;
}

/* The commands of the thread that take a word or more. */
static const struct ui_cmd ui_thread_cmds[] = {
	{ "view", "view", "back to the queue, on a view", ui_view_words },
	{ "snooze", "time", "snooze the selected item until then", NULL },
	{ NULL, NULL, NULL, NULL }
};

static const struct ui_screen_ops ui_thread_ops = {
	.name = "thread",
	.keys = SCREEN_THREAD,
	.draw = ui_thread_draw,
	.key = ui_thread_key,
	.free = ui_thread_free,
	.reload = ui_thread_reload,
	.resize = ui_thread_resize,
	.cmds = ui_thread_cmds,
	.command = ui_thread_command,
};
