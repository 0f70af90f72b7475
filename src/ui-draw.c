/*
 * ui-draw.c -- the helpers every screen uses, which call no screen:
 * drawing text, the message line, prompts, the counts for the bars,
 * names of people and views, and quitting.
 */
#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "platform.h"
#include "sync.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* Return the attributes for a colour pair, or a monochrome stand-in. */
int
ui_attr(struct ui *ui, int pair, int extra)
{
	if (ui->color)
		return (int)COLOR_PAIR(pair) | extra;
	switch (pair) {
	case PAIR_TITLE:
	case PAIR_STATUS:
	case PAIR_SELECTED:
		return A_REVERSE | extra;
	case PAIR_LATE:
	case PAIR_ERROR:
	case PAIR_FLAG:
		return A_BOLD | extra;
	case PAIR_DIM:
		return A_DIM | extra;
	case PAIR_OWN:
		return A_UNDERLINE | extra;
	}
	return extra;
}

/* Draw sanitized text at (y, x) in at most width columns. */
void
ui_draw_text(int y, int x, const char *s, size_t width)
{
	size_t	n;

	if (width == 0)
		return;
	n = text_fit(s, width, NULL);
	/* The bytes that fit, without a copy (n is 0 for nothing). */
	mvaddnstr(y, x, s, n > INT_MAX ? INT_MAX : (int)n);
}

/*
 * Draw text wrapped to width columns from (y, x) down, on lines before
 * bottom; return the line after the last one drawn.
 */
int
ui_draw_wrapped(int y, int x, const char *s, size_t width, int bottom)
{
	char	**lines;
	size_t	  n, i;

	n = text_wrap(s, width != 0 ? width : 1, &lines);
	for (i = 0; i < n && y < bottom; i++)
		ui_draw_text(y++, x, lines[i], width);
	text_lines_free(lines, n);
	return y;
}

/*
 * Fill width columns with spaces from (y, x), in the current attributes.
 * One line of blanks costs one call, not one a column: the queue fills
 * every row.
 */
void
ui_draw_fill(int y, int x, int width)
{
	if (width > 0)
		mvhline(y, x, ' ', width);
}

/* Show a message on the bottom line until the next key. */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;
	char	*raw;

	va_start(ap, fmt);
	raw = xvprintf(fmt, ap);
	va_end(ap);
	free(ui->msg);
	ui->msg = text_sanitize_line(raw, strlen(raw));
	free(raw);
	ui->msg_error = error;
	ui->msg_logged = 0;
	ui->msg_serial++;
	ui->dirty = 1;
}

/*
 * Sync every account now, and say so: the message stays until the sync
 * has ended, when ui.c puts what came of it in its place.
 */
void
ui_sync_now(struct ui *ui)
{
	sync_now(ui->ctx.sync);
	ui_message(ui, 0, "Syncing...");
	ui->sync_msg = ui->msg_serial;
	ui->sync_ran = 0;
	ui->sync_items = ui->counts_failed || !ui->counts_known ? -1 :
	    ui->counts.view[VIEW_ALL];
}

/* Clear a prompt. */
void
ui_prompt_clear(struct ui *ui)
{
	free(ui->prompt.label);
	free(ui->prompt.body);
	free(ui->prompt.choices);
	if (ui->prompt.active && !ui->prompt.choice)
		edit_free(&ui->prompt.ed);
	memset(&ui->prompt, 0, sizeof ui->prompt);
	ui->dirty = 1;
}

/* Ask for a line of text; fn gets it, or NULL when cancelled. */
void
ui_ask_line(struct ui *ui, const char *label, const char *initial,
    ui_answer_cb fn)
{
	ui_prompt_clear(ui);
	ui->prompt.active = 1;
	ui->prompt.label = xstrdup(label);
	edit_init(&ui->prompt.ed, 0);
	if (initial != NULL)
		edit_set(&ui->prompt.ed, initial);
	ui->prompt.done = fn;
}

/* Ask a question in a box; fn gets the key pressed, or NULL on Esc. */
void
ui_ask_choice(struct ui *ui, const char *label, const char *body,
    const char *choices, ui_answer_cb fn)
{
	ui_prompt_clear(ui);
	ui->prompt.active = 1;
	ui->prompt.choice = 1;
	ui->prompt.label = xstrdup(label);
	ui->prompt.body = xstrdup(body);
	ui->prompt.choices = xstrdup(choices);
	ui->prompt.done = fn;
}

/* Finish a prompt with an answer (NULL: cancelled). */
static void
ui_prompt_finish(struct ui *ui, const char *answer)
{
	ui_answer_cb	 fn = ui->prompt.done;
	char		*copy = answer != NULL ? xstrdup(answer) : NULL;

	ui_prompt_clear(ui);
	fn(ui, copy);
	free(copy);
}

/* Feed a key to the active prompt. */
void
ui_prompt_key(struct ui *ui, uint32_t key)
{
	struct edit	*e = &ui->prompt.ed;
	char		 s[8];
	size_t		 n;

	ui->dirty = 1;
	if (key == KEYC_ESC || key == KEYC_CTRL('c') || key == KEYC_CTRL('g')) {
		ui_prompt_finish(ui, NULL);
		return;
	}
	if (ui->prompt.choice) {
		if (key >= 0x20 && key < KEYC_BASE) {
			n = text_encode(key, s);
			s[n] = '\0';
			if (strstr(ui->prompt.choices, s) != NULL)
				ui_prompt_finish(ui, s);
		} else if (key == KEYC_ENTER)
			ui_prompt_finish(ui, "\r");
		return;
	}
	if (key == KEYC_TAB && ui->prompt.complete != NULL) {
		ui->prompt.complete(ui);
		return;
	}
	/* What Tab listed is for the text as it was. */
	free(ui->prompt.body);
	ui->prompt.body = NULL;
	switch (key) {
	case KEYC_ENTER:
		ui_prompt_finish(ui, e->text);
		return;
	case KEYC_CTRL('w'):
		edit_kill_word(e);
		return;
	case KEYC_CTRL('u'):
		edit_kill_line(e);
		return;
	}
	edit_key(e, key);
}

/* Give the terminal back to a child (the editor). */
void
ui_suspend(struct ui *ui)
{
	(void)ui;
	def_prog_mode();
	endwin();
}

/* Take the terminal back after a child. */
void
ui_resume(struct ui *ui)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->dirty = 1;
	refresh();
}

/* The platform of an item's account. */
const struct platform_ops *
ui_platform(struct ui *ui, const struct item *it)
{
	return sync_platform_of(ui->ctx.sync, it->account_id);
}

/* The config's section of an account (by the cache's id), or NULL. */
const struct config_account *
ui_account_config(struct ui *ui, int64_t account)
{
	const struct config_account	*a = NULL;
	struct store_account		*acc;
	size_t				 n, i;

	if (store_account_list(ui->ctx.store, &acc, &n, NULL) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (acc[i].id == account)
			a = config_account_find(ui->ctx.cfg, acc[i].name);
	}
	store_account_list_free(acc, n);
	return a;
}

/*
 * The length limit of a reply to an item: what its account's platform
 * last said for the account (a Mastodon instance sets its own), else
 * the platform's.
 */
size_t
ui_text_limit(struct ui *ui, const struct item *it,
    const struct platform_ops *ops)
{
	int64_t	 limit;
	char	*cause = NULL;

	if (store_account_limit(ui->ctx.store, it->account_id,
	    (int64_t)ops->text_limit, &limit, &cause) != 0) {
		free(cause);
		return ops->text_limit;
	}
	return limit > 0 ? (size_t)limit : ops->text_limit;
}

/*
 * Describe the length of a reply to it against limit (ui_text_limit,
 * read once when the screen opens, not at every key).
 */
char *
ui_text_length(struct ui *ui, const struct item *it, const char *text,
    size_t limit, int *over)
{
	const struct platform_ops	*ops = ui_platform(ui, it);
	size_t				 n;

	if (ops == NULL) {
		*over = 0;
		return xstrdup("");
	}
	n = platform_text_length(ops, text);
	*over = n > limit;
	return xprintf("%zu/%zu %s", n, limit,
	    ops->count == COUNT_GRAPHEMES ? "characters (graphemes)" :
	    "characters");
}

/* The name of the person who wrote an item, to answer them (lent). */
const char *
ui_name_of(const struct item *it)
{
	if (it->author_name != NULL && *it->author_name != '\0')
		return it->author_name;
	if (it->author_handle != NULL && *it->author_handle != '\0')
		return it->author_handle;
	return "this comment's author";
}

/*
 * Name the author of an item with their handle as the platform shows it
 * (stored ready to draw: "@anna.bsky.social" on Bluesky, nothing on
 * Facebook), as "Anna Jansen (@anna.bsky.social)"; new string.
 */
char *
ui_name_handle(const struct item *it)
{
	const char	*name = it->author_name, *handle = it->author_handle;

	if (name == NULL || *name == '\0')
		return xstrdup(ui_name_of(it));
	if (handle == NULL || *handle == '\0' || strcmp(handle, name) == 0)
		return xstrdup(name);
	return xprintf("%s (%s)", name, handle);
}

/* The item a prompt is about, fetched fresh; 0, or -1 (said). */
int
ui_act_item(struct ui *ui, struct item *it)
{
	char	*cause = NULL;

	memset(it, 0, sizeof *it);
	if (store_item_get(ui->ctx.store, ui->act_item, it, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Answer of the question before quitting without an unsaved draft. */
static void
ui_quit_answered(struct ui *ui, const char *key)
{
	if (key != NULL && *key == 'y') {
		ui->quit = 1;
		return;
	}
	ui_message(ui, 0, "Still here; heed saves the draft as soon as the "
	    "cache can be written.");
}

/*
 * Quit, unless the composer holds a draft that the cache could not take:
 * then ask first, since it would be gone.
 */
void
ui_quit(struct ui *ui)
{
	struct ui_unsaved	 u;
	char			*body;

	if (ui_screen_unsaved(ui, &u)) {
		body = xprintf("The draft to %s could not be saved in the cache "
		    "(%s).\n\nIf heed quits now, the text is printed in the "
		    "terminal once heed has closed, and kept nowhere else.\n\n"
		    "y: quit anyway    n or Esc: stay (heed keeps trying to save "
		    "it)", u.to, u.error);
		ui_ask_choice(ui, "Quit without the draft?", body, "yn",
		    ui_quit_answered);
		free(body);
		return;
	}
	ui->quit = 1;
}

/*
 * Complete word, the start of one of n candidates: to the one it starts
 * when it starts one, else as far as they all agree, listing them above
 * the line. Return the completed word (new), or NULL when none fits.
 */
char *
ui_complete_word(struct ui *ui, const char *word,
    const char *const *v, size_t n)
{
	struct buf	 b;
	const char	*first = NULL;
	size_t		 i, len = strlen(word), common = 0, found = 0;

	buf_init(&b, 0);
	for (i = 0; i < n; i++) {
		if (strncmp(v[i], word, len) != 0)
			continue;
		if (found++ == 0) {
			first = v[i];
			common = strlen(v[i]);
		} else {
			while (common > 0 && strncmp(first, v[i], common) != 0)
				common--;
		}
		buf_printf(&b, "%s%s", b.len != 0 ? "  " : "", v[i]);
	}
	free(ui->prompt.body);
	ui->prompt.body = found > 1 ? buf_steal(&b) : NULL;
	buf_free(&b);
	if (found == 0)
		return NULL;
	return xstrndup(first, common);
}
