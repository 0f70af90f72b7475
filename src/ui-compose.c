/*
 * ui-compose.c -- the composer screen: an inline multi-line editor,
 * $EDITOR, the saved replies, and the send once the check screen
 * (ui-check.c) has shown where the reply goes.
 *
 * Nothing typed is lost: the draft is saved a second after each change,
 * on Esc, before the editor runs, and when heed leaves. Misspelled words
 * are underlined once typing pauses (ui-spell.c).
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
#include "guard.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "platform-account.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

#define UI_DRAFT_DELAY_MS	1000
#define UI_DRAFT_RETRY_MS	3000

/* The composer's own state. */
struct ui_compose {
	struct ui	*ui;
	struct edit	 ed;
	struct item	 reply;		/* the item answered */
	int		 private;	/* a private reply */
	uint64_t	 draft_timer;
	int		 draft_unsaved;	/* the cache lacks the text */
	char		*draft_error;	/* why it was not saved */
	size_t		 escroll;
	struct ui_spell	*spell;		/* the underlines */
	size_t		 limit;		/* of the reply's length */
};

static const struct ui_screen_ops ui_compose_ops;
static void	ui_compose_draft_fire(void *);

/*
 * Save the draft now if it changed (an empty text deletes it); 0 when the
 * cache holds what the composer shows, -1 when it could not take it. Then
 * the composer says so, keeps the text, and tries again every few seconds
 * until the cache can be written (a full disk freed, say).
 */
static int
ui_compose_save(struct ui_compose *c)
{
	struct ui	*ui = c->ui;
	char		*cause = NULL;

	if (c->draft_timer != 0) {
		loop_timer_cancel(ui->ctx.loop, c->draft_timer);
		c->draft_timer = 0;
	}
	if (!c->ed.changed && !c->draft_unsaved)
		return 0;
	if (store_draft_set(ui->ctx.store, c->reply.id,
	    edit_blank(&c->ed) ? NULL : c->ed.text, &cause) != 0) {
		if (!c->draft_unsaved || c->draft_error == NULL ||
		    strcmp(cause, c->draft_error) != 0)
			ui_message(ui, 1, "The draft could not be saved: %s. It "
			    "stays here in the composer, and heed saves it as "
			    "soon as the cache can be written.", cause);
		free(c->draft_error);
		c->draft_error = cause;
		c->draft_unsaved = 1;
		c->draft_timer = loop_timer_add(ui->ctx.loop,
		    UI_DRAFT_RETRY_MS, ui_compose_draft_fire, c);
		ui->dirty = 1;
		return -1;
	}
	if (c->draft_unsaved)
		ui_message(ui, 0, "The draft is saved now.");
	c->draft_unsaved = 0;
	free(c->draft_error);
	c->draft_error = NULL;
	c->ed.changed = 0;
	ui->dirty = 1;
	return 0;
}

/* Save the draft when typing pauses, or try again after a failure. */
static void
ui_compose_draft_fire(void *arg)
{
	struct ui_compose	*c = arg;

	c->draft_timer = 0;
	ui_compose_save(c);
}

/* Save the draft; 1 with *u when the cache still cannot take it. */
static int
ui_compose_unsaved(struct ui *ui, void *data, struct ui_unsaved *u)
{
	struct ui_compose	*c = data;

	(void)ui;
	if (ui_compose_save(c) == 0 || !c->draft_unsaved ||
	    c->ed.text == NULL || edit_blank(&c->ed))
		return 0;
	u->to = ui_name_of(&c->reply);
	u->error = c->draft_error;
	u->text = c->ed.text;
	return 1;
}

/* Free the composer. */
static void
ui_compose_free(struct ui *ui, void *data)
{
	struct ui_compose	*c = data;

	if (c->draft_timer != 0)
		loop_timer_cancel(ui->ctx.loop, c->draft_timer);
	ui_spell_free(c->spell);
	if (c->ed.text != NULL)
		edit_free(&c->ed);
	item_clear(&c->reply);
	free(c->draft_error);
	free(c);
}

/*
 * The words a public reply to an item starts with on its platform (the
 * "@author " Mastodon's apps write), or NULL: a new string.
 */
static char *
ui_compose_prefix(struct ui *ui, const struct item *it)
{
	const struct platform_ops	*ops = ui_platform(ui, it);
	const struct config_account	*a;
	struct platform_account		 pa;
	char				*extra = NULL, *cause = NULL, *p;

	if (ops == NULL || ops->reply_prefix == NULL ||
	    (a = ui_account_config(ui, it->account_id)) == NULL)
		return NULL;
	if (store_item_extra(ui->ctx.store, it->id, &extra, &cause) != 0) {
		log_error("the data of item %lld: %s", (long long)it->id,
		    cause);
		free(cause);
		return NULL;
	}
	platform_account_from_config(&pa, ui->ctx.cfg, a, util_now());
	p = ops->reply_prefix(&pa, extra);
	free(extra);
	if (p != NULL && *p == '\0') {
		free(p);
		p = NULL;
	}
	return p;
}

/*
 * Open the composer on an item, with its draft or a starting text, for a
 * public or a private reply; 0, or -1 when the draft cannot be read. A
 * new public reply starts with the words its platform's apps start one
 * with (the names of those it answers, on Mastodon). Then
 * the composer stays closed: an empty one would write over the draft at
 * the first key.
 */
int
ui_compose_open(struct ui *ui, const struct item *it, const char *start,
    int private)
{
	struct ui_compose	*c;
	char			*draft = NULL, *cause = NULL, *prefix;

	if (store_draft_get(ui->ctx.store, it->id, &draft, &cause) != 0) {
		ui_message(ui, 1, "The reply's draft could not be read, so the "
		    "composer stays closed rather than write over it: %s. heed "
		    "doctor checks the cache.", cause);
		free(cause);
		return -1;
	}
	c = xcalloc(1, sizeof *c);
	c->ui = ui;
	item_copy(&c->reply, it);
	edit_init(&c->ed, 1);
	if (draft != NULL) {
		edit_set(&c->ed, draft);
		ui_message(ui, 0, "Your draft is back.");
	} else if (!private && (prefix = ui_compose_prefix(ui, it)) != NULL) {
		edit_insert_str(&c->ed, prefix);
		free(prefix);
	}
	if (start != NULL)
		edit_insert_str(&c->ed, start);
	free(draft);
	c->ed.changed = start != NULL;
	c->private = private;
	if (ui_platform(ui, it) != NULL)
		c->limit = ui_text_limit(ui, it, ui_platform(ui, it));
	c->spell = ui_spell_new(ui, &c->ed, it);
	ui_spell_touch(c->spell);
	ui_screen_push(ui, &ui_compose_ops, c);
	return 0;
}

/* Leave the composer, back to where it was opened from. */
static void
ui_compose_close(struct ui_compose *c)
{
	struct ui	*ui = c->ui;

	ui_refresh_counts(ui);
	ui_screen_pop(ui, c);
}

/*
 * A saved reply with the placeholders heed knows filled from the item
 * answered: the customer's first name, the shop's name (guard_fill).
 * Returns a new string.
 */
static char *
ui_compose_fill(struct ui *ui, const struct item *it, const char *text)
{
	char	*shop = NULL, *cause = NULL, *filled;

	if (store_own_name(ui->ctx.store, it->account_id, &shop, &cause) < 0) {
		log_error("the shop's name: %s", cause);
		free(cause);
	}
	filled = guard_fill(text, it->own ? NULL : it->author_name, shop);
	free(shop);
	return filled;
}

/* Answer of the saved-reply menu: into the composer, or start one. */
static void
ui_compose_saved_chosen(struct ui *ui, const char *key)
{
	const struct config_reply	*r;
	struct ui_compose		*c;
	struct item			 it;
	size_t				 i;
	char				*text;

	if (key == NULL || *key < '1' || *key > '9')
		return;
	i = (size_t)(*key - '1');
	if (i >= ui->ctx.cfg->nreplies)
		return;
	r = &ui->ctx.cfg->replies[i];
	if ((c = ui_screen_find(ui, &ui_compose_ops)) != NULL) {
		text = ui_compose_fill(ui, &c->reply, r->text);
		edit_insert_str(&c->ed, text);
		free(text);
		ui_spell_touch(c->spell);
		return;
	}
	if (ui_act_item(ui, &it) != 0)
		return;
	text = ui_compose_fill(ui, &it, r->text);
	if (ui_compose_open(ui, &it, text, 0) == 0)
		ui_message(ui, 0, "Saved reply \"%s\": make it personal, then "
		    "Enter.", r->name);
	free(text);
	item_clear(&it);
}

/* Offer the saved replies; the chosen one goes into the composer. */
void
ui_compose_saved(struct ui *ui, const struct item *it)
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
	    ui_compose_saved_chosen);
	buf_free(&body);
	buf_free(&keys);
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
	struct ui_spell	*spell;
	const char	*text;		/* the whole text; rows are in it */
	int		 top;
	size_t		 first;
	size_t		 rows;
};

/* Draw one editor row if it is in the visible window. */
static void
ui_compose_paint_row(void *arg, size_t row, const char *s, size_t len)
{
	struct ui_compose_paint	*p = arg;

	if (row < p->first || row >= p->first + p->rows)
		return;
	ui_spell_draw_row(p->spell, p->top + (int)(row - p->first), 1,
	    p->text, (size_t)(s - p->text), len, (size_t)p->ui->cols - 2);
}

/* Draw the item answered, a few lines of it. */
static int
ui_compose_draw_context(struct ui *ui, struct ui_compose *c, int y,
    int maxrows)
{
	char	**lines, *head, *who;
	size_t	  n, i;

	attrset(A_BOLD);
	who = ui_name_handle(&c->reply);
	head = xprintf("Reply to %s", who);
	free(who);
	ui_draw_text(y++, 1, head, (size_t)ui->cols - 2);
	free(head);
	attrset(ui_attr(ui, PAIR_DIM, 0));
	n = text_wrap(c->reply.text != NULL ? c->reply.text : "",
	    (size_t)ui->cols - 4, &lines);
	for (i = 0; i < n && (int)i < maxrows; i++)
		ui_draw_text(y++, 3, lines[i], (size_t)ui->cols - 4);
	text_lines_free(lines, n);
	attrset(A_NORMAL);
	return y;
}

/* Draw the composer. */
static void
ui_compose_draw(struct ui *ui, void *data)
{
	struct ui_compose	*c = data;
	struct ui_compose_paint	 p;
	size_t			 cy, cx, total;
	char			*len, *bar;
	const char		*note;
	int			 y, over;

	y = ui_compose_draw_context(ui, c, 1, ui->rows > 20 ? 6 : 2);
	len = ui_text_length(ui, &c->reply, c->ed.text, c->limit, &over);
	note = ui_spell_note(c->spell);
	bar = xprintf("-- your %sreply -- %s %s%s%s", c->private ?
	    "private " : "", len, c->draft_unsaved ? "-- DRAFT NOT SAVED: "
	    "the cache cannot be written; heed keeps trying -- " : "",
	    note != NULL ? "-- " : "", note != NULL ? note : "");
	attrset(over || c->draft_unsaved ? ui_attr(ui, PAIR_ERROR, A_BOLD) :
	    ui_attr(ui, PAIR_DIM, A_BOLD));
	ui_draw_text(y++, 0, bar, (size_t)ui->cols);
	attrset(A_NORMAL);
	free(bar);
	free(len);
	p.ui = ui;
	p.spell = c->spell;
	p.text = c->ed.text;
	p.top = y;
	p.rows = ui->rows - 2 > y ? (size_t)(ui->rows - 2 - y) : 1;
	total = ui_compose_rows(&c->ed, (size_t)ui->cols - 2, NULL, NULL,
	    &cy, &cx);
	if (cy < c->escroll)
		c->escroll = cy;
	if (cy >= c->escroll + p.rows)
		c->escroll = cy - p.rows + 1;
	if (total <= p.rows)
		c->escroll = 0;
	p.first = c->escroll;
	ui_compose_rows(&c->ed, (size_t)ui->cols - 2, ui_compose_paint_row,
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
 * once its send_delay has passed, which u can use to take it back (the
 * delay is in the cache: a heed killed meanwhile, or heed sync, keeps it).
 * The check screen calls this once it is closed.
 */
static void
ui_compose_send(struct ui *ui, void *arg)
{
	struct ui_compose	*c = arg;
	struct outbox_entry	 e;
	char			*cause = NULL;
	struct store		*st = ui->ctx.store;
	int64_t			 delay;

	memset(&e, 0, sizeof e);
	e.account_id = c->reply.account_id;
	e.item_id = c->reply.id;
	e.kind = c->private ? ACTION_PRIVATE_REPLY : ACTION_REPLY;
	e.target_remote_id = xstrdup(c->reply.remote_id);
	e.body = xstrdup(c->ed.text);
	e.idem_key = ui_compose_idem_key();
	delay = config_int(ui->ctx.cfg, ui_account_config(ui,
	    c->reply.account_id), OPT_SEND_DELAY);
	e.next_attempt = util_now() + delay;
	/* Queued and logged together, or neither: the log never lies. */
	if (store_begin(st, &cause) != 0 ||
	    store_outbox_add(st, &e, &cause) != 0 ||
	    store_activity_add(st, c->reply.id, action_kind_name(e.kind),
	    "queued", &cause) != 0 ||
	    store_draft_set(st, c->reply.id, NULL, &cause) != 0 ||
	    store_set_status(st, c->reply.id, STATUS_DONE, 0, &cause) != 0 ||
	    store_commit(st, &cause) != 0) {
		store_rollback(st);
		if (ui_compose_save(c) == 0)
			ui_message(ui, 1, "Not sent: %s. The reply stays here in "
			    "the composer, saved as a draft.", cause);
		else
			ui_message(ui, 1, "Not sent: %s. The draft is not saved "
			    "either: it stays here in the composer, and heed "
			    "saves it as soon as the cache can be written.",
			    cause);
		free(cause);
		outbox_entry_clear(&e);
		return;
	}
	if (delay > 0)
		ui_undo_reply(ui, &c->reply, e.id, c->private);
	outbox_entry_clear(&e);
	if (delay > 0)
		ui_message(ui, 0, "%s to %s leaves in %llds; u takes it back.",
		    c->private ? "Private reply" : "Reply",
		    ui_name_of(&c->reply), (long long)delay);
	else
		ui_message(ui, 0, "%s to %s queued; sending...", c->private ?
		    "Private reply" : "Reply", ui_name_of(&c->reply));
	c->ed.changed = 0;
	c->draft_unsaved = 0;
	ui_compose_close(c);
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
ui_compose_editor(struct ui *ui, struct ui_compose *c)
{
	const char	*tmp = getenv("TMPDIR");
	char		*path, *raw, *clean;
	int		 fd;
	size_t		 len;

	ui_compose_save(c);
	path = xprintf("%s/heed-reply-XXXXXX", tmp != NULL && *tmp == '/' ?
	    tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1) {
		ui_message(ui, 1, "cannot make a file for the editor: %s",
		    strerror(errno));
		free(path);
		return;
	}
	len = c->ed.len;
	if (write(fd, c->ed.text, len) != (ssize_t)len) {
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
		edit_set(&c->ed, clean);
		free(clean);
		free(raw);
		ui_compose_save(c);
	}
	unlink(path);
	free(path);
}

/* Close the composer, keeping the draft, unless it cannot be kept. */
static void
ui_compose_cancel(struct ui *ui, struct ui_compose *c)
{
	if (ui_compose_save(c) != 0 && !edit_blank(&c->ed)) {
		ui_message(ui, 1, "The draft is not saved (%s), so the "
		    "composer stays open: closing it would lose the "
		    "text. heed saves it as soon as the cache can be "
		    "written; C-c asks before quitting without it.",
		    c->draft_error);
		return;
	}
	if (!edit_blank(&c->ed))
		ui_message(ui, 0, "Draft kept; r on this item brings it back.");
	ui_compose_close(c);
}

/* Back from the check screen to a finding: the cursor goes to it. */
static void
ui_compose_jump(struct ui *ui, void *arg, size_t at)
{
	struct ui_compose	*c = arg;

	(void)ui;
	/* A finding's start is a character's: past the end, the end. */
	c->ed.cursor = at <= c->ed.len ? at : c->ed.len;
}

static const struct ui_check_to ui_compose_check_to = {
	.send = ui_compose_send,
	.jump = ui_compose_jump
};

/* Handle a key in the composer. */
static void
ui_compose_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_compose	*c = data;

	switch (action) {
	case ACT_SEND:
		if (edit_blank(&c->ed))
			ui_message(ui, 1, "Nothing to send yet.");
		else
			ui_check_open(ui, &c->reply, c->ed.text, c->private,
			    &ui_compose_check_to, c);
		break;
	case ACT_NEWLINE:
		edit_insert(&c->ed, '\n');
		break;
	case ACT_EDITOR:
		ui_compose_editor(ui, c);
		break;
	case ACT_CANCEL:
	case ACT_QUIT:
		ui_compose_cancel(ui, c);
		return;
	case ACT_KILL_WORD:
		edit_kill_word(&c->ed);
		break;
	case ACT_KILL_LINE:
		edit_kill_line(&c->ed);
		break;
	case ACT_SAVED_REPLY:
		ui_compose_saved(ui, &c->reply);
		break;
	case ACT_ADD_WORD:
		ui_spell_add_word(c->spell);
		break;
	default:
		if (key == KEYC_CTRL('c')) {
			ui_quit(ui);
			return;
		}
		if (edit_key(&c->ed, key) == -1)
			ui_message(ui, 1, "the reply cannot grow further");
		break;
	}
	if (c->ed.changed && c->draft_timer == 0)
		c->draft_timer = loop_timer_add(ui->ctx.loop,
		    UI_DRAFT_DELAY_MS, ui_compose_draft_fire, c);
	ui_spell_touch(c->spell);
}

static const struct ui_screen_ops ui_compose_ops = {
	.name = "compose",
	.keys = SCREEN_COMPOSE,
	.own_ctrl_c = 1,
	.hint = "Enter check & send  M-Enter new line  C-e editor  "
	    "M-a add word  Esc keep draft  F1 help",
	.draw = ui_compose_draw,
	.key = ui_compose_key,
	.free = ui_compose_free,
	.unsaved = ui_compose_unsaved,
};
