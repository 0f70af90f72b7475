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

/* Free the laid-out lines. */
static void
ui_thread_free_lines(struct ui *ui)
{
	size_t	i;

	for (i = 0; i < ui->nlines; i++)
		free(ui->lines[i].text);
	free(ui->lines);
	ui->lines = NULL;
	ui->nlines = 0;
}

/* Free the thread. */
void
ui_thread_free(struct ui *ui)
{
	ui_thread_free_lines(ui);
	if (ui->have_thread)
		store_thread_free(&ui->th);
	ui->have_thread = 0;
}

/* Add one laid-out line. */
static void
ui_thread_add(struct ui *ui, char *text, size_t item, int indent,
    int header)
{
	struct ui_tline	*l;

	ui->lines = xreallocarray(ui->lines, ui->nlines + 1,
	    sizeof *ui->lines);
	l = &ui->lines[ui->nlines++];
	l->text = text;
	l->item = item;
	l->indent = indent;
	l->header = header;
}

/* Add a text wrapped to the width left after the indent. */
static void
ui_thread_add_text(struct ui *ui, const char *text, size_t item, int indent)
{
	char	**lines;
	size_t	  n, i, width;

	width = (size_t)ui->cols > (size_t)indent + 4 ?
	    (size_t)ui->cols - (size_t)indent - 2 : 2;
	if (width > UI_THREAD_MAX_WIDTH)
		width = UI_THREAD_MAX_WIDTH;
	n = text_wrap(text, width, &lines);
	for (i = 0; i < n; i++)
		ui_thread_add(ui, lines[i], item, indent, 0);
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

/* The header line of an item: who, when, and its state. */
static char *
ui_thread_header(struct ui *ui, const struct item *it)
{
	struct buf	b;
	char		age[16], when[64];
	time_t		t = (time_t)it->created;
	struct tm	tm;

	buf_init(&b, 0);
	util_format_age(ui->now - it->created, age, sizeof age);
	localtime_r(&t, &tm);
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
	return buf_steal(&b);
}

/* Return 1 if the thread lists an item with remote id rid. */
static int
ui_thread_lists(const struct ui *ui, const char *rid)
{
	size_t	i;

	for (i = 0; i < ui->th.items.n; i++) {
		if (ui->th.items.v[i].remote_id != NULL &&
		    strcmp(ui->th.items.v[i].remote_id, rid) == 0)
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
ui_thread_lost_parent(const struct ui *ui, const struct item *it)
{
	if (it->parent_remote_id == NULL || *it->parent_remote_id == '\0' ||
	    (it->post_remote_id != NULL &&
	    strcmp(it->parent_remote_id, it->post_remote_id) == 0) ||
	    (ui->th.have_post && ui->th.post.remote_id != NULL &&
	    strcmp(it->parent_remote_id, ui->th.post.remote_id) == 0) ||
	    ui_thread_lists(ui, it->parent_remote_id))
		return NULL;
	if (ui->th.have_post && ui->th.post.own)
		return "[answers a deleted comment]";
	return "[answers a post heed does not show]";
}

/* Lay out the post, unless an item of the thread is that post itself. */
static void
ui_thread_layout_post(struct ui *ui)
{
	const struct post	*p = &ui->th.post;
	char			*s;

	/* A quote or a mention is the root of its own thread: once. */
	if (!ui->th.have_post || (p->remote_id != NULL &&
	    ui_thread_lists(ui, p->remote_id)))
		return;
	s = xprintf("POST by %s · %s", p->author_name != NULL ?
	    p->author_name : "the business", p->permalink != NULL ?
	    p->permalink : "");
	ui_thread_add(ui, s, SIZE_MAX, 0, 1);
	ui_thread_add_text(ui, p->text != NULL ? p->text : "", SIZE_MAX, 2);
	ui_thread_add(ui, xstrdup(""), SIZE_MAX, 0, 0);
}

/*
 * Lay out one item: its header, what it answers if the thread cannot
 * show that, its text, what it carries (a picture, a link, the post it
 * quotes) and the business's note.
 */
static void
ui_thread_layout_item(struct ui *ui, size_t i)
{
	struct item	*it = &ui->th.items.v[i];
	const char	*lost;
	char		*s;
	int		 indent;

	indent = it->depth < UI_THREAD_MAX_INDENT ? it->depth :
	    UI_THREAD_MAX_INDENT;
	indent = indent * 2 + 2;
	ui_thread_add(ui, ui_thread_header(ui, it), i, indent - 2, 1);
	if ((lost = ui_thread_lost_parent(ui, it)) != NULL)
		ui_thread_add(ui, xstrdup(lost), i, indent, 0);
	ui_thread_add_text(ui, it->deleted ? "(deleted)" :
	    it->text != NULL ? it->text : "", i, indent);
	if (!it->deleted && it->attachment != NULL &&
	    *it->attachment != '\0') {
		s = xprintf("[%s]", it->attachment);
		ui_thread_add_text(ui, s, i, indent);
		free(s);
	}
	if (it->note != NULL && *it->note != '\0')
		ui_thread_add(ui, xprintf("[note: %s]", it->note), i, indent,
		    0);
	ui_thread_add(ui, xstrdup(""), i, indent, 0);
}

/* Lay the thread out in lines for the current width. */
static void
ui_thread_layout(struct ui *ui)
{
	size_t	i;

	ui_thread_free_lines(ui);
	ui->tlines_cols = ui->cols;
	ui_thread_layout_post(ui);
	for (i = 0; i < ui->th.items.n; i++)
		ui_thread_layout_item(ui, i);
}

/* The first line of an item. */
static size_t
ui_thread_first_line(struct ui *ui, size_t item)
{
	size_t	i;

	for (i = 0; i < ui->nlines; i++) {
		if (ui->lines[i].item == item)
			return i;
	}
	return 0;
}

/* Rows for the thread text. */
static size_t
ui_thread_rows(const struct ui *ui)
{
	return ui->rows > 4 ? (size_t)ui->rows - 3 : 1;
}

/* Scroll so the selected item's start is on the screen. */
static void
ui_thread_show_selected(struct ui *ui)
{
	size_t	first = ui_thread_first_line(ui, ui->tsel), rows, last;

	rows = ui_thread_rows(ui);
	last = first;
	while (last + 1 < ui->nlines && ui->lines[last + 1].item == ui->tsel)
		last++;
	if (last >= ui->tscroll + rows)
		ui->tscroll = last + 1 > rows ? last + 1 - rows : 0;
	if (first < ui->tscroll || last - first >= rows)
		ui->tscroll = first;
}

/* Load the thread around the current item again (after a change). */
void
ui_thread_reload(struct ui *ui)
{
	char	*cause = NULL;
	int64_t	 sel = ui->thread_id;

	if (ui->have_thread && ui->tsel < ui->th.items.n)
		sel = ui->th.items.v[ui->tsel].id;
	ui_thread_free(ui);
	if (store_thread_get(ui->ctx.store, sel, &ui->th, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		ui->screen = SCREEN_QUEUE;
		ui_queue_reload(ui);
		return;
	}
	ui->have_thread = 1;
	ui->tsel = ui->th.selected;
	ui_thread_layout(ui);
	if (ui->tscroll >= ui->nlines)
		ui->tscroll = 0;
	ui_thread_show_selected(ui);
	ui->dirty = 1;
}

/* Open the thread of an item. */
void
ui_thread_open(struct ui *ui, int64_t id)
{
	ui->thread_id = id;
	ui->tscroll = 0;
	ui->screen = SCREEN_THREAD;
	if (config_int(ui->ctx.cfg, NULL, OPT_MARK_READ))
		store_mark_read(ui->ctx.store, id, NULL);
	ui_thread_free(ui);
	ui_thread_reload(ui);
	if (ui->have_thread) {
		/* Start at the post when it fits with the item. */
		ui->tscroll = 0;
		ui_thread_show_selected(ui);
	}
}

/* The selected item, or NULL. */
struct item *
ui_thread_current(struct ui *ui)
{
	if (!ui->have_thread || ui->tsel >= ui->th.items.n)
		return NULL;
	return &ui->th.items.v[ui->tsel];
}

/* Draw the thread. */
void
ui_thread_draw(struct ui *ui)
{
	struct ui_tline	*l;
	size_t		 i, rows = ui_thread_rows(ui);
	int		 y, attr, sel;
	char		*cut;

	if (ui->tlines_cols != ui->cols)
		ui_thread_layout(ui);
	for (i = 0; i < rows && ui->tscroll + i < ui->nlines; i++) {
		l = &ui->lines[ui->tscroll + i];
		y = 1 + (int)i;
		sel = l->item == ui->tsel;
		attr = A_NORMAL;
		if (l->item == SIZE_MAX)
			attr = l->header ? ui_attr(ui, PAIR_DIM, A_BOLD) : 0;
		else if (ui->th.items.v[l->item].own)
			attr = ui_attr(ui, PAIR_OWN, l->header ? A_BOLD : 0);
		else if (l->header)
			attr = A_BOLD;
		if (sel && l->header)
			attr = ui_attr(ui, PAIR_SELECTED, A_BOLD);
		if (sel && l->indent > 0) {
			attrset(ui_attr(ui, PAIR_SELECTED, 0));
			mvaddch(y, l->indent - 1 > 0 ? l->indent - 2 : 0, ' ');
		}
		attrset(attr);
		if (l->header) {
			/* A cut header says so; wrapped text never needs to. */
			cut = text_first_line(l->text, (size_t)(ui->cols -
			    l->indent));
			ui_draw_text(y, l->indent, cut, (size_t)(ui->cols -
			    l->indent));
			free(cut);
		} else
			ui_draw_text(y, l->indent, l->text, (size_t)(ui->cols -
			    l->indent));
		attrset(A_NORMAL);
	}
	if (ui->nlines > rows && ui->msg == NULL)
		ui_message(ui, 0, "line %zu-%zu of %zu", ui->tscroll + 1,
		    ui->tscroll + i, ui->nlines);
}

/* Move the selection to the next or previous item. */
static void
ui_thread_step(struct ui *ui, int down)
{
	if (ui->th.items.n == 0)
		return;
	if (down && ui->tsel + 1 < ui->th.items.n)
		ui->tsel++;
	else if (!down && ui->tsel > 0)
		ui->tsel--;
	else if (!down)
		ui->tscroll = 0;
	ui_thread_show_selected(ui);
}

/* Scroll a page, then select the first item that starts on screen. */
static void
ui_thread_page(struct ui *ui, int down)
{
	size_t	rows = ui_thread_rows(ui), i;

	if (down) {
		if (ui->tscroll + rows < ui->nlines)
			ui->tscroll += rows - 1;
	} else
		ui->tscroll = ui->tscroll > rows - 1 ? ui->tscroll - rows + 1
		    : 0;
	for (i = ui->tscroll; i < ui->tscroll + rows && i < ui->nlines; i++) {
		if (ui->lines[i].header && ui->lines[i].item != SIZE_MAX) {
			ui->tsel = ui->lines[i].item;
			break;
		}
	}
}

/* Handle an action on the thread screen. */
void
ui_thread_key(struct ui *ui, int action)
{
	struct item	*it = ui_thread_current(ui);

	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_thread_step(ui, action == ACT_DOWN);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_thread_page(ui, action == ACT_PAGE_DOWN);
		break;
	case ACT_TOP:
		ui->tscroll = 0;
		ui->tsel = 0;
		break;
	case ACT_BOTTOM:
		if (ui->th.items.n != 0)
			ui->tsel = ui->th.items.n - 1;
		ui_thread_show_selected(ui);
		break;
	case ACT_BACK:
	case ACT_QUIT:
		ui->screen = SCREEN_QUEUE;
		ui_thread_free(ui);
		ui_refresh_counts(ui);
		ui_queue_reload(ui);
		break;
	default:
		if (ui_action_item(ui, action, it) != 0)
			ui_thread_reload(ui);
		break;
	}
}
