/*
 * ui-compose.c -- the composer: an inline multi-line editor, the check
 * screen that shows where a reply goes before it is sent, and $EDITOR.
 *
 * Nothing typed is lost: the draft is saved a second after each change,
 * on Esc, before the editor runs, and when heed leaves.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

#define UI_DRAFT_DELAY_MS	1000
#define UI_DRAFT_RETRY_MS	3000

static void	ui_compose_draft_fire(void *);

/*
 * Save the draft now if it changed (an empty text deletes it); 0 when the
 * cache holds what the composer shows, -1 when it could not take it. Then
 * the composer says so, keeps the text, and tries again every few seconds
 * until the cache can be written (a full disk freed, say).
 */
int
ui_compose_save(struct ui *ui)
{
	char	*cause = NULL;

	if (ui->reply.id == 0)
		return 0;
	if (ui->draft_timer != 0) {
		loop_timer_cancel(ui->ctx.loop, ui->draft_timer);
		ui->draft_timer = 0;
	}
	if (!ui->ed.changed && !ui->draft_unsaved)
		return 0;
	if (store_draft_set(ui->ctx.store, ui->reply.id,
	    edit_blank(&ui->ed) ? NULL : ui->ed.text, &cause) != 0) {
		if (!ui->draft_unsaved || ui->draft_error == NULL ||
		    strcmp(cause, ui->draft_error) != 0)
			ui_message(ui, 1, "The draft could not be saved: %s. It "
			    "stays here in the composer, and heed saves it as "
			    "soon as the cache can be written.", cause);
		free(ui->draft_error);
		ui->draft_error = cause;
		ui->draft_unsaved = 1;
		ui->draft_timer = loop_timer_add(ui->ctx.loop,
		    UI_DRAFT_RETRY_MS, ui_compose_draft_fire, ui);
		ui->dirty = 1;
		return -1;
	}
	if (ui->draft_unsaved)
		ui_message(ui, 0, "The draft is saved now.");
	ui->draft_unsaved = 0;
	free(ui->draft_error);
	ui->draft_error = NULL;
	ui->ed.changed = 0;
	ui->dirty = 1;
	return 0;
}

/* Save the draft when typing pauses, or try again after a failure. */
static void
ui_compose_draft_fire(void *arg)
{
	struct ui	*ui = arg;

	ui->draft_timer = 0;
	ui_compose_save(ui);
}

/* Whether the composer holds text that the cache does not have. */
int
ui_compose_unsaved(const struct ui *ui)
{
	return ui->screen == SCREEN_COMPOSE && ui->draft_unsaved &&
	    ui->ed.text != NULL && !edit_blank(&ui->ed);
}

/* The name of the person a reply is for (lent). */
const char *
ui_compose_to(const struct item *it)
{
	if (it->author_name != NULL && *it->author_name != '\0')
		return it->author_name;
	if (it->author_handle != NULL && *it->author_handle != '\0')
		return it->author_handle;
	return "this comment's author";
}

/* Free the composer. */
void
ui_compose_free(struct ui *ui)
{
	if (ui->draft_timer != 0)
		loop_timer_cancel(ui->ctx.loop, ui->draft_timer);
	ui->draft_timer = 0;
	if (ui->ed.text != NULL)
		edit_free(&ui->ed);
	item_clear(&ui->reply);
	free(ui->check_note);
	ui->check_note = NULL;
	ui->draft_unsaved = 0;
	free(ui->draft_error);
	ui->draft_error = NULL;
}

/*
 * Open the composer on an item, with its draft or a starting text. When
 * the draft cannot be read, the composer stays closed: an empty one would
 * write over the draft at the first key.
 */
void
ui_compose_open(struct ui *ui, const struct item *it, const char *start)
{
	char	*draft = NULL, *cause = NULL;

	if (store_draft_get(ui->ctx.store, it->id, &draft, &cause) != 0) {
		ui_message(ui, 1, "The reply's draft could not be read, so the "
		    "composer stays closed rather than write over it: %s. heed "
		    "doctor checks the cache.", cause);
		free(cause);
		return;
	}
	if (ui->screen != SCREEN_COMPOSE)
		ui->compose_back = ui->screen;
	ui_compose_free(ui);
	item_copy(&ui->reply, it);
	edit_init(&ui->ed, 1);
	if (draft != NULL) {
		edit_set(&ui->ed, draft);
		ui_message(ui, 0, "Your draft is back.");
	}
	if (start != NULL)
		edit_insert_str(&ui->ed, start);
	free(draft);
	ui->ed.changed = start != NULL;
	ui->checking = 0;
	ui->reply_private = 0;
	ui->escroll = 0;
	ui->screen = SCREEN_COMPOSE;
	ui->dirty = 1;
}

/* Leave the composer, back to where it was opened from. */
static void
ui_compose_close(struct ui *ui)
{
	ui_compose_free(ui);
	ui->screen = ui->compose_back;
	ui_refresh_counts(ui);
	if (ui->screen == SCREEN_THREAD)
		ui_thread_reload(ui);
	else
		ui_queue_reload(ui);
}

/* Describe the length of the reply against the platform's limit. */
static char *
ui_compose_length(struct ui *ui, int *over)
{
	const struct platform_ops	*ops = ui_platform(ui, &ui->reply);
	size_t				 n;

	if (ops == NULL) {
		*over = 0;
		return xstrdup("");
	}
	n = platform_text_length(ops, ui->ed.text);
	*over = n > ops->text_limit;
	return xprintf("%zu/%zu %s", n, ops->text_limit,
	    ops->count == COUNT_GRAPHEMES ? "characters (graphemes)" :
	    "characters");
}

/*
 * Lay the editor text out in rows of at most width columns, breaking
 * lines only between characters so that the cursor maps exactly. Calls
 * fn for each row (when fn is not NULL) and returns the cursor's row and
 * column in *cy and *cx; returns the number of rows.
 */
static size_t
ui_compose_rows(const struct edit *e, size_t width,
    void (*fn)(void *, size_t, const char *, size_t), void *arg,
    size_t *cy, size_t *cx)
{
	size_t		off = 0, start = 0, row = 0, col = 0, next, w;
	uint32_t	cp;

	*cy = *cx = 0;
	for (;;) {
		if (off == e->cursor) {
			*cy = row;
			*cx = col;
		}
		if (off >= e->len || e->text[off] == '\n') {
			if (fn != NULL)
				fn(arg, row, e->text + start, off - start);
			row++;
			if (off >= e->len)
				break;
			start = ++off;
			col = 0;
			continue;
		}
		next = text_next(e->text, e->len, off);
		text_decode(e->text + off, e->len - off, &cp);
		w = (size_t)text_cp_width(cp);
		if (col + w > width && col > 0) {
			if (fn != NULL)
				fn(arg, row, e->text + start, off - start);
			row++;
			start = off;
			col = 0;
			if (off == e->cursor) {
				*cy = row;
				*cx = 0;
			}
		}
		col += w;
		off = next;
	}
	return row;
}

struct ui_compose_paint {
	struct ui	*ui;
	int		 top;
	size_t		 first;
	size_t		 rows;
};

/* Draw one editor row if it is in the visible window. */
static void
ui_compose_paint_row(void *arg, size_t row, const char *s, size_t len)
{
	struct ui_compose_paint	*p = arg;
	char			*line;

	if (row < p->first || row >= p->first + p->rows)
		return;
	line = xstrndup(s, len);
	ui_draw_text(p->top + (int)(row - p->first), 1, line,
	    (size_t)p->ui->cols - 2);
	free(line);
}

/*
 * Name the author of an item with their handle as the platform shows it
 * (stored ready to draw: "@anna.bsky.social" on Bluesky, nothing on
 * Facebook), as "Anna Jansen (@anna.bsky.social)"; new string.
 */
static char *
ui_compose_who(const struct item *it)
{
	const char	*name = it->author_name, *handle = it->author_handle;

	if (name == NULL || *name == '\0')
		return xstrdup(ui_compose_to(it));
	if (handle == NULL || *handle == '\0' || strcmp(handle, name) == 0)
		return xstrdup(name);
	return xprintf("%s (%s)", name, handle);
}

/* Draw the item answered, a few lines of it. */
static int
ui_compose_draw_context(struct ui *ui, int y, int maxrows)
{
	char	**lines, *head, *who;
	size_t	  n, i;

	attrset(A_BOLD);
	who = ui_compose_who(&ui->reply);
	head = xprintf("Reply to %s", who);
	free(who);
	ui_draw_text(y++, 1, head, (size_t)ui->cols - 2);
	free(head);
	attrset(ui_attr(ui, PAIR_DIM, 0));
	n = text_wrap(ui->reply.text != NULL ? ui->reply.text : "",
	    (size_t)ui->cols - 4, &lines);
	for (i = 0; i < n && (int)i < maxrows; i++)
		ui_draw_text(y++, 3, lines[i], (size_t)ui->cols - 4);
	text_lines_free(lines, n);
	attrset(A_NORMAL);
	return y;
}

/* Draw the check screen: where it goes, how long it is, the text. */
static void
ui_compose_draw_check(struct ui *ui)
{
	const struct platform_ops	*ops = ui_platform(ui, &ui->reply);
	char				**lines, *len, *s, *who;
	size_t				  n, i, w = (size_t)ui->cols - 4;
	int				  y = 2, over;

	attrset(A_BOLD);
	ui_draw_text(y++, 2, "Check before sending", w);
	attrset(A_NORMAL);
	y++;
	who = ui_compose_who(&ui->reply);
	s = xprintf("To:     %s, on %s", who, ops != NULL ? ops->label : "?");
	free(who);
	ui_draw_text(y++, 2, s, w);
	free(s);
	if (ui->reply_private)
		ui_draw_text(y++, 2, "Where:  in private, as a message to them "
		    "(one per comment, and no more after this)", w);
	else
		ui_draw_text(y++, 2, "Where:  in public, under their comment: "
		    "everyone who can see the post can read it", w);
	len = ui_compose_length(ui, &over);
	attrset(over ? ui_attr(ui, PAIR_ERROR, A_BOLD) : (int)A_NORMAL);
	s = xprintf("Length: %s%s", len, over ? " - TOO LONG, shorten it "
	    "before sending" : "");
	ui_draw_text(y++, 2, s, w);
	free(s);
	free(len);
	if (ui->check_note != NULL) {
		attrset(ui_attr(ui, PAIR_ERROR, A_BOLD));
		s = xprintf("Note:   %s", ui->check_note);
		n = text_wrap(s, w, &lines);
		for (i = 0; i < n && y < ui->rows - 4; i++)
			ui_draw_text(y++, 2, lines[i], w);
		text_lines_free(lines, n);
		free(s);
	}
	attrset(A_NORMAL);
	y++;
	n = text_wrap(ui->ed.text, w - 2, &lines);
	for (i = 0; i < n && y < ui->rows - 4; i++)
		ui_draw_text(y++, 4, lines[i], w - 2);
	text_lines_free(lines, n);
	y++;
	attrset(A_BOLD);
	ui_draw_text(ui->rows - 3, 2, over ? "e or Esc: back to editing" :
	    "y or Enter: send now    e or Esc: back to editing", w);
	attrset(A_NORMAL);
}

/* Draw the composer. */
void
ui_compose_draw(struct ui *ui)
{
	struct ui_compose_paint	 p;
	size_t			 cy, cx, total;
	char			*len, *bar;
	int			 y, over;

	if (ui->checking) {
		ui_compose_draw_check(ui);
		return;
	}
	y = ui_compose_draw_context(ui, 1, ui->rows > 20 ? 6 : 2);
	len = ui_compose_length(ui, &over);
	bar = xprintf("-- your %sreply -- %s %s", ui->reply_private ?
	    "private " : "", len, ui->draft_unsaved ? "-- DRAFT NOT SAVED: "
	    "the cache cannot be written; heed keeps trying -- " : "");
	attrset(over || ui->draft_unsaved ? ui_attr(ui, PAIR_ERROR, A_BOLD) :
	    ui_attr(ui, PAIR_DIM, A_BOLD));
	ui_draw_text(y++, 0, bar, (size_t)ui->cols);
	attrset(A_NORMAL);
	free(bar);
	free(len);
	p.ui = ui;
	p.top = y;
	p.rows = ui->rows - 2 > y ? (size_t)(ui->rows - 2 - y) : 1;
	total = ui_compose_rows(&ui->ed, (size_t)ui->cols - 2, NULL, NULL,
	    &cy, &cx);
	if (cy < ui->escroll)
		ui->escroll = cy;
	if (cy >= ui->escroll + p.rows)
		ui->escroll = cy - p.rows + 1;
	if (total <= p.rows)
		ui->escroll = 0;
	p.first = ui->escroll;
	ui_compose_rows(&ui->ed, (size_t)ui->cols - 2, ui_compose_paint_row,
	    &p, &cy, &cx);
	ui->cur_show = 1;
	ui->cur_y = p.top + (int)(cy - p.first);
	ui->cur_x = 1 + (int)cx;
}

/* Make a fresh idempotency key for an outbox entry. */
static char *
ui_compose_idem_key(void)
{
	unsigned char	 r[16];
	char		 hex[33];
	size_t		 i;
	int		 fd;
	ssize_t		 n = -1;

	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) != -1) {
		n = read(fd, r, sizeof r);
		close(fd);
	}
	if (n != (ssize_t)sizeof r) {
		for (i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)(random() ^ (util_mono_ms() >> i));
	}
	for (i = 0; i < sizeof r; i++)
		snprintf(hex + i * 2, 3, "%02x", r[i]);
	return xprintf("heed-%s", hex);
}

/*
 * Queue the reply in the outbox and mark the item done, in one
 * transaction: from here on nothing typed can be lost, and sync sends it
 * as soon as it can.
 */
static void
ui_compose_send(struct ui *ui)
{
	struct outbox_entry	 e;
	char			*cause = NULL;
	struct store		*st = ui->ctx.store;

	memset(&e, 0, sizeof e);
	e.account_id = ui->reply.account_id;
	e.item_id = ui->reply.id;
	e.kind = ui->reply_private ? ACTION_PRIVATE_REPLY : ACTION_REPLY;
	e.target_remote_id = xstrdup(ui->reply.remote_id);
	e.body = xstrdup(ui->ed.text);
	e.idem_key = ui_compose_idem_key();
	if (store_begin(st, &cause) != 0 ||
	    store_outbox_add(st, &e, &cause) != 0 ||
	    store_draft_set(st, ui->reply.id, NULL, &cause) != 0 ||
	    store_set_status(st, ui->reply.id, STATUS_DONE, 0, &cause) != 0 ||
	    store_commit(st, &cause) != 0) {
		store_rollback(st);
		if (ui_compose_save(ui) == 0)
			ui_message(ui, 1, "Not sent: %s. The reply stays here in "
			    "the composer, saved as a draft.", cause);
		else
			ui_message(ui, 1, "Not sent: %s. The draft is not saved "
			    "either: it stays here in the composer, and heed "
			    "saves it as soon as the cache can be written.",
			    cause);
		free(cause);
		outbox_entry_clear(&e);
		ui->checking = 0;
		return;
	}
	outbox_entry_clear(&e);
	ui_message(ui, 0, "%s to %s queued; sending...", ui->reply_private ?
	    "Private reply" : "Reply", ui_compose_to(&ui->reply));
	ui->ed.changed = 0;
	ui->draft_unsaved = 0;
	ui_compose_close(ui);
	sync_kick(ui->ctx.sync);
}

/* Read a file of at most EDIT_MAX bytes into a new string. */
static char *
ui_compose_read_file(const char *path)
{
	struct buf	 b;
	char		 chunk[4096];
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	buf_init(&b, EDIT_MAX);
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		if (buf_add(&b, chunk, (size_t)n) != 0)
			break;
	}
	close(fd);
	return buf_steal(&b);
}

/* Run the editor on a file, with the terminal given back to it. */
static int
ui_compose_run_editor(struct ui *ui, const char *path)
{
	const char	*editor = config_str(ui->ctx.cfg, NULL, OPT_EDITOR);
	pid_t		 pid;
	int		 status;

	if (*editor == '\0' && ((editor = getenv("VISUAL")) == NULL ||
	    *editor == '\0') && ((editor = getenv("EDITOR")) == NULL ||
	    *editor == '\0'))
		editor = "vi";
	ui_suspend(ui);
	if ((pid = fork()) == 0) {
		/* The file name is an argument, never part of the command. */
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, path,
		    (char *)NULL);
		_exit(127);
	}
	status = -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	}
	ui_resume(ui);
	if (pid == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ui_message(ui, 1, "the editor (%s) failed; your text is as it "
		    "was", editor);
		return -1;
	}
	return 0;
}

/* Edit the reply in $EDITOR, then take the text back. */
static void
ui_compose_editor(struct ui *ui)
{
	const char	*tmp = getenv("TMPDIR");
	char		*path, *raw, *clean;
	int		 fd;
	size_t		 len;

	ui_compose_save(ui);
	path = xprintf("%s/heed-reply-XXXXXX", tmp != NULL && *tmp == '/' ?
	    tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1) {
		ui_message(ui, 1, "cannot make a file for the editor: %s",
		    strerror(errno));
		free(path);
		return;
	}
	len = ui->ed.len;
	if (write(fd, ui->ed.text, len) != (ssize_t)len) {
		ui_message(ui, 1, "cannot write %s: %s", path,
		    strerror(errno));
		close(fd);
		unlink(path);
		free(path);
		return;
	}
	close(fd);
	if (ui_compose_run_editor(ui, path) == 0 &&
	    (raw = ui_compose_read_file(path)) != NULL) {
		clean = text_sanitize(raw, strlen(raw));
		edit_set(&ui->ed, clean);
		free(clean);
		free(raw);
		ui_compose_save(ui);
	}
	unlink(path);
	free(path);
}

/*
 * Open the check screen, noting any reply to the same item that is on its
 * way or went lately (another heed may have answered while this one was
 * being written).
 */
static void
ui_compose_check(struct ui *ui)
{
	struct outbox_entry	e;

	free(ui->check_note);
	ui->check_note = NULL;
	ui->now = util_now();
	if (ui_reply_recent(ui, &ui->reply, !ui->reply_private,
	    &e) == 0) {
		ui->check_note = ui_reply_said(ui, &e,
		    ui_compose_to(&ui->reply));
		outbox_entry_clear(&e);
	}
	ui->checking = 1;
	ui->dirty = 1;
}

/* Keys on the check screen. */
static void
ui_compose_check_key(struct ui *ui, int action, uint32_t key)
{
	int	over;

	free(ui_compose_length(ui, &over));
	if ((key == 'y' || action == ACT_SEND) && !over)
		ui_compose_send(ui);
	else if (key == 'e' || key == KEYC_ESC || action == ACT_CANCEL) {
		ui->checking = 0;
		ui->dirty = 1;
	}
}

/* Handle a key in the composer. */
void
ui_compose_key(struct ui *ui, int action, uint32_t key)
{
	if (ui->checking) {
		ui_compose_check_key(ui, action, key);
		return;
	}
	switch (action) {
	case ACT_SEND:
		if (edit_blank(&ui->ed))
			ui_message(ui, 1, "Nothing to send yet.");
		else
			ui_compose_check(ui);
		break;
	case ACT_NEWLINE:
		edit_insert(&ui->ed, '\n');
		break;
	case ACT_EDITOR:
		ui_compose_editor(ui);
		break;
	case ACT_CANCEL:
	case ACT_QUIT:
		if (ui_compose_save(ui) != 0 && !edit_blank(&ui->ed)) {
			ui_message(ui, 1, "The draft is not saved (%s), so the "
			    "composer stays open: closing it would lose the "
			    "text. heed saves it as soon as the cache can be "
			    "written; C-c asks before quitting without it.",
			    ui->draft_error);
			return;
		}
		if (!edit_blank(&ui->ed))
			ui_message(ui, 0, "Draft kept; r on this item brings "
			    "it back.");
		ui_compose_close(ui);
		return;
	case ACT_KILL_WORD:
		edit_kill_word(&ui->ed);
		break;
	case ACT_KILL_LINE:
		edit_kill_line(&ui->ed);
		break;
	case ACT_SAVED_REPLY:
		ui_reply_saved(ui, &ui->reply);
		break;
	default:
		if (key == KEYC_CTRL('c')) {
			ui_quit(ui);
			return;
		}
		if (edit_key(&ui->ed, key) == -1)
			ui_message(ui, 1, "the reply cannot grow further");
		break;
	}
	if (ui->ed.changed && ui->draft_timer == 0)
		ui->draft_timer = loop_timer_add(ui->ctx.loop,
		    UI_DRAFT_DELAY_MS, ui_compose_draft_fire, ui);
}
